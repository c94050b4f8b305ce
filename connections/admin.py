from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from connections import selectors, services
from connections.api.serializers import NewCommentSerializer
from connections.models import (
    Connection,
    ConnectionRequest,
    Integration,
    RequestFile,
    RequestImport,
    RequestStatusChange,
)
from core.admin_site import Panel, bar_chart
from core.exceptions import ApplicationError, InvalidState
from core.masking import mask_url_credentials
from organizations.models import Organization


class ReadOnlyInline(admin.TabularInline):
    """Shown, never edited here: changes go through the actions (the same services as the API)."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


def message_of(error: ApplicationError | ValidationError) -> str:
    return " ".join(error.messages) if isinstance(error, ValidationError) else error.message


def apply_each(model_admin, request, objects, change, done_word: str, **kwargs) -> None:
    """Runs a service function on each selected object; what it refuses is reported, one line each."""
    done = 0
    for obj in objects:
        try:
            change(request.user, obj, **kwargs)
            done += 1
        except (ApplicationError, ValidationError) as error:
            model_admin.message_user(request, f"{obj}: {message_of(error)}", messages.ERROR)
    if done:
        model_admin.message_user(
            request, f"{done} {model_admin.model._meta.verbose_name}(s) {done_word}.", messages.SUCCESS
        )


class MaskedLocationsMixin:
    @admin.display(description="File locations")
    def masked_file_locations(self, integration: Integration) -> str:
        return mask_url_credentials(integration.file_locations)


class IntegrationInline(MaskedLocationsMixin, ReadOnlyInline):
    model = Integration
    fk_name = "request"
    fields = ["uuid", "integration_type", "update_frequency", "masked_file_locations", "file_specs", "rules"]


class RequestFileInline(ReadOnlyInline):
    model = RequestFile
    fields = ["file_name", "download"]

    @admin.display(description="File")
    def file_name(self, attachment: RequestFile) -> str:
        return f"{attachment.uploaded_file.name} ({attachment.uploaded_file.size} bytes)"

    @admin.display(description="Download")
    def download(self, attachment: RequestFile) -> str:
        return format_html('<a href="{}">download</a>', reverse("file-download", args=[attachment.uploaded_file_id]))


class HistoryInline(ReadOnlyInline):
    model = RequestStatusChange
    verbose_name_plural = "History"
    fields = ["status", "at", "author", "reason"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("by__api_key")

    @admin.display(description="By")
    def author(self, change: RequestStatusChange) -> str:
        """The user, or the API key, that made the change."""
        if change.by is None:
            return "—"
        api_key = getattr(change.by, "api_key", None)
        return str(api_key) if api_key is not None else change.by.username


def approve_if_clear(user, connection_request: ConnectionRequest) -> None:
    """Approves a request whose counterpart is clear: named by the request, or the one
    organization of its name. Any other needs its approve page."""
    organization = None
    if connection_request.counterpart_id is None:
        matches = selectors.same_name(connection_request)
        if len(matches) != 1:
            raise InvalidState(
                f"{len(matches) or 'No'} organizations have this name: choose on the request's approve page."
            )
        organization = Organization.objects.get(pk=matches[0]["uuid"])
    services.approve_request(connection_request=connection_request, user=user, organization=organization)


def deny(user, connection_request: ConnectionRequest, *, reason: str) -> None:
    services.deny_request(connection_request=connection_request, user=user, reason=reason)


def deactivate(user, connection: Connection) -> None:
    services.deactivate_connection(connection=connection, user=user)


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
    # Approve, Deny and the comment thread, about the request's own fields.
    change_form_template = "admin/connections/connectionrequest/change_form.html"
    fields = [
        "uuid",
        "organization",
        "requested_by",
        "status",
        *services.REQUEST_FIELDS,
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

    def get_urls(self):
        pages = [
            path(
                f"<path:object_id>/{name}/",
                self.admin_site.admin_view(view),
                name=f"connections_connectionrequest_{name}",
            )
            for name, view in [("approve", self.approve_page), ("deny", self.deny_page), ("reply", self.reply)]
        ]
        return [*pages, *super().get_urls()]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        """The request's page: its decision when pending (the candidates in place, Approve
        and Deny), its fields and history, and its thread with a reply box."""
        if obj is not None:
            decide = obj.status == ConnectionRequest.Status.PENDING and self.has_change_permission(request, obj)
            context.update(
                {
                    "title": "Connection request",
                    "decide": decide,
                    **(self.decision_context(obj) if decide else {}),
                    "deny_form": DenyForm(),
                    "thread": selectors.comments_for(obj, request.user),
                    "reply_max_length": NewCommentSerializer().fields["body"].max_length,
                    # Every field is read-only: nothing here to save.
                    "show_save": False,
                    "show_save_and_continue": False,
                    "show_save_and_add_another": False,
                }
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changeable(self, request, object_id) -> ConnectionRequest:
        """The request an action of its page changes, or a 403 for one the user may not change."""
        connection_request = self.get_object(request, object_id)
        if connection_request is None or not self.has_change_permission(request, connection_request):
            raise PermissionDenied
        return connection_request

    def decision_context(self, connection_request: ConnectionRequest) -> dict:
        return {
            "candidates": [] if connection_request.counterpart_id else selectors.candidates(connection_request),
            "counterpart_type": connection_request.organization.other_type,
        }

    @admin.action(description="Approve the selected requests", permissions=["change"])
    def approve(self, request, queryset):
        """One request: its approve page. Several: those whose counterpart is clear."""
        if queryset.count() == 1:
            return redirect("admin:connections_connectionrequest_approve", queryset.get().pk)
        apply_each(self, request, queryset, approve_if_clear, "approved")
        return None

    def approve_page(self, request, object_id):
        """Shows the candidates for the counterpart and approves with the one chosen."""
        connection_request = self.changeable(request, object_id)
        if connection_request.status != ConnectionRequest.Status.PENDING:
            self.message_user(request, f"This request is {connection_request.status}.", messages.ERROR)
            return redirect("admin:connections_connectionrequest_change", connection_request.pk)
        if request.method == "POST":
            link = request.POST.get("link", "")
            try:
                connection = services.approve_request(
                    connection_request=connection_request,
                    user=request.user,
                    organization=Organization.objects.filter(pk=link).first() if link != "new" else None,
                    create_organization=link == "new",
                )
            except (ApplicationError, ValidationError) as error:
                self.message_user(request, message_of(error), messages.ERROR)
            else:
                self.message_user(request, f"Approved: {connection} waits for confirmation.", messages.SUCCESS)
                return redirect("admin:connections_connection_change", connection.pk)
        return TemplateResponse(
            request,
            "admin/connections/connectionrequest/approve.html",
            {
                **self.admin_site.each_context(request),
                "title": f"Approve the request for {connection_request.org_name}",
                "connection_request": connection_request,
                **self.decision_context(connection_request),
                "opts": self.model._meta,
            },
        )

    def deny_page(self, request, object_id):
        """Denies the request with the reason its page gave."""
        connection_request = self.changeable(request, object_id)
        if request.method == "POST":
            form = DenyForm(request.POST)
            if not form.is_valid():
                self.message_user(request, f"Not denied: {' '.join(form.errors['reason'])}", messages.ERROR)
            else:
                try:
                    deny(request.user, connection_request, reason=form.cleaned_data["reason"])
                except ApplicationError as error:
                    self.message_user(request, message_of(error), messages.ERROR)
                else:
                    self.message_user(request, f"Denied: {connection_request.org_name}.", messages.SUCCESS)
        return redirect("admin:connections_connectionrequest_change", connection_request.pk)

    def reply(self, request, object_id):
        """Adds a comment, or a staff note, to the request's thread."""
        connection_request = self.changeable(request, object_id)
        if request.method == "POST":
            body = NewCommentSerializer(data=request.POST)
            if not body.is_valid():
                problems = "; ".join(f"{field}: {' '.join(errors)}" for field, errors in body.errors.items())
                self.message_user(request, f"Not sent: {problems}", messages.ERROR)
            else:
                try:
                    services.comment_on(connection_request=connection_request, user=request.user, **body.validated_data)
                except ApplicationError as error:
                    self.message_user(request, message_of(error), messages.ERROR)
                else:
                    sent = "Internal note saved" if body.validated_data["internal"] else "Reply sent"
                    self.message_user(request, f"{sent}.", messages.SUCCESS)
        return redirect(reverse("admin:connections_connectionrequest_change", args=[connection_request.pk]) + "#thread")

    @admin.action(description="Deny the selected requests (asks for a reason)", permissions=["change"])
    def deny(self, request, queryset):
        form = DenyForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            apply_each(self, request, queryset, deny, "denied", reason=form.cleaned_data["reason"])
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


class ConnectionIntegrationInline(MaskedLocationsMixin, ReadOnlyInline):
    model = Integration
    fk_name = "connection"
    fields = ["uuid", "integration_type", "update_frequency", "masked_file_locations"]


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
        "originating_request",
    ]
    readonly_fields = [
        "originating_request",
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
        apply_each(self, request, queryset, deactivate, "deactivated")


class KeepForm(forms.Form):
    keep = forms.ModelChoiceField(queryset=Organization.objects.none(), widget=forms.RadioSelect, label="Keep")


@admin.action(description="Merge the selected duplicates into one (asks which to keep)", permissions=["change"])
def merge_duplicates(model_admin, request, queryset):
    """Merges every selected organization into the one chosen; each refusal is reported."""
    form = KeepForm(request.POST if "keep" in request.POST else None)
    form.fields["keep"].queryset = queryset
    if form.is_valid():
        keep = form.cleaned_data["keep"]
        duplicates = queryset.exclude(pk=keep.pk)
        apply_each(
            model_admin,
            request,
            duplicates,
            lambda user, duplicate: services.merge_organizations(keep=keep, duplicate=duplicate),
            "merged",
        )
        return None
    return TemplateResponse(
        request,
        "admin/organizations/organization/merge.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": "Merge duplicate organizations",
            "form": form,
            "organizations": queryset,
            "opts": model_admin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


# The organizations' admin gets this action from here: merging moves requests and connections,
# which the organizations app knows nothing of.
organization_admin = admin.site.get_model_admin(Organization)
organization_admin.actions = [*organization_admin.actions, merge_duplicates]


@admin.register(RequestImport)
class RequestImportAdmin(admin.ModelAdmin):
    """Every member's imports of connection requests, as the API reports them; nothing is
    changed here."""

    list_display = [
        "file_name",
        "organization",
        "status",
        "progress",
        "created",
        "skipped",
        "failed_rows",
        "created_at",
    ]
    list_filter = ["status", "dry_run"]
    list_select_related = ["organization"]
    search_fields = ["file_name", "organization__name", "uuid"]
    ordering = ["-created_at"]
    readonly_fields = [
        "uuid",
        "organization",
        "created_by",
        "file_name",
        "dry_run",
        "status",
        "total_rows",
        "processed_rows",
        "created",
        "skipped",
        "failed_rows",
        "created_at",
        "finished_at",
    ]
    fields = readonly_fields

    @admin.display(description="Progress")
    def progress(self, request_import: RequestImport) -> str:
        return format_html(
            '<progress value="{}" max="{}">{} of {}</progress>',
            request_import.processed_rows,
            request_import.total_rows,
            request_import.processed_rows,
            request_import.total_rows,
        )

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


def new_requests(now) -> dict:
    days = selectors.requests_per_day(now)
    return {"chart": bar_chart(days), "total": sum(count for _, count in days)}


def decisions(now) -> dict:
    found = selectors.decision_time(now)
    return {**found, "median_start": now - found["median"] if found["median"] else None}


REQUESTS_SEEN = "connections.view_connectionrequest"
for panel in [
    Panel("pending", "Pending requests", REQUESTS_SEEN, selectors.pending_requests, position=10),
    Panel("new", "New requests, 30 days", REQUESTS_SEEN, new_requests, position=20),
    Panel("decisions", "Time to a decision", REQUESTS_SEEN, decisions, position=30),
    Panel("imports", "Imports running", "connections.view_requestimport", selectors.running_imports, position=50),
    Panel(
        "comments",
        "Comments awaiting an answer",
        "connections.view_requestcomment",
        selectors.comments_awaiting_answer,
        position=60,
    ),
]:
    admin.site.add_panel(panel)
