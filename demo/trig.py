"""Demo: the 2019/20 ASB Case Review's complaints found in case work (runs after the case work).

The application that met the threshold had three complaints, typed in by hand when the case
reviews loaded. This step records the same three complaints on one of the example ASB cases and
links each qualifying complaint to its case-work record, so the panel's case history shows that
case. The victim's second report is followed by the explanation of the ASB Case Review. A second
example case gets two reports in early 2020 with no explanation, so its page shows the prompt.
Nothing here changes a count: the 2019/20 figures stay as the seed's, and no case is added.
"""

import datetime
from io import TextIOBase

from django.db import transaction

from accounts.models import User
from casereviews import access as review_access
from casereviews import services_casework
from casework import selectors, services
from casework.models import Case
from casework.services_prompts import review_explanation_record
from demo.casework import COUNCIL, POLICE
from demo.partnership import DemoResult
from partnership.access import organisations_visible_to
from partnership.models import Partnership

D = datetime.date
DESCRIPTION = "Example data. Late-night noise, shouting and intimidation from a neighbouring property."
SECOND_CASE_REPORTS = ((D(2020, 1, 6), COUNCIL), (D(2020, 2, 17), POLICE))


def _asb_cases(coordinator: User, partnership: Partnership) -> list[Case]:
    types = selectors.case_types(coordinator, partnership).filter(name="ASB")
    if not types:
        return []
    found = selectors.case_search(coordinator, partnership, case_type=str(types[0].pk))
    return list(found.filter(example=True).order_by("opened_on", "pk")[:2])


def _report(
    coordinator: User, case: Case, day: datetime.date, reported: datetime.date, org: object, ref: str
) -> int:
    return services.incident_add(
        actor=coordinator,
        case=case,
        kind="complaint",
        behaviour_on=day,
        reported_on=reported,
        description=DESCRIPTION,
        reporting_organisation=org,  # type: ignore[arg-type]
        reference=ref,
    ).pk


@transaction.atomic
def case_review_links_load(result: DemoResult, actor: User, stdout: TextIOBase) -> None:
    """Link the reviewed application's complaints to case work (idempotent)."""
    partnership = result.partnership
    coordinator = User.objects.filter(username="csu.coordinator").first()
    if not result.with_users or coordinator is None:
        stdout.write("ASB Case Reviews and case work: not linked (no case work loaded).\n")
        return
    reviewed = (
        review_access.applications_visible_to(coordinator)
        .filter(partnership=partnership, is_example=True, review__isnull=False)
        .first()
    )
    cases = _asb_cases(coordinator, partnership)
    if reviewed is None or len(cases) < 2:
        stdout.write("ASB Case Reviews and case work: nothing to link.\n")
        return
    complaints = list(review_access.complaints_visible_to(coordinator).filter(application=reviewed))
    if any(c.case_incident_id for c in complaints):
        stdout.write("ASB Case Reviews and case work: already linked; nothing changed.\n")
        return
    organisations = {o.name: o for o in organisations_visible_to(actor).filter(partnership=partnership)}
    to = {"Police": organisations.get(POLICE), "Borough council": organisations.get(COUNCIL)}
    case = cases[0]
    for complaint in complaints:
        incident = _report(
            coordinator,
            case,
            complaint.behaviour_date,
            complaint.complaint_date,
            to.get(complaint.organisation_name),
            complaint.reference,
        )
        services_casework.complaint_attach(actor=coordinator, complaint=complaint, incident_id=incident)
    second = sorted(c.complaint_date for c in complaints)[1]
    review_explanation_record(actor=coordinator, case=case, explained_on=second)
    for day, name in SECOND_CASE_REPORTS:
        _report(coordinator, cases[1], day, day, organisations.get(name), "")
    stdout.write(
        f"ASB Case Reviews and case work: {len(complaints)} complaints of {reviewed.reference} linked to "
        f"case {case.reference}; case {cases[1].reference} asks for the ASB Case Review to be explained.\n"
    )
