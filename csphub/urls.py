from django.contrib import admin
from django.urls import include, path

import accounts.urls
import core.urls
from partnership.views import account, invitations

admin.site.site_header = "CSP Hub administration"
admin.site.site_title = "CSP Hub administration"

# Nothing serves /media/: uploads are private and reach browsers only through their record's view.
# core and accounts import no domain app: the pages of theirs that list a person's partnerships
# (home, account, accepting an invitation) come from the partnership app, under their names.
core_patterns = [path("", account.home, name="home"), *core.urls.urlpatterns]
accounts_patterns = [
    path("", account.account, name="account"),
    path("invitations/<str:token>/", invitations.accept_invitation, name="accept_invitation"),
    *accounts.urls.urlpatterns,
]

urlpatterns: list = [
    path("", include((core_patterns, "core"))),
    path("accounts/", include((accounts_patterns, "accounts"))),
    path("admin/", admin.site.urls),
    path("p/", include("publishing.public_urls")),
    path("p/", include("casereviews.public_urls")),
    path("p/", include("assessment.public_urls")),
    path("partnerships/<slug:partnership>/", include("partnership.urls")),
    path("partnerships/<slug:partnership>/", include("planning.urls")),
    path("partnerships/<slug:partnership>/", include("planning.io_urls")),
    path("partnerships/<slug:partnership>/", include("publishing.urls")),
    path("partnerships/<slug:partnership>/assessment/", include("assessment.urls")),
    path("partnerships/<slug:partnership>/asb-case-reviews/", include("casereviews.urls")),
    path("partnerships/<slug:partnership>/", include("governance.urls")),
    path("partnerships/<slug:partnership>/case-work/", include("casework.urls")),
    path("partnerships/<slug:partnership>/", include("projects.urls")),
    path("crime-data/", include("crimedata.urls")),
    path("", include("governance.feed_urls")),
]

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
