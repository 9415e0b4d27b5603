"""The seed's 2019/20 ASB Case Reviews, re-lived with made-up people: the command prints the seed's
figures and the public page shows them without sign-in."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from casereviews.models import Application
from core.actors import system_user
from demo.casereviews import case_reviews_load
from demo.partnership import demo_load

pytestmark = pytest.mark.django_db

EXPECTED = (
    '{"partnership": "tonbridge-malling", "year": "2019-20", "applications": 2, '
    '"threshold_not_met": 1, "reviews_carried_out": 1, "reviews_with_recommendations": 0}'
)


@pytest.fixture
def loaded():
    partnership = demo_load(actor=system_user()).partnership
    case_reviews_load(partnership=partnership, actor=system_user(), stdout=StringIO())
    return partnership


def test_the_command_prints_the_seed_figures_exactly(loaded):
    out = StringIO()
    call_command("asb_case_review_figures", "tonbridge-malling", "2019-20", "--format", "json", stdout=out)
    assert out.getvalue().strip() == EXPECTED
    assert all(
        isinstance(v, int) for k, v in json.loads(out.getvalue()).items() if k not in ("partnership", "year")
    )
    table = StringIO()
    call_command("asb_case_review_figures", "tonbridge-malling", "2019-20", "--format", "table", stdout=table)
    assert "ASB Case Reviews carried out" in table.getvalue()


def test_the_command_refuses_bad_input(loaded):
    with pytest.raises(CommandError, match="2019-20"):
        call_command("asb_case_review_figures", "tonbridge-malling", "2019")
    with pytest.raises(CommandError, match="No partnership"):
        call_command("asb_case_review_figures", "nowhere", "2019-20")


def test_the_public_page_shows_the_same_figures_without_sign_in(client, loaded):
    body = client.get("/p/tonbridge-malling/asb-case-reviews/").content.decode()
    assert "2019/20" in body
    rows = [
        ("Applications for an ASB Case Review received", 2),
        ("Applications where the threshold was not met", 1),
        ("ASB Case Reviews carried out", 1),
        ("ASB Case Reviews that resulted in recommendations", 0),
    ]
    for label, value in rows:
        assert f'{label}</th><td class="govuk-table__cell govuk-table__cell--numeric">{value}</td>' in body


def test_the_demo_is_example_data_and_loads_once(loaded):
    assert Application.objects.count() == 2
    assert all(a.is_example for a in Application.objects.all())
    assert {a.route for a in Application.objects.all()} == {"phone", "letter"}
    out = StringIO()
    case_reviews_load(partnership=loaded, actor=system_user(), stdout=out)
    assert "already loaded" in out.getvalue()
    assert Application.objects.count() == 2
