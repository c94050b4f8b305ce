from uuid import UUID

from django.db import connection, models

# The right-hand sides read the row as it was: the window just ended becomes the previous one.
HIT_SQL = """
    INSERT INTO core_throttlebucket AS bucket (key, window_start, hits, previous_hits) VALUES (%s, %s, 1, 0)
    ON CONFLICT (key) DO UPDATE SET
        previous_hits = CASE
            WHEN bucket.window_start = EXCLUDED.window_start THEN bucket.previous_hits
            WHEN bucket.window_start = EXCLUDED.window_start - %s THEN bucket.hits
            ELSE 0 END,
        hits = CASE WHEN bucket.window_start = EXCLUDED.window_start THEN bucket.hits + 1 ELSE 1 END,
        window_start = EXCLUDED.window_start
    RETURNING hits, previous_hits
"""


class ThrottleBucketQuerySet(models.QuerySet):
    def hit(self, key: str, window_start: int, duration: int) -> tuple[int, int]:
        """Count one hit of `key` in the window of `duration` seconds starting at
        `window_start`; returns that window's hits and the previous window's, in one
        statement, atomically across processes."""
        with connection.cursor() as cursor:
            cursor.execute(HIT_SQL, [key, window_start, duration])
            return cursor.fetchone()


class ThrottleBucket(models.Model):
    """A request counter shared by every worker process, for the current window and the one
    before (an UNLOGGED table: counters are worth nothing after a crash, and skipping the WAL
    keeps a hit cheap)."""

    key = models.CharField(max_length=200, primary_key=True)
    window_start = models.BigIntegerField(help_text="Unix time the current window began.")
    hits = models.PositiveIntegerField()
    previous_hits = models.PositiveIntegerField(default=0, db_default=0, help_text="Hits in the window before.")

    objects = ThrottleBucketQuerySet.as_manager()

    class Meta:
        db_table = "core_throttlebucket"

    def __str__(self) -> str:
        return f"{self.key}: {self.hits} since {self.window_start}"


CLAIM_SQL = """
    INSERT INTO core_idempotencyrecord (scope, key, fingerprint, created_at, status_code, body, location)
    VALUES (%s, %s, %s, now(), NULL, NULL, '')
    ON CONFLICT (scope, key) DO NOTHING
    RETURNING id
"""


class IdempotencyRecordQuerySet(models.QuerySet):
    def claim(self, *, scope: UUID, key: str, fingerprint: str) -> bool:
        """Claims `key` for this transaction. A concurrent claim of the same key waits until
        this transaction ends, then finds it taken."""
        with connection.cursor() as cursor:
            cursor.execute(CLAIM_SQL, [scope, key, fingerprint])
            return cursor.fetchone() is not None


class IdempotencyRecord(models.Model):
    """The first response to a request sent with an Idempotency-Key, replayed to retries.
    Keys belong to an organization; the unique constraint makes a key count once."""

    scope = models.UUIDField(help_text="The caller's organization (or the user, for staff).")
    key = models.CharField(max_length=200)
    fingerprint = models.CharField(max_length=64, help_text="SHA-256 of the method, path and body.")
    created_at = models.DateTimeField(db_index=True)
    status_code = models.PositiveSmallIntegerField(null=True)
    body = models.JSONField(null=True)
    location = models.CharField(max_length=500, blank=True)

    objects = IdempotencyRecordQuerySet.as_manager()

    class Meta:
        db_table = "core_idempotencyrecord"
        constraints = [models.UniqueConstraint(fields=["scope", "key"], name="idempotency_key_once_per_scope")]

    def __str__(self) -> str:
        return f"{self.key} ({self.status_code})"
