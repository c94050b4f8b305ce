from files.api.views import FileViewSet
from timp_api.routers import UUIDRouter

router = UUIDRouter()
router.register("", FileViewSet, basename="file")
urlpatterns = router.urls
