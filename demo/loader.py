"""The whole demo in order: the partnership and its plans, then the plan document, the crime data,
the Strategic Assessment, the second (example) partnership and the 2019/20 ASB Case Reviews. Each
part is idempotent and acts as the given actor (the system actor when run by `load_demo`), through
the apps' services with their access checks."""

from collections.abc import Callable
from io import TextIOBase

from accounts.models import User
from demo.analysis import comparator_group_load
from demo.assessment import assessment_load
from demo.casereviews import case_reviews_load
from demo.casework import casework_load
from demo.crimedata import crime_data_load
from demo.csu import csu_meetings_load
from demo.example_district import example_district_load
from demo.governance import governance_load
from demo.maps import maps_load
from demo.partnership import DemoResult, demo_load
from demo.projects import projects_step
from demo.publishing import plan_document_load
from demo.rounds import rounds_load
from demo.score import score_rules_load
from demo.trig import case_review_links_load

Step = Callable[[DemoResult, User, TextIOBase], object]


def _report(result: DemoResult, stdout: TextIOBase) -> None:
    if result.created:
        made = ", ".join(f"{count} {kind}" for kind, count in sorted(result.created.items()))
        stdout.write(f"Demo partnership {result.partnership.name}: created {made}.\n")
    else:
        stdout.write(f"Demo partnership {result.partnership.name} is already loaded; nothing changed.\n")


def _plan_document(result: DemoResult, actor: User, stdout: TextIOBase) -> None:
    plan_document_load(partnership=result.partnership, actor=actor, stdout=stdout)


def _crime_data(result: DemoResult, actor: User, stdout: TextIOBase) -> None:
    crime_data_load(actor=actor, stdout=stdout)  # installation-wide: Kent, not one partnership


def _assessment(result: DemoResult, actor: User, stdout: TextIOBase) -> None:
    assessment_load(partnership=result.partnership, actor=actor, stdout=stdout)


def _comparator_group(result: DemoResult, actor: User, stdout: TextIOBase) -> None:
    comparator_group_load(actor=actor, stdout=stdout)  # installation-wide example reference data


def _example_district(result: DemoResult, actor: User, stdout: TextIOBase) -> None:
    """The made-up second partnership (no crime data, nothing published); its users join the list."""
    example = example_district_load(actor=actor, with_users=result.with_users)
    _report(example, stdout)
    result.users.extend(example.users)


def _case_reviews(result: DemoResult, actor: User, stdout: TextIOBase) -> None:
    case_reviews_load(partnership=result.partnership, actor=actor, stdout=stdout)


def _rounds(result: DemoResult, actor: User, stdout: TextIOBase) -> None:
    rounds_load(partnership=result.partnership, actor=actor, stdout=stdout)


def _governance(result: DemoResult, actor: User, stdout: TextIOBase) -> None:
    governance_load(partnership=result.partnership, actor=actor, stdout=stdout)


# After the partnership, in order: the 2019/20 projects (printed in the plan's review of them); the
# document publishes the 2020-21 plan; the assessment reads the crime data; the example district
# needs none of them.
STEPS: tuple[Step, ...] = (
    projects_step,
    _plan_document,
    _crime_data,
    lambda result, actor, stdout: maps_load(actor=actor, stdout=stdout),  # needs the crime data
    _assessment,
    _example_district,
    _case_reviews,
    _rounds,
    _governance,
    _comparator_group,
    casework_load,
    case_review_links_load,  # after case work: links the 2019/20 review's complaints to a case
    score_rules_load,  # needs the assessment
    csu_meetings_load,  # after the case work: minutes go into its example cases
)


def demo_load_all(*, actor: User, with_users: bool, stdout: TextIOBase) -> DemoResult:
    """Load every part of the demo that is missing; report each part on `stdout`. The result is
    Tonbridge and Malling's, with every partnership's demo users."""
    result = demo_load(actor=actor, with_users=with_users)
    _report(result, stdout)
    for step in STEPS:
        step(result, actor, stdout)
    return result
