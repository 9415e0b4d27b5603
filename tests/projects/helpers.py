"""Records for the projects tests, made through the services (as the coordinator)."""

import datetime
from decimal import Decimal
from typing import Any

from projects import services
from projects.models import FundingPot, Project

D = Decimal
DAY = datetime.date(2020, 6, 1)


def make_pot(
    world: Any, name: str = "PCC grant 2020/21", amount: str = "10000.00", **extra: Any
) -> FundingPot:
    return services.pot_create(
        actor=world.coordinator, plan_year=world.plan_year, name=name, amount=D(amount), **extra
    )


def make_project(
    world: Any, title: str = "Crime prevention events", status: str = "running", **extra: Any
) -> Project:
    """A project led by the world's organisation (whose lead officer is `world.lead_officer`)."""
    extra.setdefault("lead_organisation", world.organisation)
    extra.setdefault("priorities", [world.priority])
    project = services.project_create(
        actor=world.coordinator, plan_year=world.plan_year, title=title, **extra
    )
    path = {
        "approved": ["approved"],
        "running": ["approved", "running"],
        "completed": ["approved", "running", "completed"],
    }
    for step in path.get(status, []):
        services.project_transition(actor=world.coordinator, project=project, to=step)
    return project
