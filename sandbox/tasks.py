from procrastinate.contrib.django import app

from core.worker import in_worker
from sandbox import services


@app.periodic(cron="45 2 * * *")
@app.task(queue="maintenance", queueing_lock="remove_idle_tenants")
@in_worker
def remove_idle_tenants(timestamp: int) -> int:
    """Sandbox tenants unused for SANDBOX_TENANT_TTL_DAYS are removed (only in a sandbox)."""
    from django.conf import settings

    return services.remove_idle() if settings.TIMP_SANDBOX else 0
