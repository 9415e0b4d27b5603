"""The seed's 2019/20 ASB Case Reviews re-lived with made-up people (called by load_demo).

The seed: "We had 2 Community Trigger applications during the year and one of these met the
threshold for a Community Trigger. A Review Panel was held to discuss this case but there were no
further actions identified as it was agreed that all organisations involved had undertaken
appropriate actions at the time. This was communicated to the resident and the issue was monitored
by agencies." The two figures are the seed's; every person, date, complaint and word of the
applications is made up and marked as example data (ADR 0011). The 2019/20 figures are published.
"""

import datetime
from io import TextIOBase

from django.db import transaction

from accounts.models import User
from casereviews import selectors, services
from casereviews.services import ComplaintInput
from partnership.models import Partnership

YEAR = "2019-20"
D = datetime.date


def _complaint(behaviour: datetime.date, made: datetime.date, to: str, reference: str) -> ComplaintInput:
    return ComplaintInput(
        behaviour_date=behaviour,
        complaint_date=made,
        organisation_name=to,
        reference=reference,
        complainant="the applicant",
        issue="noise and intimidation",
    )


def _met(partnership: Partnership, actor: User) -> None:
    """Three qualifying complaints: the threshold is met, a review held with no recommendations."""
    application = services.application_record(
        actor=actor,
        partnership=partnership,
        route="phone",
        application_date=D(2019, 6, 3),
        applicant_name="Jordan Sample (example)",
        applicant_phone="01234 000000",
        description=(
            "Example data. Repeated late-night noise, shouting and intimidation from a neighbouring "
            "property since the spring."
        ),
        complaints=[
            _complaint(D(2019, 5, 2), D(2019, 5, 3), "Police", "EX-19-0101"),
            _complaint(D(2019, 5, 14), D(2019, 5, 14), "Borough council", "EX-ASB-2231"),
            _complaint(D(2019, 5, 27), D(2019, 5, 28), "Housing provider", "EX-H-774"),
        ],
        is_example=True,
    )
    services.application_acknowledge(actor=actor, application=application, on=D(2019, 6, 10))
    services.application_set_contact(
        actor=actor,
        application=application,
        contact_officer="Community Safety Unit officer (example)",
        involvement="written",
    )
    services.threshold_decide(actor=actor, application=application, decided_on=D(2019, 6, 24))
    services.review_save(
        actor=actor,
        application=application,
        meeting_date=D(2019, 7, 15),
        chair_name="Review chair (example)",
        chair_organisation="Borough council",
        case_history="Example data. Three reports in May 2019 to the police, the council and the housing provider.",
        applicant_views="Example data. The applicant wanted the organisations to look again at their response.",
        outcome=(
            "The organisations involved agreed that each of them had taken appropriate action at the time.\n"
            "No further actions were identified.\n"
            "The organisations will keep monitoring the situation."
        ),
        outcome_letter_date=D(2019, 7, 19),
    )


def _not_met(partnership: Partnership, actor: User) -> None:
    """Three complaints, one made more than a month after the behaviour: the threshold is not met."""
    application = services.application_record(
        actor=actor,
        partnership=partnership,
        route="letter",
        application_date=D(2019, 9, 9),
        applicant_name="Casey Demo (example)",
        applicant_address="1 Example Street\nExampletown",
        description="Example data. Youths gathering and damaging cars in a car park.",
        complaints=[
            _complaint(D(2019, 7, 31), D(2019, 9, 3), "Police", "EX-19-0455"),
            _complaint(D(2019, 8, 12), D(2019, 8, 13), "Police", "EX-19-0391"),
            _complaint(D(2019, 8, 20), D(2019, 8, 21), "Borough council", "EX-ASB-2519"),
        ],
        is_example=True,
    )
    services.application_acknowledge(actor=actor, application=application, on=D(2019, 9, 16))
    services.threshold_decide(actor=actor, application=application, decided_on=D(2019, 9, 30))


@transaction.atomic
def case_reviews_load(*, partnership: Partnership, actor: User, stdout: TextIOBase) -> None:
    """Load the two applications once, then publish the 2019/20 figures (idempotent)."""
    if selectors.has_example_applications(partnership):
        stdout.write("ASB Case Reviews: the 2019/20 applications are already loaded.\n")
    else:
        _met(partnership, actor)
        _not_met(partnership, actor)
        stdout.write("ASB Case Reviews: loaded 2 example applications for 2019/20.\n")
    services.figures_publish(actor=actor, partnership=partnership, year=YEAR)
    stdout.write(
        f"ASB Case Reviews: the {YEAR.replace('-', '/')} figures are published (/p/{partnership.slug}/asb-case-reviews/).\n"
    )
