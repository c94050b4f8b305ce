from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from knox.models import AuthToken

from organizations import services
from organizations.models import AccountManager, Organization, Person, Retailer, Supplier, User


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
    model = User
    fields = ["username", "email", "first_name", "last_name", "is_active", "last_login"]
    readonly_fields = ["username", "last_login"]
    extra = 0
    show_change_link = True
    can_delete = False


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "org_type", "status", "account_manager", "primary_contact", "created_date", "active_date"]
    list_filter = ["org_type", "status", "account_manager"]
    list_select_related = ["account_manager__person", "primary_contact"]
    search_fields = ["name", "website", "primary_contact__email", "uuid"]
    readonly_fields = ["uuid", "created_date", "retailer_uuid", "supplier_uuid"]
    autocomplete_fields = ["account_manager", "primary_contact"]
    inlines = [UserInline]
    date_hierarchy = "created_date"

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
    list_display = ["username", "email", "organization", "is_staff", "is_active", "last_login"]
    list_filter = ["is_staff", "is_active", "organization__org_type"]
    list_select_related = ["organization"]
    search_fields = ["username", "email", "first_name", "last_name", "organization__name"]
    readonly_fields = ["id", "last_login", "date_joined"]
    autocomplete_fields = ["organization"]
    fieldsets = [(None, {"fields": ["id", "organization"]}), *DjangoUserAdmin.fieldsets]
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
        users = super().get_queryset(request)
        return users if request.user.is_superuser else users.filter(is_staff=False, is_superuser=False)

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

    def has_add_permission(self, request) -> bool:
        return False
