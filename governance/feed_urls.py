"""URLs outside a partnership: the personal calendar feed (managed by the signed-in person; the feed
itself needs no session) and the public "you said, we did" page."""

from django.urls import path

from governance.views import calendar, records

app_name = "governance_feed"
urlpatterns = [
    path("account/calendar-feed/", calendar.calendar_feed, name="calendar_feed"),
    path("account/calendar-feed/change/", calendar.calendar_feed_change, name="calendar_feed_change"),
    path("calendar/<str:token>.ics", calendar.feed, name="feed"),
    path("p/<slug:partnership>/you-said-we-did/", records.you_said_we_did, name="you_said_we_did"),
]
