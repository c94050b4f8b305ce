from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="throttlebucket",
            name="previous_hits",
            field=models.PositiveIntegerField(db_default=0, default=0, help_text="Hits in the window before."),
        ),
    ]
