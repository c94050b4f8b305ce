from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from rest_framework.exceptions import APIException

from connections import services
from connections.models import Connection, ConnectionRequest, Integration, RequestFile, RequestStatusChange
from timp_api.masking import mask_url_credentials


class MaskedLocationsMixin:
    @admin.display(description="File locations")
    def masked_file_locations(self, integration: Integration) -> str:
        return mask_url_credentials(integration.file_locations)


class IntegrationInline(MaskedLocationsMixin, admin.TabularInline):
    model = Integration
    fk_name = "request"
    fields = ["uuid", "integration_type", "update_frequency", "masked_file_locations", "file_specs", "rules"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class RequestFileInline(admin.TabularInline):
    model = RequestFile
    fields = ["file_name", "download"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="File")
    def file_name(self, attachment: RequestFile) -> str:
        return f"{attachment.uploaded_file.name} ({attachment.uploaded_file.size} bytes)"

    @admin.display(description="Download")
    def download(self, attachment: RequestFile) -> str:
        return format_html('<a href="{}">download</a>', reverse("file-download", args=[attachment.uploaded_file_id]))


class HistoryInline(admin.TabularInline):
    model = RequestStatusChange
    fields = ["status", "at", "by", "reason"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class DenyForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, label="Reason for denial")


@admin.register(ConnectionRequest)
class ConnectionRequestAdmin(admin.ModelAdmin):
    list_display = ["org_name", "organization", "status", "request_date", "integration_count", "file_count"]
    list_filter = ["status", "organization__org_type", "organization"]
    list_select_related = ["organization"]
    search_fields = ["org_name", "contact_name", "contact_email", "organization__name", "uuid"]
    date_hierarchy = "request_date"
    ordering = ["-request_date"]
    actions = ["approve", "deny"]
    inlines = [IntegrationInline, RequestFileInline, HistoryInline]
    fields = [
        "uuid",
        "organization",
        "requested_by",
        "status",
        "org_name",
        "contact_name",
        "contact_phone",
        "contact_email",
        "account_number",
        "additional_information",
        "request_date",
        "decided_by",
        "decided_at",
        "decision_reason",
        "counterpart",
        "connection",
    ]
    readonly_fields = fields  # state changes go through the approve and deny actions

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                integration_total=Count("integrations", distinct=True),
                file_total=Count("uploaded_files", distinct=True),
            )
        )

    @admin.display(description="Integrations", ordering="integration_total")
    def integration_count(self, connection_request: ConnectionRequest) -> int:
        return connection_request.integration_total

    @admin.display(description="Files", ordering="file_total")
    def file_count(self, connection_request: ConnectionRequest) -> int:
        return connection_request.file_total

    def decide(self, request, queryset, decision, done_word: str, **kwargs) -> None:
        done = 0
        for connection_request in queryset:
            try:
                decision(connection_request=connection_request, user=request.user, **kwargs)
                done += 1
            except APIException as error:
                self.message_user(request, f"{connection_request}: {error.detail}", messages.ERROR)
        if done:
            self.message_user(request, f"{done} request(s) {done_word}.", messages.SUCCESS)

    @admin.action(description="Approve the selected requests", permissions=["change"])
    def approve(self, request, queryset):
        self.decide(request, queryset, services.approve_request, "approved")

    @admin.action(description="Deny the selected requests (asks for a reason)", permissions=["change"])
    def deny(self, request, queryset):
        form = DenyForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            self.decide(request, queryset, services.deny_request, "denied", reason=form.cleaned_data["reason"])
            return None
        return TemplateResponse(
            request,
            "admin/connections/connectionrequest/deny.html",
            {
                **self.admin_site.each_context(request),
                "title": "Deny connection requests",
                "form": form,
                "requests": queryset,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )


class ConnectionIntegrationInline(MaskedLocationsMixin, admin.TabularInline):
    model = Integration
    fk_name = "connection"
    fields = ["uuid", "integration_type", "update_frequency", "masked_file_locations"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Connection)
class ConnectionAdmin(admin.ModelAdmin):
    list_display = ["uuid", "retailer", "supplier", "status", "account_manager", "created_date"]
    list_filter = ["status", "account_manager"]
    list_select_related = ["retailer__organization", "supplier__organization", "account_manager__person"]
    search_fields = ["uuid", "retailer__organization__name", "supplier__organization__name"]
    date_hierarchy = "created_date"
    actions = ["deactivate"]
    inlines = [ConnectionIntegrationInline]
    fields = [
        "uuid",
        "retailer",
        "supplier",
        "status",
        "requested_by",
        "account_manager",
        "allocation_type",
        "suppliers_retailer_account_number",
        "retailers_supplier_account_number",
        "created_date",
        "confirmed_date",
        "deactivated_date",
    ]
    readonly_fields = [
        "uuid",
        "retailer",
        "supplier",
        "status",
        "requested_by",
        "created_date",
        "confirmed_date",
        "deactivated_date",
    ]
    autocomplete_fields = ["account_manager"]

    def has_add_permission(self, request) -> bool:
        return False  # connections come from approved requests

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description="Deactivate the selected connections", permissions=["change"])
    def deactivate(self, request, queryset):
        done = 0
        for connection in queryset:
            try:
                services.deactivate_connection(connection=connection, user=request.user)
                done += 1
            except APIException as error:
                self.message_user(request, f"{connection}: {error.detail}", messages.ERROR)
        if done:
            self.message_user(request, f"{done} connection(s) deactivated.", messages.SUCCESS)
