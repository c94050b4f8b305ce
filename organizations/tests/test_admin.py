import json
from io import StringIO

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management import call_command
from django.test import Client
from knox.models import AuthToken

from organizations import services
from organizations.models import OneTimeToken, Organization, User
from organizations.tests.factories import PersonFactory

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
    ["organization", "person", "accountmanager", "user", "retailer", "supplier", "apikey"],
)
def test_every_model_page_opens(staff_user, path):
    staff_user.is_superuser = True
    staff_user.save()
    browser = Client()
    browser.force_login(staff_user)

    assert browser.get(f"/admin/organizations/{path}/").status_code == 200
    assert browser.get(f"/admin/organizations/{path}/?q=x").status_code == 200


def change_form(user: User, **changes) -> dict:
    return {
        "username": user.username,
        "organization": str(user.organization_id or ""),
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00",
        **changes,
    }


def test_account_manager_cannot_make_itself_superuser(account_manager_console, staff_user):
    response = account_manager_console.post(
        f"/admin/organizations/user/{staff_user.pk}/change/",
        change_form(staff_user, is_superuser="on", is_staff="on", groups=[], user_permissions=[]),
    )

    assert response.status_code == 404 or response.status_code == 302
    staff_user.refresh_from_db()
    assert not staff_user.is_superuser
    assert set(staff_user.user_permissions.all()) == set()


def test_account_manager_cannot_reset_a_superusers_password(account_manager_console):
    superuser = User.objects.create_superuser("root", "root@example.com", "the-real-password")

    page = account_manager_console.get(f"/admin/organizations/user/{superuser.pk}/password/")
    attempt = account_manager_console.post(
        f"/admin/organizations/user/{superuser.pk}/password/",
        {"password1": "Taken-0ver-pw", "password2": "Taken-0ver-pw", "set_usable_password": "true"},
    )

    assert page.status_code in (403, 404)
    assert attempt.status_code in (403, 404)
    superuser.refresh_from_db()
    assert superuser.check_password("the-real-password")
    assert not Client().login(username="root", password="Taken-0ver-pw")


def test_account_manager_edits_a_members_profile_but_not_its_powers(account_manager_console, retailer_user):
    response = account_manager_console.post(
        f"/admin/organizations/user/{retailer_user.pk}/change/",
        change_form(retailer_user, first_name="Renamed", is_staff="on", is_superuser="on"),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    retailer_user.refresh_from_db()
    assert retailer_user.first_name == "Renamed"
    assert not retailer_user.is_staff
    assert not retailer_user.is_superuser


def test_account_manager_sees_no_staff_accounts(account_manager_console, staff_user, retailer_user):
    html = account_manager_console.get("/admin/organizations/user/").content.decode()

    assert retailer_user.username in html
    assert f"/admin/organizations/user/{staff_user.pk}/change/" not in html


def test_account_manager_never_sees_or_revokes_a_superusers_tokens(account_manager_console, staff_user, retailer_user):
    superuser = User.objects.create_superuser(username="root", email="root@example.com", password="x")
    theirs, _ = AuthToken.objects.create(user=superuser)
    members, _ = AuthToken.objects.create(user=retailer_user)
    own, _ = AuthToken.objects.create(user=staff_user)

    listed = account_manager_console.get("/admin/knox/authtoken/").content.decode()
    assert f"/admin/knox/authtoken/{members.pk}/change/" in listed
    assert f"/admin/knox/authtoken/{own.pk}/change/" in listed
    assert f"/admin/knox/authtoken/{theirs.pk}/change/" not in listed
    assert account_manager_console.get(f"/admin/knox/authtoken/{theirs.pk}/change/").status_code == 302  # not found
    account_manager_console.post(f"/admin/knox/authtoken/{theirs.pk}/delete/", {"post": "yes"})
    account_manager_console.post(
        "/admin/knox/authtoken/", {"action": "delete_selected", "post": "yes", ACTION_CHECKBOX_NAME: [str(theirs.pk)]}
    )
    assert AuthToken.objects.filter(pk=theirs.pk).exists()


def test_an_organization_added_in_the_admin_has_its_role_and_keeps_its_type(account_manager_console):
    contact = PersonFactory()
    added = account_manager_console.post(
        "/admin/organizations/organization/add/",
        {
            "name": "Console Supplier",
            "website": "",
            "org_type": "SUPPLIER",
            "status": "ACTIVE",
            "primary_contact": str(contact.uuid),
            "users-TOTAL_FORMS": "0",
            "users-INITIAL_FORMS": "0",
        },
    )

    assert added.status_code == 302, added.content.decode()[:3000]
    organization = Organization.objects.get(name="Console Supplier")
    assert organization.supplier.uuid
    assert organization.active_date is not None
    change_page = account_manager_console.get(f"/admin/organizations/organization/{organization.pk}/change/")
    assert 'name="org_type"' not in change_page.content.decode()


def invite_and_make_key(retailer_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invited, _ = services.invite_user(
            organization=retailer_user.organization,
            email="inv@example.com",
            first_name="Ina",
            permissions=["manage_files"],
        )
    api_key, _ = services.create_api_key(
        organization=retailer_user.organization, name="Nightly", created_by=retailer_user
    )
    return invited, api_key


def test_an_organizations_page_shows_its_people_and_keys(
    account_manager_console, retailer_user, django_capture_on_commit_callbacks
):
    _invited, api_key = invite_and_make_key(retailer_user, django_capture_on_commit_callbacks)

    html = account_manager_console.get(f"/admin/organizations/organization/{retailer_user.organization_id}/change/")

    text = html.content.decode()
    assert "inv@example.com" in text
    assert "INVITED" in text
    assert "manage_files" in text
    assert api_key.prefix in text
    assert api_key.user.username not in text  # keys are not listed among the people


def test_staff_resend_an_invitation(
    account_manager_console, retailer_user, mailoutbox, django_capture_on_commit_callbacks
):
    invited, _ = invite_and_make_key(retailer_user, django_capture_on_commit_callbacks)
    first = OneTimeToken.objects.get(user=invited).digest

    with django_capture_on_commit_callbacks(execute=True):
        account_manager_console.post(
            "/admin/organizations/user/",
            {"action": "resend_invitation", ACTION_CHECKBOX_NAME: [str(invited.pk), str(retailer_user.pk)]},
        )

    assert len(mailoutbox) == 2
    assert mailoutbox[1].to == ["inv@example.com"]
    assert OneTimeToken.objects.get(user=invited).digest != first  # the old link stops working


def test_staff_revoke_an_api_key(
    account_manager_console, retailer_user, django_capture_on_commit_callbacks, client_for
):
    _, api_key = invite_and_make_key(retailer_user, django_capture_on_commit_callbacks)
    assert "Nightly" in account_manager_console.get("/admin/organizations/apikey/").content.decode()

    account_manager_console.post(
        "/admin/organizations/apikey/", {"action": "revoke", ACTION_CHECKBOX_NAME: [str(api_key.pk)]}
    )

    api_key.refresh_from_db()
    assert api_key.revoked_at is not None
    assert not AuthToken.objects.filter(user=api_key.user).exists()
