"""The console's sessions: Django's, kept in the database (`SESSION_ENGINE`)."""

from functools import cache

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from core.json_sql import PreparedQuery

# No session has an empty key (Django's keys have at least 8 characters).
NO_SESSION = ""


@cache
def session_reading() -> PreparedQuery:
    return PreparedQuery(Session.objects.filter(session_key=NO_SESSION).order_by(), NO_SESSION)


class SessionStore(db.SessionStore):
    """Django's database sessions, each read by a query compiled once per process (every
    console page reads its session): the same row, unexpired, as Django's own query finds."""

    def _get_session_from_db(self):
        found = session_reading().run(self.session_key)
        if found and found[0].expire_date > timezone.now():
            return found[0]
        self._session_key = None
        return None
