app_name = "crimedata"
urlpatterns: list = []
