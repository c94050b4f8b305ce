"""Connection request routes: served under /timp/organizations/connections/request/ and at
the older, unprefixed /organizations/connections/request/."""

from connections.api.views import ConnectionRequestViewSet
from timp_api.routers import UUIDRouter

router = UUIDRouter()
router.register("", ConnectionRequestViewSet, basename="connection-request")
urlpatterns = router.urls
