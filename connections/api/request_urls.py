"""Connection request routes: served under /timp/organizations/connections/request/ and at
the older, unprefixed /organizations/connections/request/."""

from connections.api.views import ConnectionRequestViewSet
from core.routers import UUIDRouter

router = UUIDRouter()
router.register("", ConnectionRequestViewSet, basename="connection-request")
urlpatterns = router.urls
