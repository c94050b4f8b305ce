"""The throttle counters and idempotency records. They began in the project's configuration
package (tables `timp_api_*`); a database that has them keeps them, renamed, and a new one
creates them."""

from django.db import migrations, models

# Each model and the table it had before.
EARLIER_TABLES = {"ThrottleBucket": "timp_api_throttlebucket", "IdempotencyRecord": "timp_api_idempotencyrecord"}


def rename_or_create(apps, schema_editor):
    existing = set(schema_editor.connection.introspection.table_names())
    for name, earlier in EARLIER_TABLES.items():
        model = apps.get_model("core", name)
        if earlier in existing:
            schema_editor.execute(f"ALTER TABLE {earlier} RENAME TO {model._meta.db_table}")
        else:
            schema_editor.create_model(model)
    # Counters are worth nothing after a crash; skipping the WAL keeps a hit cheap.
    schema_editor.execute("ALTER TABLE core_throttlebucket SET UNLOGGED")


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ThrottleBucket",
                    fields=[
                        ("key", models.CharField(max_length=200, primary_key=True, serialize=False)),
                        ("window_start", models.BigIntegerField(help_text="Unix time the current window began.")),
                        ("hits", models.PositiveIntegerField()),
                    ],
                    options={"db_table": "core_throttlebucket"},
                ),
                migrations.CreateModel(
                    name="IdempotencyRecord",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("scope", models.UUIDField(help_text="The caller's organization (or the user, for staff).")),
                        ("key", models.CharField(max_length=200)),
                        (
                            "fingerprint",
                            models.CharField(help_text="SHA-256 of the method, path and body.", max_length=64),
                        ),
                        ("created_at", models.DateTimeField(db_index=True)),
                        ("status_code", models.PositiveSmallIntegerField(null=True)),
                        ("body", models.JSONField(null=True)),
                        ("location", models.CharField(blank=True, max_length=500)),
                    ],
                    options={
                        "db_table": "core_idempotencyrecord",
                        "constraints": [
                            models.UniqueConstraint(fields=("scope", "key"), name="idempotency_key_once_per_scope")
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(rename_or_create, migrations.RunPython.noop),
    ]
