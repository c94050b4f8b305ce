"""The worker's jobs of no app in particular: sending email (`core.mail` queues them)."""

import logging

from django.conf import settings
from django.core.mail import BadHeaderError, EmailMultiAlternatives, get_connection
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
