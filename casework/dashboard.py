"""The link to the year's case-work totals on a plan year's dashboard (counts only, ADR 0031), for
those who may read them: coordinators, lead officers and case-work roles."""

import datetime
from typing import Any

from django.urls import reverse

from casework.selectors_totals import may_see_totals
from planning.dashboard_items import DashboardItem, DashboardSection
from planning.models import PlanYear


def sections(actor: Any, plan_year: PlanYear, today: datetime.date) -> list[DashboardSection]:
    if not may_see_totals(actor, plan_year.partnership):
        return []
    url = reverse("casework:totals", args=[plan_year.partnership.slug, plan_year.slug])
    item = DashboardItem(
        f"Case-work totals {plan_year.label}", url, "counts only; small numbers in breakdowns hidden"
    )
    return [DashboardSection("Case work", [item])]
