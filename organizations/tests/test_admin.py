import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db


def test_sandbox_staff_logs_in_to_the_admin_and_sees_the_console(settings):
    settings.TIMP_SANDBOX = True
    out = StringIO()
    call_command("seed_sandbox", "--json", stdout=out)
    staff = json.loads(out.getvalue())["staff"]
    browser = Client()

    response = browser.post(
        "/admin/login/?next=/admin/",
        {"username": staff["username"], "password": staff["password"], "next": "/admin/"},
        follow=True,
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Connection requests" in html
    assert "Organizations" in html
    assert browser.get("/admin/connections/connectionrequest/").status_code == 200


@pytest.mark.parametrize(
    "path",
    ["organization", "person", "accountmanager", "user", "retailer", "supplier"],
)
def test_every_model_page_opens(staff_user, path):
    staff_user.is_superuser = True
    staff_user.save()
    browser = Client()
    browser.force_login(staff_user)

    assert browser.get(f"/admin/organizations/{path}/").status_code == 200
    assert browser.get(f"/admin/organizations/{path}/?q=x").status_code == 200
