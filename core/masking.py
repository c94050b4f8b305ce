"""The one rule that hides passwords inside file locations, wherever text is shown or logged."""

import re

# A host: a bracketed IPv6 address or dot-separated labels.
HOST = (
    r"(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?)*)"
)
# What may follow a host: a port or a path (`host:/in` and `host:21`), a query, or the end of the location.
AFTER_HOST = r"(?=[:/?#,;)\]\s\"'<>]|$)"

# `user:password@host`, with or without a scheme, starting where a location starts. The user
# holds no `:` or `/` (it may hold `@`: `me@corp.com:pw@host`); `scheme://` is never taken for
# a user and a password. The password holds anything but spaces and quotes (`/` and `@`
# included), so it ends at the *last* `@` that is followed by a host. When a path also holds
# an `@`, more is hidden than the password: the safe way to be wrong.
USERINFO = re.compile(
    r"(?<![^\s\"'<>(\[,;=])(?P<user>(?:[A-Za-z][A-Za-z0-9+.-]*://)?(?!mailto:)[^\s:/\"'<>]+:(?!//))"
    r"(?P<password>[^\s\"'<>]*)"
    rf"@(?P<host>{HOST}){AFTER_HOST}"
)
# Credentials passed as query parameters (`?password=…`, S3's `X-Amz-Signature=…`).
SECRET_PARAMETER = re.compile(
    r"(?P<name>[?&;](?:password|passwd|pwd|pass|secret|secret_key|secret_access_key|aws_secret_access_key"
    r"|access_token|token|sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token)=)"
    r"[^&#\s\"'<>]+",
    re.IGNORECASE,
)


def mask_url_credentials(text: str) -> str:
    """`ftp://foo:bar@host` → `ftp://foo:***@host`, and `user:s/e@cret@host:/in` →
    `user:***@host:/in`, wherever either appears in `text`; secret query parameters too."""
    masked = USERINFO.sub(r"\g<user>***@\g<host>", text)
    return SECRET_PARAMETER.sub(r"\g<name>***", masked)
