"""The whole demo in order: the partnership and its plans, then the plan document, the crime data
and the Strategic Assessment. Each part is idempotent and acts as the given actor (the system actor
when run by `load_demo`), through the apps' services with their access checks."""

from collections.abc import Callable
from io import TextIOBase

from accounts.models import User
from demo.assessment import assessment_load
from demo.crimedata import crime_data_load
from demo.partnership import DemoResult, demo_load
from demo.publishing import plan_document_load
from partnership.models import Partnership

Step = Callable[[Partnership, User, TextIOBase], object]


def _plan_document(partnership: Partnership, actor: User, stdout: TextIOBase) -> None:
    plan_document_load(partnership=partnership, actor=actor, stdout=stdout)


def _crime_data(partnership: Partnership, actor: User, stdout: TextIOBase) -> None:
    crime_data_load(actor=actor, stdout=stdout)  # installation-wide: Kent, not one partnership


def _assessment(partnership: Partnership, actor: User, stdout: TextIOBase) -> None:
    assessment_load(partnership=partnership, actor=actor, stdout=stdout)


# After the partnership, in order: the document publishes the 2020-21 plan; the assessment reads
# the crime data.
STEPS: tuple[Step, ...] = (_plan_document, _crime_data, _assessment)


def demo_load_all(*, actor: User, with_users: bool, stdout: TextIOBase) -> DemoResult:
    """Load every part of the demo that is missing; report each part on `stdout`."""
    result = demo_load(actor=actor, with_users=with_users)
    if result.created:
        made = ", ".join(f"{count} {kind}" for kind, count in sorted(result.created.items()))
        stdout.write(f"Demo partnership {result.partnership.name}: created {made}.\n")
    else:
        stdout.write(f"Demo partnership {result.partnership.name} is already loaded; nothing changed.\n")
    for step in STEPS:
        step(result.partnership, actor, stdout)
    return result
