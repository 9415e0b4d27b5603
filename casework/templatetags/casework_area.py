"""Template tags for case-work pages: links to pages other apps add to the area
(`casework.area`) and the second-report prompt on a case (`casework.second_report`)."""

from typing import Any

from django import template
from django.urls import reverse

from casework import access, area
from casework.models import Case, PersonRole
from casework.second_report import PROMPT, second_report_on
from core.access import Purpose
from partnership.models import Partnership

register = template.Library()


@register.simple_tag
def case_work_area_links(partnership: Partnership) -> list[tuple[str, str]]:
    """(label, url) of each page registered in the case-work area."""
    return [(page.label, reverse(f"casework:{page.name}", args=[partnership.slug])) for page in area.pages()]


@register.inclusion_tag("casework/includes/second_report.html", takes_context=True)
def second_report_prompt(context: Any, case: Case, file: Any) -> dict[str, Any]:
    """The prompt on a case page, from the records already on it (people, incidents) and the
    recorded explanations (through their visibility queryset)."""
    user = context["request"].user
    explanations = list(
        access.review_explanations_visible_to(user).filter(case=case).select_related("explained_by")
    )
    has_victim = any(link.role == PersonRole.VICTIM for link in file.people)
    due = (
        second_report_on([i.reported_on for i in file.incidents], [e.explained_on for e in explanations])
        if has_victim
        else None
    )
    may_report = access.cases_visible_to(user, for_=Purpose.REPORT).filter(pk=case.pk).exists()
    return {
        "case": case,
        "partnership": case.partnership,
        "due": due,
        "prompt": PROMPT,
        "explanations": explanations,
        "may_report": may_report,
    }


@register.simple_tag(takes_context=True)
def second_report_cases(context: Any, cases: list[Case]) -> set[int]:
    """The ids of the listed cases showing the second-report prompt: three queries for the whole
    list (victims, report dates, explanations), only dates read, nothing shown but the prompt."""
    user = context["request"].user
    ids = [case.pk for case in cases]
    with_victim = set(
        access.case_people_visible_to(user)
        .filter(case_id__in=ids, role=PersonRole.VICTIM)
        .values_list("case_id", flat=True)
    )
    reports: dict[int, list[Any]] = {}
    for case_id, day in (
        access.incidents_visible_to(user)
        .filter(case_id__in=with_victim)
        .values_list("case_id", "reported_on")
    ):
        reports.setdefault(case_id, []).append(day)
    explained: dict[int, list[Any]] = {}
    for case_id, day in (
        access.review_explanations_visible_to(user)
        .filter(case_id__in=list(reports))
        .values_list("case_id", "explained_on")
    ):
        explained.setdefault(case_id, []).append(day)
    return {pk for pk, days in reports.items() if second_report_on(days, explained.get(pk, ()))}
