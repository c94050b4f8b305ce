import io
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from feeds import checking
from feeds.models import Check
from feeds.tests.factories import connected_feeds
from files.tests.factories import uploaded_file
from organizations.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TRACKING_HEADER = (
    "retailer_org_uuid,retailer_po,tracking_number,sku_id,quantity_shipped,supplier_provided_sku_cost,supplier_po\n"
)
GOOD_ROW = "6f1c4a44-7303-432a-bdb1-b4ca1199bd12,PO-1,1Z999,SKU-1,3,12.50,SPO-1\n"


@pytest.fixture
def tracking(retailer_user, supplier_user, staff_user):
    (feed,) = connected_feeds(
        retailer_user, supplier_user, staff_user, [{"integration_type": "tracking", "update_frequency": "@daily"}]
    )
    return feed


def check(client, feed, content: bytes, name="tracking_2026-07-01.csv"):
    path = f"/timp/organizations/connections/{feed.connection_id}/integrations/{feed.pk}/checks/"
    return client.post(path, {"file": SimpleUploadedFile(name, content)}, format="multipart")


def test_a_file_that_follows_the_spec_passes(client_for, tracking, supplier_user):
    response = check(client_for(supplier_user), tracking, (TRACKING_HEADER + GOOD_ROW * 3).encode())

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["spec"], body["passed"], body["rows"], body["error_count"], body["errors"]) == (
        "tracking",
        True,
        3,
        0,
        [],
    )


def test_errors_name_their_row_and_column(client_for, tracking, supplier_user):
    rows = [
        GOOD_ROW,
        "not-a-uuid,PO-2,1Z,SKU-2,three,1.234,SPO-2\n",
        "6f1c4a44-7303-432a-bdb1-b4ca1199bd12,,1Z,SKU-3,1,,SPO-3\n",
    ]

    body = check(client_for(supplier_user), tracking, (TRACKING_HEADER + "".join(rows)).encode()).json()

    assert body["passed"] is False
    assert [(e["row"], e["column"], e["code"]) for e in body["errors"]] == [
        (3, "retailer_org_uuid", "type"),
        (3, "quantity_shipped", "type"),
        (3, "supplier_provided_sku_cost", "type"),
        (4, "retailer_po", "required"),
    ]
    assert body["error_count"] == 4


def test_a_missing_required_column_is_an_error_and_a_missing_preferred_or_unknown_one_a_warning(
    client_for, tracking, supplier_user
):
    header = "retailer_org_uuid,retailer_po,tracking_number,sku_id,supplier_po,colour\n"

    body = check(client_for(supplier_user), tracking, header.encode()).json()

    assert [(e["column"], e["code"]) for e in body["errors"]] == [("quantity_shipped", "missing_column")]
    assert [(w["column"], w["code"]) for w in body["warnings"]] == [
        ("supplier_provided_sku_cost", "missing_preferred_column"),
        ("colour", "unknown_column"),
    ]


def test_the_guides_file_rules(client_for, tracking, supplier_user):
    client = client_for(supplier_user)

    carriage_returns = check(client, tracking, (TRACKING_HEADER + GOOD_ROW).replace("\n", "\r\n").encode()).json()
    latin1 = check(client, tracking, (TRACKING_HEADER + GOOD_ROW.replace("SKU-1", "SKÜ")).encode("latin-1")).json()
    bad_name = check(client, tracking, (TRACKING_HEADER + GOOD_ROW).encode(), name="my tracking.csv").json()
    with_bom = check(client, tracking, ("\ufeff" + TRACKING_HEADER + GOOD_ROW).encode()).json()

    assert [e["code"] for e in carriage_returns["errors"]] == ["carriage_return"]
    assert [e["code"] for e in latin1["errors"]] == ["encoding"]
    assert bad_name["passed"] is True
    assert [w["code"] for w in bad_name["warnings"]] == ["file_name"]
    assert with_bom["passed"] is True


def test_at_most_100_errors_are_listed_and_all_counted(client_for, tracking, supplier_user):
    bad = "x,PO,1Z,SKU,1,,SPO\n" * 150

    body = check(client_for(supplier_user), tracking, (TRACKING_HEADER + bad).encode()).json()

    assert body["error_count"] == 150
    assert len(body["errors"]) == 100


def test_an_xlsx_file_is_checked_too(client_for, tracking, supplier_user):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(TRACKING_HEADER.strip().split(","))
    sheet.append(["6f1c4a44-7303-432a-bdb1-b4ca1199bd12", "PO-1", "1Z", "SKU-1", 3, 12.5, "SPO-1"])
    sheet.append(["6f1c4a44-7303-432a-bdb1-b4ca1199bd12", "PO-1", "1Z", "SKU-1", 2.5, 1, "SPO-1"])
    content = io.BytesIO()
    book.save(content)

    body = check(client_for(supplier_user), tracking, content.getvalue(), name="tracking.xlsx").json()

    assert body["rows"] == 2
    assert [(e["row"], e["column"]) for e in body["errors"]] == [(3, "quantity_shipped")]


def test_a_file_that_is_not_a_table_is_a_415_naming_its_type(client_for, tracking, supplier_user):
    response = check(client_for(supplier_user), tracking, b"%PDF-1.4\n", name="tracking.pdf")

    assert response.status_code == 415
    assert "PDF" in response.json()["detail"]
    assert not Check.objects.exists()


def test_an_uploaded_file_can_be_checked_by_its_uuid(client_for, tracking, supplier_user, retailer_user):
    stored = uploaded_file(organization=supplier_user.organization, content=(TRACKING_HEADER + GOOD_ROW).encode())
    path = f"/timp/organizations/connections/{tracking.connection_id}/integrations/{tracking.pk}/checks/"

    mine = client_for(supplier_user).post(path, {"file_uuid": str(stored.pk)})
    not_theirs = client_for(retailer_user).post(path, {"file_uuid": str(stored.pk)})

    assert mine.status_code == 201
    assert mine.json()["passed"] is True
    assert not_theirs.status_code == 400


def test_the_checks_are_listed_newest_first(client_for, tracking, supplier_user, retailer_user):
    client = client_for(supplier_user)
    check(client, tracking, (TRACKING_HEADER + GOOD_ROW).encode(), name="first.csv")
    check(client, tracking, b"nothing,useful\n", name="second.csv")
    path = f"/timp/organizations/connections/{tracking.connection_id}/integrations/{tracking.pk}/checks/"

    listed = client_for(retailer_user).get(path).json()

    assert [c["file_name"] for c in listed["checks"]] == ["second.csv", "first.csv"]
    assert listed["pagination"]["total_count"] == 2


@pytest.mark.parametrize(
    ("sample", "integration_type", "spec"),
    [
        ("tracking_sample.csv", "tracking", "tracking"),
        ("orders_sample.csv", "order", "orders"),
        ("allocation_sample.csv", "allocation", "allocation"),
        ("product_sample.csv", "item", "product"),
        ("inventory_sample.csv", "item", "inventory"),
    ],
)
def test_the_guides_own_samples_pass_once_their_lines_end_with_newlines(sample, integration_type, spec):
    content = (Path(__file__).parent / "samples" / sample).read_bytes().replace(b"\r\n", b"\n")

    result = checking.check(io.BytesIO(content), file_name=sample, kind="csv", integration_type=integration_type)

    assert (result.spec, result.error_count) == (spec, 0), result.errors


def test_a_file_over_the_upload_limit_is_a_413_and_nothing_is_kept(client_for, tracking, supplier_user, settings):
    settings.UPLOAD_MAX_BYTES = 1024

    response = check(client_for(supplier_user), tracking, (TRACKING_HEADER + GOOD_ROW * 100).encode())

    assert response.status_code == 413
    assert not Check.objects.exists()


def test_a_colleague_without_manage_connections_cannot_check(client_for, tracking, supplier_user):
    colleague = UserFactory(organization=supplier_user.organization, permissions=[])

    response = check(client_for(colleague), tracking, (TRACKING_HEADER + GOOD_ROW).encode())

    assert response.status_code == 403
    assert "manage_connections" in response.json()["detail"]
