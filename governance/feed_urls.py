"""The personal calendar feed: managed by the signed-in person; the feed itself needs no session."""

from django.urls import path

from governance.views import calendar

app_name = "governance_feed"
urlpatterns = [
    path("account/calendar-feed/", calendar.calendar_feed, name="calendar_feed"),
    path("account/calendar-feed/change/", calendar.calendar_feed_change, name="calendar_feed_change"),
    path("calendar/<str:token>.ics", calendar.feed, name="feed"),
]
