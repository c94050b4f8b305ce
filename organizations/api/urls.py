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
]
