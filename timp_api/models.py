from django.db import connection, models

HIT_SQL = """
    INSERT INTO timp_api_throttlebucket AS bucket (key, window_start, hits) VALUES (%s, %s, 1)
    ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN bucket.window_start = EXCLUDED.window_start THEN bucket.hits + 1 ELSE 1 END,
        window_start = EXCLUDED.window_start
    RETURNING hits
"""


class ThrottleBucketQuerySet(models.QuerySet):
    def hit(self, key: str, window_start: int) -> int:
        """Count one hit of `key` in the window starting at `window_start` and return the
        window's total, in one statement, atomically across processes."""
        with connection.cursor() as cursor:
            cursor.execute(HIT_SQL, [key, window_start])
            return cursor.fetchone()[0]


class ThrottleBucket(models.Model):
    """A fixed-window request counter shared by every worker process (an UNLOGGED table:
    counters are worth nothing after a crash, and skipping the WAL keeps a hit cheap)."""

    key = models.CharField(max_length=200, primary_key=True)
    window_start = models.BigIntegerField(help_text="Unix time the current window began.")
    hits = models.PositiveIntegerField()

    objects = ThrottleBucketQuerySet.as_manager()

    class Meta:
        db_table = "timp_api_throttlebucket"

    def __str__(self) -> str:
        return f"{self.key}: {self.hits} since {self.window_start}"
