"""Email, through Django's mail framework: each message is a template pair in the sending app's
templates folder, `<name>.txt` and `<name>.html`, whose first text line is the subject."""

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string


def send(template: str, *, to: str, context: dict) -> None:
    """Sends once the surrounding transaction commits: a change rolled back sends nothing."""
    subject, _, text = render_to_string(f"{template}.txt", context).partition("\n")
    message = EmailMultiAlternatives(subject.strip(), text.lstrip("\n"), to=[to])
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    transaction.on_commit(message.send)
