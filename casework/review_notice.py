"""The case-review notice on a governance meeting's page (ADR 0031): for a meeting of a case-review
series, and only for people holding a case-work role, how many cases on its agenda they can see and
a link to the agenda in case work (two-factor sign-in). Never a case's details."""

from django.urls import reverse

from casework import access
from planning.home_notices import Notice


def meeting_notice(actor: object, meeting: object) -> Notice | None:
    from casework.selectors_review import agenda_count

    series = meeting.series  # type: ignore[attr-defined]
    if not series.case_review or not access.has_case_work(actor, series.partnership):  # type: ignore[arg-type]
        return None
    count = agenda_count(actor, meeting)  # type: ignore[arg-type]
    text = f"{count} case{'s' if count != 1 else ''} you can see {'are' if count != 1 else 'is'} on this meeting's case-review agenda."
    url = reverse("casework:review_agenda", args=[series.partnership.slug, meeting.pk])  # type: ignore[attr-defined]
    return Notice(text, "Open the case-review agenda in case work", url)
