from django.db import migrations

# Every integration already on a connection becomes a feed in setup, sent by the side the
# file guide names (`feeds.services.SENDER`: orders by the retailer, the others by the supplier).
FEEDS_OF_EXISTING_CONNECTIONS = """
    INSERT INTO feeds_feed (integration_id, connection_id, stage, sender, schedule_timezone, grace_minutes,
                            ping_key, health, last_status)
    SELECT uuid, connection_id, 'setup', CASE integration_type WHEN 'order' THEN 'RETAILER' ELSE 'SUPPLIER' END,
           'UTC', 60,
           replace(gen_random_uuid()::text, '-', '') || left(replace(gen_random_uuid()::text, '-', ''), 8), 'paused', ''
    FROM connections_integration WHERE connection_id IS NOT NULL
    ON CONFLICT DO NOTHING
"""


class Migration(migrations.Migration):
    dependencies = [("feeds", "0001_initial"), ("connections", "0006_request_expiry")]

    operations = [migrations.RunSQL(FEEDS_OF_EXISTING_CONNECTIONS, migrations.RunSQL.noop)]
