"""Discovery lists, under /timp/discovery/."""

from django.urls import path

from connections.api import views

urlpatterns = [
    path("suppliers/", views.SupplierDiscoveryView.as_view(), name="discovery-suppliers"),
    path("retailers/", views.RetailerDiscoveryView.as_view(), name="discovery-retailers"),
]
