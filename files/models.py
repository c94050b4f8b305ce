from uuid import UUID, uuid4

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q


class UploadedFileQuerySet(models.QuerySet):
    def visible_to(self, user) -> "UploadedFileQuerySet":
        """The one place that decides which files a user may see: its organization's own
        uploads and those shared with it; staff see all; anonymous users nothing."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        shared = UploadedFile.shared_with.through.objects.filter(
            uploadedfile=OuterRef("pk"), organization=user.organization_id
        )
        return self.filter(Q(organization=user.organization_id) | Exists(shared))

    def unreferenced(self) -> "UploadedFileQuerySet":
        """Files that nothing protects from deletion (no PROTECT reference from another model)."""
        files = self
        for relation in self.model._meta.related_objects:
            if relation.on_delete is models.PROTECT:
                files = files.filter(**{f"{relation.name}__isnull": True})
        return files


class UploadedFile(models.Model):
    """A sample feed or specification document. The bytes live in the default storage under
    a name derived from the UUID; nothing the client sent is used as a path."""

    uuid = models.UUIDField(primary_key=True, default=uuid4, editable=False)
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="uploaded_files"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    name = models.CharField(max_length=200, help_text="Display name.")
    original_name = models.CharField(max_length=200, help_text="The uploaded file's name, sanitized.")
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=100, help_text="Detected from the bytes.")
    sha256 = models.CharField(max_length=64)
    uploaded_date = models.DateTimeField(auto_now_add=True)
    storage_name = models.CharField(max_length=255, unique=True, editable=False)
    shared_with = models.ManyToManyField(
        "organizations.Organization",
        blank=True,
        related_name="shared_files",
        help_text="Organizations that may read this file besides its owner.",
    )

    objects = UploadedFileQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_date"]
        indexes = [models.Index(fields=["organization", "-uploaded_date"]), models.Index(fields=["uploaded_date"])]
        constraints = [models.CheckConstraint(condition=Q(size__gt=0), name="uploaded_file_not_empty")]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def storage_name_for(file_uuid: UUID) -> str:
        return f"uploads/{file_uuid.hex[:2]}/{file_uuid}"
