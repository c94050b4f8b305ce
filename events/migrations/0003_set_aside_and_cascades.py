from django.db import migrations, models

# What refers to an event (or a notification's user, a delivery's endpoint) goes with it in the
# database too, not only in Django's collector: a fan-out that adds a notification or a delivery
# while the event, the user or the endpoint is being deleted (a sandbox reset, the prune, an
# endpoint removed) then never makes the deletion fail.
REFERENCES = [
    ("events_eventaudience", "event_id", "events_event (id)"),
    ("events_notification", "event_id", "events_event (id)"),
    ("events_webhookdelivery", "event_id", "events_event (id)"),
    ("events_notification", "user_id", "organizations_user (id)"),
    ("events_webhookdelivery", "endpoint_id", "events_webhookendpoint (uuid)"),
]


def cascade(table: str, column: str, target: str, on_delete: str) -> str:
    # Django makes its foreign keys deferrable, initially deferred: so do these.
    return f"""
        DO $$
        DECLARE name text;
        BEGIN
            SELECT con.conname INTO name FROM pg_constraint con
            JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = ANY (con.conkey)
            WHERE con.contype = 'f' AND con.conrelid = '{table}'::regclass AND att.attname = '{column}';
            EXECUTE format('ALTER TABLE {table} DROP CONSTRAINT %I', name);
            EXECUTE format(
                'ALTER TABLE {table} ADD CONSTRAINT %I FOREIGN KEY ({column}) REFERENCES {target}'
                ' {on_delete} DEFERRABLE INITIALLY DEFERRED', name
            );
        END $$;
    """  # noqa: S608 (the names are this file's constants)


class Migration(migrations.Migration):
    dependencies = [("events", "0002_events_to_fan_out")]

    operations = [
        migrations.AddField(
            model_name="event", name="fan_out_failures", field=models.PositiveSmallIntegerField(db_default=0, default=0)
        ),
        migrations.AddField(
            model_name="event",
            name="fan_out_error",
            field=models.TextField(blank=True, db_default="", default=""),
        ),
        migrations.AddField(
            model_name="event", name="fan_out_after", field=models.DateTimeField(blank=True, null=True)
        ),
        *(
            migrations.RunSQL(cascade(*reference, "ON DELETE CASCADE"), cascade(*reference, ""))
            for reference in REFERENCES
        ),
    ]
