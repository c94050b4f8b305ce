import json
from pathlib import Path

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from connections import imports, services
from connections.api.serializers import NewConnectionRequestSerializer
from connections.models import Connection, ConnectionRequest, RequestImport
from organizations.models import Organization
from organizations.tests.factories import OrganizationFactory, SupplierOrganizationFactory

DOCS = Path(__file__).parent / "docs"


def doc_body(name: str) -> dict:
    """A request or response body exactly as the published docs show it."""
    return json.loads((DOCS / name).read_text())


def connection_request(*, user, **fields) -> ConnectionRequest:
    """A pending request made the way the API makes it: the body (API names, files as
    objects or UUIDs) through the API's serializer, then the service."""
    data = {
        "organization_name": "Prospect Supplier",
        "primary_contact_name": "Sam Supplier",
        "primary_contact_email": "sam@supplier.example",
        "organization_account_number": "R-100",
        "requested_integrations": [
            {
                "integration_type": "item",
                "update_frequency": "30 6 * * *",
                "file_locations": "ftp://u:secret@host/items",
            }
        ],
        **fields,
    }
    data["uploaded_files"] = [str(getattr(f, "uuid", f)) for f in data.get("uploaded_files", [])]
    body = NewConnectionRequestSerializer(data=data, context={"organization": user.organization})
    body.is_valid(raise_exception=True)
    return services.create_request(organization=user.organization, user=user, **body.validated_data)


class ConnectionFactory(factory.django.DjangoModelFactory):
    """A connection between two new organizations unless told which."""

    class Meta:
        model = Connection

    retailer = factory.LazyFunction(lambda: OrganizationFactory().retailer)
    supplier = factory.LazyFunction(lambda: SupplierOrganizationFactory().supplier)
    status = Connection.Status.ACTIVE
    requested_by = Organization.Type.RETAILER


def owned_import(user) -> RequestImport:
    """An import of the user's organization, finished, with one failed row."""
    text = "organization_name,primary_contact_name,primary_contact_email\nAcme,Ann,\nBad,Bo,not-an-email\n"
    started = imports.start_import(
        organization=user.organization,
        user=user,
        upload=SimpleUploadedFile("requests.csv", text.encode()),
        file_name="requests.csv",
        dry_run=False,
    )
    imports.run(started.uuid)
    return started
