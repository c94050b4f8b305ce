import django_filters
from django.db.models import Q
from drf_spectacular.utils import extend_schema_field

from connections.models import Connection, ConnectionRequest
from core.filtering import FilterSet, OrderingFilter
from organizations.models import Organization


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
            "retailer_name": "retailer_name",
            "supplier_name": "supplier_name",
        },
        help_text="created_date, status, retailer_name or supplier_name; - first for descending.",
    )

    class Meta:
        model = Connection
        fields = ["status", "retailer_uuid", "supplier_uuid"]

    @extend_schema_field({"type": "string", "maxLength": 200, "pattern": r"^[^\x00]*$"})  # NUL is refused
    def filter_search(self, queryset, name, value):
        """The other side's name contains `value` (either side's, for staff): the names are found
        on the trigram index of organization names, then their connections on the side's index."""
        names = Organization.objects.filter(name__icontains=value).values("pk")
        user = self.request.user
        if user.is_staff:
            return queryset.filter(Q(retailer__organization__in=names) | Q(supplier__organization__in=names))
        return queryset.filter(**{f"{user.organization.other_side}__organization__in": names})
