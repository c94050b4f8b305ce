"""Email, through Django's mail framework: each message is a template pair in the sending app's
templates folder, `<name>.txt` (plain text, not escaped) and `<name>.html`, whose first text
line is the subject.

Nothing is sent in the request or the transaction that asks for it: `send` renders the message
and queues a job in the current transaction, and the worker sends it once that commits. So a
mail server that is down or slow never fails or slows a change, a change rolled back sends
nothing, and one message that cannot be sent never stops another."""

from django.template import Context
from django.template.loader import get_template

from core.tasks import send_email
from core.worker import defer


def header_text(text: str) -> str:
    """One line of header text: any run of whitespace, line breaks included, is one space, so
    no value (an organization's name in a subject) can end a header or start another."""
    return " ".join(text.split())


def render(template: str, *, to: str, context: dict, contained: bool = False) -> dict:
    """A message as the job sends it. `contained` keeps it off the mail server: it goes to
    SANDBOX_EMAIL_BACKEND (the console, or a file), never to the address."""
    # The subject line is split from the template before rendering: a line break in a value
    # must not move the rest of the subject into the body. Plain text is not HTML-escaped.
    plain = get_template(f"{template}.txt").template
    subject, text = (plain.engine.from_string(part) for part in plain.source.partition("\n")[::2])
    unescaped = Context(context, autoescape=False)
    return {
        "to": header_text(to),
        "subject": header_text(subject.render(unescaped)),
        "text": text.render(unescaped).lstrip("\n"),
        "html": get_template(f"{template}.html").render(context),
        "contained": contained,
    }


def send(template: str, *, to: str, context: dict, contained: bool = False) -> None:
    """Queues the message in the current transaction; the worker sends it once that commits."""
    send_all([render(template, to=to, context=context, contained=contained)])


def send_all(messages: list[dict]) -> None:
    defer(send_email, messages)
