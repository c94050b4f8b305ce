"""The worker's jobs for people."""

from procrastinate.contrib.django import app

from core.worker import in_worker
from organizations import services


@app.task(queue="email")
@in_worker
def reset_password(email: str) -> None:
    """A reset asked for through the API: looked up, and emailed, here rather than in the
    request, so that the answer takes the same time whether the email is known or not."""
    services.request_password_reset(email=email)
