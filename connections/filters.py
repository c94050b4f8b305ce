import django_filters
from django.db.models import Q

from connections.models import Connection, ConnectionRequest
from core.filtering import FilterSet, OrderingFilter


class ConnectionRequestFilter(FilterSet):
    status = django_filters.ChoiceFilter(choices=ConnectionRequest.Status.choices)

    class Meta:
        model = ConnectionRequest
        fields = ["status"]


class ConnectionFilter(FilterSet):
    status = django_filters.ChoiceFilter(choices=Connection.Status.choices)
    search = django_filters.CharFilter(method="filter_search", max_length=200, label="Organization name contains")
    retailer_uuid = django_filters.UUIDFilter(field_name="retailer")
    supplier_uuid = django_filters.UUIDFilter(field_name="supplier")
    ordering = OrderingFilter(
        fields={
            "created_date": "created_date",
            "status": "status",
            "retailer_name": "retailer__organization__name",
            "supplier_name": "supplier__organization__name",
        },
        help_text="created_date, status, retailer_name or supplier_name; - first for descending.",
    )

    class Meta:
        model = Connection
        fields = ["status", "retailer_uuid", "supplier_uuid"]

    def filter_search(self, queryset, name, value):
        return queryset.filter(
            Q(retailer__organization__name__icontains=value) | Q(supplier__organization__name__icontains=value)
        )
