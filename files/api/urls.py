from core.routers import UUIDRouter
from files.api.views import FileViewSet

router = UUIDRouter()
router.register("", FileViewSet, basename="file")
urlpatterns = router.urls
