"""The projects app's sections of the plan year's dashboard (registered in planning.dashboard_items):
projects needing a decision, overdue monitoring and pots nearly spent."""

import datetime
from typing import Any

from django.urls import reverse

from planning.dashboard_items import DashboardItem, DashboardSection
from planning.models import PlanYear
from projects import rules, selectors
from projects.models import ProjectStatus

DECISIONS: dict[str, str] = {
    ProjectStatus.PROPOSED: "proposed: approve or decline",
    ProjectStatus.COMPLETED: "completed: evaluate",
}


def sections(actor: Any, plan_year: PlanYear, today: datetime.date) -> list[DashboardSection]:
    items = selectors.dashboard_items(actor, plan_year, today)
    slug = plan_year.partnership.slug

    def project_url(pk: int) -> str:
        return reverse("projects:project", args=[slug, pk])

    percent = selectors.nearly_spent_percent(plan_year.partnership)
    return [
        DashboardSection(
            "Projects needing a decision",
            [
                DashboardItem(p.title, project_url(p.pk), DECISIONS.get(p.status, ""))
                for p in items.needing_decision
            ],
            f"No project of {plan_year.label} is waiting for a decision.",
        ),
        DashboardSection(
            "Projects overdue for monitoring",
            [
                DashboardItem(
                    p.title, project_url(p.pk), f"monitoring was due on {p.next_monitoring_date:%-d %B %Y}"
                )
                for p in items.overdue_monitoring
            ],
            "No project is overdue for monitoring.",
        ),
        DashboardSection(
            "Funding pots nearly spent",
            [
                DashboardItem(
                    row.pot.name,
                    reverse("projects:pot", args=[slug, row.pot.pk]),
                    f"{rules.money(row.money.remaining)} of {rules.money(row.money.amount)} left "
                    f"(below {percent:g}%)" + (" (example data)" if row.pot.is_example else ""),
                )
                for row in items.nearly_spent
            ],
            f"No funding pot of {plan_year.label} is nearly spent.",
        ),
    ]
