"""iCalendar files of meetings (the `icalendar` package): one meeting, or a person's feed."""

import datetime
from collections.abc import Iterable

from icalendar import Calendar, Event

from governance.models import Meeting


def _event(meeting: Meeting, url: str, domain: str) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{domain}")
    event.add("dtstamp", datetime.datetime.now(datetime.UTC))
    event.add("dtstart", meeting.starts_at.astimezone(datetime.UTC))
    event.add("dtend", meeting.ends_at.astimezone(datetime.UTC))
    event.add("summary", f"{meeting.series.name}")
    if meeting.place:
        event.add("location", meeting.place)
    elif meeting.online_link:
        event.add("location", meeting.online_link)
    description = [f"{meeting.series.partnership.name}.", f"Agenda, papers and minutes: {url}"]
    if meeting.online_link:
        description.append(f"Join online: {meeting.online_link}")
    event.add("description", "\n".join(description))
    event.add("url", url)
    return event


def calendar_bytes(meetings: Iterable[tuple[Meeting, str]], *, name: str, domain: str) -> bytes:
    """A VCALENDAR with one VEVENT per (meeting, its page's absolute URL)."""
    calendar = Calendar()
    calendar.add("prodid", "-//CSP Hub//Meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for meeting, url in meetings:
        calendar.add_component(_event(meeting, url, domain))
    return calendar.to_ical()
