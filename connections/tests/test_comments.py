"""The comment thread of a connection request: its parties and staff write, the others hear."""

import pytest

from connections import services
from connections.tests.factories import connection_request
from events.models import Event
from organizations.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def comments(request_uuid) -> str:
    return f"/timp/organizations/connections/request/{request_uuid}/comments/"


def audience_of(event: Event) -> set:
    return set(event.audience.values_list("organization_id", flat=True))


def test_a_member_asks_and_staff_answer_each_heard_by_the_other(client_for, retailer_user, staff_user):
    asked = connection_request(user=retailer_user)
    member, staff = client_for(retailer_user), client_for(staff_user)

    question = member.post(comments(asked.uuid), {"body": "Any news?"}, format="json")
    answer = staff.post(comments(asked.uuid), {"body": "Checking with them today."}, format="json")

    assert (question.status_code, answer.status_code) == (201, 201)
    assert question.json()["author"] == {
        "uuid": str(retailer_user.pk),
        "name": retailer_user.get_full_name() or retailer_user.email,
        "organization_uuid": str(retailer_user.organization_id),
    }
    assert answer.json()["author"]["organization_uuid"] is None
    thread = member.get(comments(asked.uuid)).json()
    assert [(c["body"], c["internal"]) for c in thread] == [("Any news?", False), ("Checking with them today.", False)]
    asked_event, answered_event = Event.objects.filter(type="connection_requests/commented").order_by("id")
    assert (audience_of(asked_event), asked_event.for_staff) == (set(), True)  # the author's own: no one else's
    assert audience_of(answered_event) == {retailer_user.organization_id}
    assert answered_event.data["request_uuid"] == str(asked.uuid)
    assert answered_event.data["comment"]["body"] == "Checking with them today."


def test_an_internal_note_is_staffs_alone(client_for, retailer_user, staff_user):
    asked = connection_request(user=retailer_user)
    member, staff = client_for(retailer_user), client_for(staff_user)

    note = staff.post(comments(asked.uuid), {"body": "Their email bounces.", "internal": True}, format="json")
    refused = member.post(comments(asked.uuid), {"body": "Me too", "internal": True}, format="json")

    assert note.status_code == 201
    assert note.json()["internal"] is True
    assert refused.status_code == 400
    assert "internal" in refused.json()
    assert member.get(comments(asked.uuid)).json() == []
    assert [c["body"] for c in staff.get(comments(asked.uuid)).json()] == ["Their email bounces."]
    (event,) = Event.objects.filter(type="connection_requests/commented")
    assert audience_of(event) == set()
    assert (
        client_for(retailer_user).get("/timp/events/").json()["events"][-1]["type"] != "connection_requests/commented"
    )


def test_the_counterpart_joins_the_thread_once_approved(client_for, retailer_user, supplier_user, staff_user):
    asked = connection_request(user=retailer_user)
    supplier = client_for(supplier_user)
    assert supplier.get(comments(asked.uuid)).status_code == 404
    services.approve_request(connection_request=asked, user=staff_user, organization=supplier_user.organization)

    posted = supplier.post(comments(asked.uuid), {"body": "Files come at 6."}, format="json")

    assert posted.status_code == 201
    event = Event.objects.filter(type="connection_requests/commented").get()
    assert audience_of(event) == {retailer_user.organization_id}


@pytest.mark.parametrize(
    "body",
    [{"body": ""}, {"body": "x" * 5001}, {"body": 5}, {"body": "a\x00b"}, {}, {"body": "ok", "internal": "maybe"}],
)
def test_a_bad_comment_is_a_400_and_writes_nothing(client_for, retailer_user, body):
    asked = connection_request(user=retailer_user)

    response = client_for(retailer_user).post(comments(asked.uuid), body, format="json")

    assert response.status_code == 400
    assert not asked.comments.exists()
    assert not Event.objects.filter(type="connection_requests/commented").exists()


def test_writing_takes_request_connections_and_strangers_find_nothing(client_for, retailer_user, other_retailer_user):
    asked = connection_request(user=retailer_user)
    reader = UserFactory(organization=retailer_user.organization, permissions=[])

    refused = client_for(reader).post(comments(asked.uuid), {"body": "Hi"}, format="json")
    assert refused.status_code == 403
    assert "request_connections" in refused.json()["detail"]
    assert client_for(reader).get(comments(asked.uuid)).status_code == 200
    stranger = client_for(other_retailer_user)
    assert stranger.get(comments(asked.uuid)).status_code == 404
    assert stranger.post(comments(asked.uuid), {"body": "Hi"}, format="json").status_code == 404
    assert not asked.comments.exists()
