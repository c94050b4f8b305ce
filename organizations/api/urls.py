from django.urls import path

from organizations.api import views

urlpatterns = [
    path("", views.OrganizationDetailView.as_view(), name="organization-detail"),
    path("user-login/", views.LoginView.as_view(), name="user-login"),
    path("user-logout/", views.LogoutView.as_view(), name="user-logout"),
    path("all_permissions/", views.PermissionCatalogueView.as_view(), name="permission-list"),
    path("users/all/", views.UserListView.as_view(), name="user-list"),
    path("users/detail/<uuid:user_uuid>/", views.UserDetailView.as_view(), name="user-detail"),
    path("users/permissions/<uuid:user_uuid>/", views.PermissionAssignmentsView.as_view(), name="user-permissions"),
    path("users/invite/", views.InvitationView.as_view(), name="user-invite"),
    path("accept-invite/<str:token>/", views.AcceptInvitationView.as_view(), name="accept-invite"),
    path("reset-password/", views.PasswordResetView.as_view(), name="reset-password"),
    path("complete-password/", views.CompletePasswordView.as_view(), name="complete-password"),
    path("api-keys/", views.ApiKeyListView.as_view(), name="api-key-list"),
    path("api-keys/<uuid:key_uuid>/", views.ApiKeyDetailView.as_view(), name="api-key-detail"),
]
