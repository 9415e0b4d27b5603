"""The demo links the 2019/20 review's complaints to an example case: the figures stay the seed's,
no case is added, and loading twice changes nothing."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from casereviews.models import QualifyingComplaint
from casework.models import Case, Incident, ReviewExplanation
from core.actors import system_user
from demo.casereviews import case_reviews_load
from demo.casework import casework_load
from demo.partnership import demo_load
from demo.trig import case_review_links_load

pytestmark = pytest.mark.django_db


def test_the_reviewed_application_is_linked_to_case_work_once():
    actor = system_user()
    result = demo_load(actor=actor, with_users=True)
    case_reviews_load(partnership=result.partnership, actor=actor, stdout=StringIO())
    casework_load(result, actor, StringIO())
    out = StringIO()
    case_review_links_load(result, actor, out)
    linked = QualifyingComplaint.objects.filter(case_incident__isnull=False)
    assert linked.count() == 3 and len({c.case_reference for c in linked}) == 1
    assert "linked to case" in out.getvalue()
    counts = (Incident.objects.count(), ReviewExplanation.objects.count(), Case.objects.count())
    assert counts == (5, 1, 107)
    case_review_links_load(result, actor, StringIO())
    assert (Incident.objects.count(), ReviewExplanation.objects.count(), Case.objects.count()) == counts
    printed = StringIO()
    call_command(
        "asb_case_review_figures", "tonbridge-malling", "2019-20", "--format", "json", stdout=printed
    )
    assert json.loads(printed.getvalue()) == {
        "partnership": "tonbridge-malling",
        "year": "2019-20",
        "applications": 2,
        "threshold_not_met": 1,
        "reviews_carried_out": 1,
        "reviews_with_recommendations": 0,
    }
