from django.urls import path

from organizations.api import views

urlpatterns = [
    path("", views.OrganizationDetailView.as_view(), name="organization-detail"),
    path("user-login/", views.LoginView.as_view(), name="user-login"),
    path("user-logout/", views.LogoutView.as_view(), name="user-logout"),
]
