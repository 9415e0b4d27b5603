from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "CSP Hub administration"
admin.site.site_title = "CSP Hub administration"

# Nothing serves /media/: uploads are private and reach browsers only through their record's view.
urlpatterns: list = [
    path("", include("core.urls")),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("p/", include("publishing.public_urls")),
    path("partnerships/<slug:partnership>/", include("partnership.urls")),
    path("partnerships/<slug:partnership>/", include("planning.urls")),
    path("partnerships/<slug:partnership>/", include("planning.io_urls")),
    path("partnerships/<slug:partnership>/", include("publishing.urls")),
    path("partnerships/<slug:partnership>/assessment/", include("assessment.urls")),
    path("crime-data/", include("crimedata.urls")),
]
