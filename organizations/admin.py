from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Q
from knox.models import AuthToken

from organizations import services
from organizations.models import AccountManager, ApiKey, Organization, Person, Retailer, Supplier, User


def held_permissions(user: User) -> str:
    return ", ".join(sorted(user.permission_names)) or "—"


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "email", "phone", "job_title"]
    search_fields = ["first_name", "last_name", "email", "phone"]
    readonly_fields = ["uuid"]


@admin.register(AccountManager)
class AccountManagerAdmin(admin.ModelAdmin):
    list_display = ["person", "user"]
    list_select_related = ["person", "user"]
    search_fields = ["person__first_name", "person__last_name", "person__email", "user__username"]
    readonly_fields = ["uuid"]
    autocomplete_fields = ["person", "user"]


class UserInline(admin.TabularInline):
    """The organization's people, with their status and permissions (its API keys are below)."""

    model = User
    fields = ["username", "email", "first_name", "last_name", "status", "permissions", "last_login"]
    readonly_fields = ["username", "status", "permissions", "last_login"]
    extra = 0
    show_change_link = True
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).filter(api_key__isnull=True).prefetch_related("permission_assignments")

    @admin.display(description="Permissions")
    def permissions(self, user: User) -> str:
        return held_permissions(user)


class ApiKeyInline(admin.TabularInline):
    model = ApiKey
    fk_name = "organization"
    fields = ["name", "prefix", "created_by", "created_at", "last_used_at", "expires_at", "revoked_at"]
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "org_type", "status", "account_manager", "primary_contact", "created_date", "active_date"]
    list_filter = ["org_type", "status", "account_manager"]
    list_select_related = ["account_manager__person", "primary_contact"]
    search_fields = ["name", "website", "primary_contact__email", "uuid"]
    readonly_fields = ["uuid", "created_date", "retailer_uuid", "supplier_uuid"]
    autocomplete_fields = ["account_manager", "primary_contact"]
    inlines = [UserInline, ApiKeyInline]
    date_hierarchy = "created_date"

    def get_inlines(self, request, obj=None):
        # A new organization has no keys yet.
        return self.inlines if obj is not None else [UserInline]

    def get_readonly_fields(self, request, obj=None):
        # The type decides the Retailer or Supplier record it was given: it is fixed once saved.
        return [*self.readonly_fields, "org_type"] if obj is not None else self.readonly_fields

    def save_model(self, request, obj, form, change) -> None:
        if change:
            super().save_model(request, obj, form, change)
        else:
            services.save_new_organization(obj)


class RoleAdmin(admin.ModelAdmin):
    list_display = ["organization", "uuid"]
    list_select_related = ["organization"]
    search_fields = ["organization__name", "uuid"]
    readonly_fields = ["uuid"]
    autocomplete_fields = ["organization"]


admin.site.register(Retailer, RoleAdmin)
admin.site.register(Supplier, RoleAdmin)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """People's logins (API keys have their own page)."""

    list_display = ["username", "email", "organization", "status", "permissions", "is_staff", "last_login"]
    list_filter = ["is_staff", "is_active", "organization__org_type"]
    list_select_related = ["organization"]
    search_fields = ["username", "email", "first_name", "last_name", "organization__name"]
    readonly_fields = ["id", "status", "permissions", "last_login", "date_joined"]
    actions = ["resend_invitation"]
    autocomplete_fields = ["organization"]
    fieldsets = [(None, {"fields": ["id", "organization", "status", "permissions"]}), *DjangoUserAdmin.fieldsets]
    add_fieldsets = [(None, {"fields": ["username", "organization", "password1", "password2"]})]
    # Account managers look after organizations' people; only superusers touch staff
    # accounts and what makes an account powerful.
    superuser_only_fields = {"is_staff", "is_superuser", "groups", "user_permissions"}

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if not change and obj.organization_id is not None:
            # A member's first user, made here by staff, looks after its organization: every permission.
            services.welcome_member(user=obj)

    def get_queryset(self, request):
        users = super().get_queryset(request).filter(api_key__isnull=True).prefetch_related("permission_assignments")
        return users if request.user.is_superuser else users.filter(is_staff=False, is_superuser=False)

    @admin.display(description="Permissions")
    def permissions(self, user: User) -> str:
        return held_permissions(user)

    @admin.action(description="Resend the invitation of the selected invited users")
    def resend_invitation(self, request, queryset) -> None:
        invited = [user for user in queryset.select_related("organization") if user.status == User.Status.INVITED]
        for user in invited:
            services.send_invitation(user=user, invited_by=request.user)
        skipped = len(queryset) - len(invited)
        self.message_user(request, f"Sent {len(invited)} invitation(s).")
        if skipped:
            self.message_user(request, f"{skipped} user(s) were not invited, and were skipped.", messages.WARNING)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in self.superuser_only_fields]})
            for name, options in fieldsets
        ]

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and self.may_manage(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and self.may_manage(request, obj)

    @staticmethod
    def may_manage(request, user: User | None) -> bool:
        return request.user.is_superuser or user is None or not (user.is_staff or user.is_superuser)


admin.site.unregister(AuthToken)


@admin.register(AuthToken)
class AuthTokenAdmin(admin.ModelAdmin):
    """Tokens are stored as hashes: staff see a key's first characters and can revoke it."""

    list_display = ["token_key", "user", "created", "expiry"]
    list_select_related = ["user"]
    search_fields = ["token_key", "user__username"]
    fields = ["token_key", "user", "created", "expiry"]
    readonly_fields = ["token_key", "user", "created", "expiry"]

    def get_queryset(self, request):
        """Account managers who are not superusers see members' tokens and their own, never
        another staff account's (as with the accounts themselves)."""
        tokens = super().get_queryset(request)
        if request.user.is_superuser:
            return tokens
        return tokens.filter(Q(user__is_staff=False, user__is_superuser=False) | Q(user=request.user))

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    """Keys are stored as hashes: staff see their first characters, their use, and revoke them."""

    list_display = ["name", "organization", "prefix", "created_by", "created_at", "last_used_at", "expires_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    list_select_related = ["organization", "created_by"]
    search_fields = ["name", "prefix", "organization__name"]
    fields = ["uuid", "organization", "name", "prefix", "permissions", "created_by", "created_at"]
    fields += ["last_used_at", "expires_at", "revoked_at"]
    readonly_fields = fields
    actions = ["revoke"]

    @admin.display(description="Permissions")
    def permissions(self, api_key: ApiKey) -> str:
        return held_permissions(api_key.user)

    @admin.action(description="Revoke the selected API keys")
    def revoke(self, request, queryset) -> None:
        live = list(queryset.filter(revoked_at__isnull=True))
        for api_key in live:
            services.revoke_api_key(api_key=api_key)
        self.message_user(request, f"Revoked {len(live)} API key(s).")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
