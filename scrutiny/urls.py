"""Staff work on briefing reports, under /scrutiny/."""

app_name = "scrutiny"

urlpatterns = []
