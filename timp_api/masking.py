import re

# user:password@ inside any URL, e.g. ftp://foo:bar@host
URL_CREDENTIALS = re.compile(r"(?P<prefix>[a-zA-Z][a-zA-Z0-9+.-]*://[^\s:/@]*:)[^\s@/]*@")


def mask_url_credentials(text: str) -> str:
    """`ftp://foo:bar@host` → `ftp://foo:***@host`, wherever it appears in `text`."""
    return URL_CREDENTIALS.sub(r"\g<prefix>***@", text)
