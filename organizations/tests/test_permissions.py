"""Permissions of an organization's users: the catalogue, assignments, and what they allow."""

import pytest

from organizations.catalogue import BY_NAME, PERMISSIONS
from organizations.models import PermissionAssignment
from organizations.tests.factories import PASSWORD, UserFactory

CATALOGUE = "/timp/organizations/all_permissions/"
CONTRACT_NAMES = {
    "view_org_users",
    "edit_org_users",
    "view_notifications_settings",
    "edit_email_notifications_preferences",
    "request_connections",
    "manage_connections",
    "manage_files",
    "manage_webhooks",
    "manage_api_keys",
}

pytestmark = pytest.mark.django_db


def assignments(user) -> str:
    return f"/timp/organizations/users/permissions/{user.pk}/"


def uuids(*names: str) -> list[str]:
    return [str(BY_NAME[name].uuid) for name in names]


def held(body: dict) -> set[str]:
    return {entry["permission"]["name"] for entry in body["permissions"] if entry["assigned"]}


def test_the_catalogue_has_the_contracts_permissions_with_fixed_uuids(client_for, retailer_user):
    listed = client_for(retailer_user).get(CATALOGUE).json()

    assert {p["name"] for p in listed} == CONTRACT_NAMES
    assert set(listed[0]) == {"uuid", "name", "display_name", "description", "visibility", "grouping"}
    by_name = {p["name"]: p["uuid"] for p in listed}
    assert by_name["view_org_users"] == "68b1647d-b6a7-48b1-9ec2-bf2f1003b6cc"  # as published
    assert len(set(by_name.values())) == len(PERMISSIONS)
    assert by_name == {p.name: str(p.uuid) for p in PERMISSIONS}


def test_login_answers_the_users_permission_assignments(anonymous, retailer_user):
    PermissionAssignment.objects.filter(user=retailer_user, name="manage_files").delete()

    body = anonymous.post(
        "/timp/organizations/user-login/", {"username": retailer_user.username, "password": PASSWORD}
    ).json()

    assignments_ = body["permission_assignments"]
    assert assignments_["org_user"] == {"uuid": str(retailer_user.pk)}
    assert len(assignments_["permissions"]) == len(PERMISSIONS)
    assert held(assignments_) == CONTRACT_NAMES - {"manage_files"}


def test_an_editor_adds_and_removes_a_colleagues_permissions(client_for, retailer_user):
    colleague = UserFactory(organization=retailer_user.organization, permissions=[])
    editor = client_for(retailer_user)

    added = editor.patch(assignments(colleague), {"permission_uuids": uuids("manage_files", "view_org_users")})
    removed = editor.delete(assignments(colleague), {"permission_uuids": uuids("manage_files")})

    assert added.status_code == removed.status_code == 200
    assert held(added.json()) == {"manage_files", "view_org_users"}
    assert held(removed.json()) == {"view_org_users"}
    assert held(editor.get(assignments(colleague)).json()) == {"view_org_users"}


def test_a_removal_names_its_permissions_in_the_query_as_generated_clients_send_it(client_for, retailer_user):
    colleague = UserFactory(organization=retailer_user.organization, permissions=["manage_files", "view_org_users"])
    editor = client_for(retailer_user)
    query = "&".join(f"permission_uuids={uuid}" for uuid in uuids("manage_files", "view_org_users"))

    removed = editor.delete(f"{assignments(colleague)}?{query}")

    assert removed.status_code == 200
    assert held(removed.json()) == set()
    assert editor.delete(assignments(colleague)).status_code == 400  # naming none


def test_without_edit_org_users_changing_permissions_is_403_naming_it(client_for, retailer_user):
    reader = UserFactory(organization=retailer_user.organization, permissions=["view_org_users"])

    response = client_for(reader).patch(assignments(retailer_user), {"permission_uuids": uuids("manage_files")})

    assert response.status_code == 403
    assert "edit_org_users" in response.json()["detail"]
    assert client_for(reader).get(assignments(retailer_user)).status_code == 200


def test_the_last_editor_keeps_edit_org_users(client_for, retailer_user):
    colleague = UserFactory(organization=retailer_user.organization, permissions=["edit_org_users"])
    editor = client_for(retailer_user)

    first = editor.delete(assignments(colleague), {"permission_uuids": uuids("edit_org_users")})
    last = editor.delete(assignments(retailer_user), {"permission_uuids": uuids("edit_org_users")})

    assert first.status_code == 200
    assert last.status_code == 422
    assert "last user who can edit" in last.json()["detail"]
    assert "edit_org_users" in retailer_user.permission_assignments.values_list("name", flat=True)


@pytest.mark.parametrize(
    "body", [{"permission_uuids": ["00000000-0000-4000-8000-000000000000"]}, {"permission_uuids": []}, {}]
)
def test_unknown_or_missing_permissions_are_400(client_for, retailer_user, body):
    assert client_for(retailer_user).patch(assignments(retailer_user), body, format="json").status_code == 400


def test_another_organizations_user_is_404(client_for, retailer_user, other_retailer_user):
    editor = client_for(retailer_user)

    assert editor.get(assignments(other_retailer_user)).status_code == 404
    assert (
        editor.patch(assignments(other_retailer_user), {"permission_uuids": uuids("manage_files")}).status_code == 404
    )


@pytest.mark.parametrize(
    ("permission", "path", "body"),
    [
        (
            "request_connections",
            "/timp/organizations/connections/request/",
            {"organization_name": "A", "primary_contact_name": "B"},
        ),
        ("request_connections", "/timp/discovery/participation/", {}),
    ],
)
def test_member_writes_need_their_permission(client_for, retailer_user, permission, path, body):
    without = UserFactory(organization=retailer_user.organization, permissions=[])
    granted = UserFactory(organization=retailer_user.organization, permissions=[permission])

    refused = client_for(without).post(path, body, format="json")

    assert refused.status_code == 403
    assert refused.json() == {"detail": f"You need the permission {permission} to do this."}
    assert client_for(granted).post(path, body, format="json").status_code in (200, 201)


def test_permissions_are_read_once_per_request(client_for, retailer_user, django_assert_num_queries):
    client = client_for(retailer_user)

    # token and user; throttle; the caller's permissions, at the check; the colleague; its permissions
    with django_assert_num_queries(5):
        assert client.get(assignments(retailer_user)).status_code == 200
    user = type(retailer_user).objects.get(pk=retailer_user.pk)
    with django_assert_num_queries(1):
        assert user.may("view_org_users")
        assert user.may("manage_files")
        assert not user.may("no_such_thing")


def test_reads_that_need_no_permission_do_not_load_them(client_for, retailer_user, django_assert_num_queries):
    client = client_for(retailer_user)
    client.get("/timp/organizations/")  # the shape's statement is prepared on first use

    # token and user; throttle; the organization's shape
    with django_assert_num_queries(3):
        assert client.get("/timp/organizations/").status_code == 200


USERS = "/timp/organizations/users/all/"


def test_users_of_the_organization_as_documented(
    client_for, retailer_user, other_retailer_user, django_assert_num_queries
):
    colleague = UserFactory(organization=retailer_user.organization, permissions=["view_org_users"], is_active=False)
    client = client_for(retailer_user)

    # token and user; throttle; the caller's permissions, at the check; the users with their
    # person; their permissions
    with django_assert_num_queries(5):
        listed = client.get(USERS).json()

    assert [user["uuid"] for user in listed] == [
        str(user.pk) for user in sorted([retailer_user, colleague], key=lambda user: user.username)
    ]
    mine = next(user for user in listed if user["uuid"] == str(retailer_user.pk))
    assert list(mine) == ["uuid", "person", "permission_assignments", "status", "token"]
    assert mine["person"]["email"] == retailer_user.email
    assert mine["token"] is None
    assert mine["status"] == "ACTIVE"
    theirs = client.get(f"/timp/organizations/users/detail/{colleague.pk}/").json()
    assert theirs["status"] == "DEACTIVATED"
    assert held(theirs["permission_assignments"]) == {"view_org_users"}
    assert client.get(f"/timp/organizations/users/detail/{other_retailer_user.pk}/").status_code == 404


def test_reading_users_needs_view_org_users(client_for, retailer_user):
    without = UserFactory(organization=retailer_user.organization, permissions=[])

    response = client_for(without).get(USERS)

    assert response.status_code == 403
    assert "view_org_users" in response.json()["detail"]
