import django_filters
from rest_framework.exceptions import ValidationError

ONCE = "Give this parameter once."


class FilterSet(django_filters.FilterSet):
    """django-filter's FilterSet, where a parameter given twice (`status=A&status=B`) is a
    400 naming it, not its last value taken quietly."""

    def is_valid(self) -> bool:
        for name in repeated(self.data):
            if name in self.filters:
                self.form.add_error(name, ONCE)
        return super().is_valid()


class OrderingFilter(django_filters.ChoiceFilter):
    """One ordering: a name from `fields` ({parameter value: model field}), `-` first for descending."""

    def __init__(self, *, fields: dict[str, str], **kwargs):
        self.fields = fields
        choices = [(value, value) for name in fields for value in (name, f"-{name}")]
        super().__init__(choices=choices, method=self.order, **kwargs)

    def order(self, queryset, name, value: str):
        descending = value.startswith("-")
        field = ("-" if descending else "") + self.fields[value.removeprefix("-")]
        # The primary key last: pages of equal values never overlap.
        return queryset.order_by(field, "-pk" if descending else "pk")


def repeated(query_params) -> list[str]:
    """The parameters given more than once."""
    return [name for name in query_params if len(query_params.getlist(name)) > 1]


def single_values(query_params) -> dict:
    """Query parameters as a dict, each given once (a repeated one is a 400 naming it); an
    empty value counts as absent, as everywhere in the API."""
    if names := repeated(query_params):
        raise ValidationError({name: [ONCE] for name in names})
    return {name: value for name, value in query_params.items() if value != ""}
