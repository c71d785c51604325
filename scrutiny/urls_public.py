"""The public's committees, meetings and agendas, under /committees/."""

app_name = "committees"

urlpatterns = []
