from django.contrib import admin

from core.admin_site import Panel
from feeds import selectors
from feeds.models import Check, Feed, Run

admin.site.add_panel(Panel("feeds", "Feeds late or failing", "feeds.view_feed", selectors.troubled_feeds, position=40))


class RunInline(admin.TabularInline):
    model = Run
    fields = ("date_imported", "status", "file_name", "count", "failure_message", "by_ping")
    readonly_fields = fields
    extra = 0
    max_num = 0
    ordering = ["-date_imported"]


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ("integration", "connection", "stage", "health", "last_run_at", "late_since")
    list_filter = ("stage", "health")
    list_select_related = ("integration", "connection__retailer", "connection__supplier")
    readonly_fields = (
        "integration",
        "connection",
        "health",
        "last_run_at",
        "last_status",
        "next_expected_at",
        "late_since",
        "alert_at",
        "live_since",
    )
    exclude = ("ping_key",)
    inlines = [RunInline]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Check)
class CheckAdmin(admin.ModelAdmin):
    list_display = ("file_name", "feed", "spec", "passed", "rows", "error_count", "checked_at")
    list_filter = ("passed", "spec")
    readonly_fields = [field.name for field in Check._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
