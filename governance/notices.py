"""The calendar on the dashboard and the plan sent on the plan's page (planning.year_notices)."""

import datetime

from django.urls import reverse

from core.actors import Actor
from governance import selectors, services
from governance.models import DutyState
from partnership import access as partnership_access
from planning import year_notices
from planning.models import PlanYear

SHOWN: dict[str, str] = {DutyState.OVERDUE: "red", DutyState.DUE: "yellow", DutyState.UPCOMING: "blue"}
UPCOMING_DAYS = 90


def calendar_notices(actor: Actor, plan_year: PlanYear, today: datetime.date) -> list[year_notices.Notice]:
    """Overdue and due items, and those coming up in the next 90 days, with a link to the calendar."""
    url = reverse(
        "governance:calendar", kwargs={"partnership": plan_year.partnership.slug, "year": plan_year.slug}
    )
    notices = []
    for row in selectors.duty_rows(actor, plan_year, today):
        if row.state not in SHOWN:
            continue
        duty = row.duty
        if row.state == DutyState.UPCOMING and duty.due_date and (duty.due_date - today).days > UPCOMING_DAYS:
            continue
        when = f" (due {duty.due_date:%-d %B %Y})" if duty.due_date else ""
        notices.append(
            year_notices.Notice(
                text=f"{duty.title}{when}.",
                state=DutyState(row.state).label,
                url=url,
                link_text="Calendar",
                colour=SHOWN[row.state],
            )
        )
    return notices


def plan_sent_notices(actor: Actor, plan_year: PlanYear, today: datetime.date) -> list[year_notices.Notice]:
    notices = [
        year_notices.Notice(
            text=f"Version {sent.publication.number} sent to {sent.recipient} on {sent.sent_on:%-d %B %Y}"
            + (
                f", recorded by {sent.recorded_by.get_full_name() or sent.recorded_by.get_username()}."
                if sent.recorded_by
                else "."
            ),
            state="Sent",
            colour="green",
        )
        for sent in selectors.plans_sent(actor, plan_year)
    ]
    if not notices and selectors.plan_published(actor, plan_year):
        coordinator = partnership_access.is_coordinator(actor, plan_year.partnership)
        notices.append(
            year_notices.Notice(
                text=f"The published plan has not been recorded as sent to {services.plan_recipient(plan_year.partnership)}.",
                state="Due",
                colour="yellow",
                url=reverse(
                    "governance:plan_sent",
                    kwargs={"partnership": plan_year.partnership.slug, "year": plan_year.slug},
                )
                if coordinator
                else "",
                link_text="Record it as sent",
            )
        )
    return notices


def register_sources() -> None:
    year_notices.register("governance.calendar", year_notices.DASHBOARD, "Calendar", calendar_notices)
    year_notices.register(
        "governance.plan_sent", year_notices.PLAN_DOCUMENTS, "Sent to the policing body", plan_sent_notices
    )
