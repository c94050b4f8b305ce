from django.db import migrations, models

# Events are fanned out by one job draining every waiting event, where each event had a job of
# its own: those whose job has run are marked fanned out, and the jobs still waiting drain.
MARK_FANNED_OUT = """
    UPDATE events_event SET fanned_out = true
    WHERE id NOT IN (
        SELECT (args->>'event_id')::bigint FROM procrastinate_jobs
        WHERE task_name = 'events.tasks.fan_out' AND status IN ('todo', 'doing') AND args ? 'event_id'
    );
    UPDATE procrastinate_jobs SET args = '{}'
    WHERE task_name = 'events.tasks.fan_out' AND status = 'todo' AND args ? 'event_id';
"""


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("procrastinate", "0041_post_retry_failed_job"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="fanned_out",
            field=models.BooleanField(
                db_default=False,
                default=False,
                help_text="Its notifications and deliveries are made (`events.tasks.fan_out`).",
            ),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(condition=models.Q(("fanned_out", False)), fields=["id"], name="events_to_fan_out"),
        ),
        migrations.RunSQL(MARK_FANNED_OUT, migrations.RunSQL.noop),
    ]
