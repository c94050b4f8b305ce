"""The worker's jobs of no app in particular: sending email (`core.mail` queues them), the
prune of expired tokens, keys and counters, and retrying the jobs of a worker that died."""

import logging

from django.conf import settings
from django.core.mail import BadHeaderError, EmailMultiAlternatives, get_connection
from django.core.management import call_command
from procrastinate import exceptions, jobs
from procrastinate.contrib.django import app

from core.worker import in_worker

logger = logging.getLogger(__name__)

# A mail server that refuses or is unreachable is tried again: about 10 s, 20 s, 40 s … later.
MAIL_RETRY = {"max_attempts": 8, "wait": 10, "exponential_wait": 2}


@app.task(queue="email", retry=MAIL_RETRY)
@in_worker
def send_email(*, to: str, subject: str, text: str, html: str, contained: bool = False) -> None:
    """Sends one message rendered by `core.mail.render`; a contained one goes to
    SANDBOX_EMAIL_BACKEND, never to a mail server."""
    backend = settings.SANDBOX_EMAIL_BACKEND if contained else None
    message = EmailMultiAlternatives(subject, text, to=[to], connection=get_connection(backend))
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except BadHeaderError:
        # Not worth a retry: the same message fails the same way.
        logger.error("An email with a malformed header was not sent (subject %r)", subject)


@app.periodic(cron="35 3 * * *")
@app.task(queue="maintenance", queueing_lock="prune_expired")
@in_worker
def prune_expired(timestamp: int) -> None:
    """Expired tokens, idempotency keys past their retention, old throttle counters."""
    call_command("prune_expired")


# Two sweeps never run at once (`lock`): both would retry the same jobs.
@app.periodic(cron="* * * * *")
@app.task(queue="maintenance", queueing_lock="retry_stalled_jobs", lock="retry_stalled_jobs", pass_context=True)
async def retry_stalled_jobs(context, timestamp: int) -> None:
    """Jobs of a worker that stopped (killed, its machine gone) run again; except a job whose
    queueing lock another one holds now (a fan-out: one is waiting, and will do this one's
    work), which is ended as failed, since retrying it would break its lock. One job that
    cannot be retried never keeps the others from it."""
    manager = context.app.job_manager
    for job in await manager.get_stalled_jobs(seconds_since_heartbeat=60):
        try:
            try:
                await manager.retry_job(job)
            except exceptions.UniqueViolation:
                await manager.finish_job(job, status=jobs.Status.FAILED, delete_job=False)
        except exceptions.ConnectorException:
            logger.warning("Stalled job %s was no longer running when retried", job.id, exc_info=True)
