from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from files.models import UploadedFile


@admin.register(UploadedFile)
class UploadedFileAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "content_type", "size", "uploaded_date", "download_link"]
    list_filter = ["content_type", "uploaded_date"]
    list_select_related = ["organization"]
    search_fields = ["name", "original_name", "sha256", "uuid", "organization__name"]
    readonly_fields = [
        "uuid",
        "organization",
        "uploaded_by",
        "original_name",
        "size",
        "content_type",
        "sha256",
        "uploaded_date",
        "storage_name",
        "download_link",
    ]
    fields = ["name", *readonly_fields, "shared_with"]
    autocomplete_fields = ["shared_with"]
    date_hierarchy = "uploaded_date"

    def has_add_permission(self, request) -> bool:
        return False  # files arrive through the upload endpoint, where their type is checked

    @admin.display(description="Download")
    def download_link(self, uploaded_file: UploadedFile) -> str:
        return format_html('<a href="{}">download</a>', reverse("file-download", args=[uploaded_file.pk]))
