"""What the API reads, fetched in a fixed number of queries whatever the page size."""

from django.db.models import Prefetch

from connections.models import Connection, ConnectionRequest
from files.models import UploadedFile
from organizations.models import Retailer, Supplier

ROLE_NESTING = ("organization__account_manager__person", "organization__primary_contact")


def connections_for(user):
    # The page with its account manager (one join), then each side's records with their
    # organization, contact and account manager: three small queries instead of one 15-table join.
    return (
        Connection.objects.visible_to(user)
        .select_related("account_manager__person")
        .prefetch_related(
            Prefetch("retailer", queryset=Retailer.objects.select_related(*ROLE_NESTING)),
            Prefetch("supplier", queryset=Supplier.objects.select_related(*ROLE_NESTING)),
        )
    )


def requests_for(user):
    return (
        ConnectionRequest.objects.visible_to(user)
        .select_related("organization", "decided_by__person")
        .prefetch_related(
            "integrations",
            "history",
            Prefetch("uploaded_files", queryset=UploadedFile.objects.order_by("uploaded_date")),
        )
    )
