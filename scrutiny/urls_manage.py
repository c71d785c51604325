"""Democratic Support's management of committees and meetings, under /scrutiny/manage/."""

app_name = "scrutiny-manage"

urlpatterns = []
