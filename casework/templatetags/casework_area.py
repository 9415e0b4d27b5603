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
