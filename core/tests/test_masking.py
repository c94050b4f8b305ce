"""The masking rule against the forms file locations really take."""

import pytest

from core.masking import mask_url_credentials

# (location as stored, as shown): the password never survives, the rest stays readable.
CORPUS = [
    ("ftp://foo:bar@baz.blerg", "ftp://foo:***@baz.blerg"),
    ("sftp://feeds:S3cr3t@ftp.example.com:22/in/items.csv", "sftp://feeds:***@ftp.example.com:22/in/items.csv"),
    ("ftp://foo:pa/ss@host/in", "ftp://foo:***@host/in"),
    ("ftp://foo:p@ss@host/in", "ftp://foo:***@host/in"),
    ("ftp://foo:p@ss/w@rd@host.example.com:21/in", "ftp://foo:***@host.example.com:21/in"),
    ("ftp://me@corp.com:Secr3t@host/in", "ftp://me@corp.com:***@host/in"),
    ("user:Secr3t@host:/in", "user:***@host:/in"),
    ("user:Secr3t@host.example.com:/in/*.csv", "user:***@host.example.com:/in/*.csv"),
    (
        "s3://AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCY@bucket/feeds/",
        "s3://AKIAIOSFODNN7EXAMPLE:***@bucket/feeds/",
    ),
    ("sftp://u:p%40ss@[2001:db8::1]:22/x", "sftp://u:***@[2001:db8::1]:22/x"),
    ("ftp://u:@host/in", "ftp://u:***@host/in"),
    (
        "https://bucket.s3.amazonaws.com/f.csv?X-Amz-Credential=AKIA/x&X-Amz-Signature=abc123",
        "https://bucket.s3.amazonaws.com/f.csv?X-Amz-Credential=***&X-Amz-Signature=***",
    ),
    ("https://feeds.example.com/in?user=me&password=hunter2", "https://feeds.example.com/in?user=me&password=***"),
    ("ftp://a:one@h1, ftp://b:two@h2/x", "ftp://a:***@h1, ftp://b:***@h2/x"),
    ('{"location": "ftp://a:one@h1"}', '{"location": "ftp://a:***@h1"}'),
    ("GET /in?token=abc HTTP/1.1", "GET /in?token=*** HTTP/1.1"),
]
# Nothing secret here: these stay exactly as they are.
UNTOUCHED = [
    "ftp://anonymous@host/in",
    "https://example.com/people/a@b.example",
    "mailto:feeds@example.com",
    "Runs at 12:30 every day",
    "Contact: ops@example.com",
    "C:\\feeds\\in",
]


@pytest.mark.parametrize(("stored", "shown"), CORPUS)
def test_passwords_are_masked_in_every_form(stored, shown):
    assert mask_url_credentials(stored) == shown


@pytest.mark.parametrize("text", UNTOUCHED)
def test_text_without_credentials_is_left_alone(text):
    assert mask_url_credentials(text) == text
