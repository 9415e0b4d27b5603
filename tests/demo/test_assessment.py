"""demo.assessment.assessment_load on small synthetic counts: example flags, priorities, idempotence."""

import io

import pytest

from assessment.analysis import Period
from assessment.models import Assessment, CommunityView, Score
from core.actors import system_user
from crimedata.models import PopulationFigure
from demo.assessment import OLD_POPULATION_NAME, POPULATION_NAME, assessment_load
from planning.models import Measure, PlanYearState
from planning.services import plan_year_create
from tests.assessment.helpers import district, fill_period
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
CHOSEN = [
    "Safeguarding vulnerable people",
    "Violent crime",
    "Domestic abuse including stalking",
    "Anti-social behaviour including environmental crime",
    "Preventing extremism and hate",
]


@pytest.fixture
def demo_world(world):
    world.partnership.districts.add(district())
    OrganisationFactory(
        partnership=world.partnership, name="Domestic Abuse Volunteer Support Services", short_name="DAVSS"
    )
    fill_period(
        Period.plan_year(2019),
        {"Violence and sexual offences": 300, "Burglary": 40, "Anti-social behaviour": 141},
    )
    fill_period(
        Period.plan_year(2018),
        {"Violence and sexual offences": 297, "Burglary": 40, "Anti-social behaviour": 121},
    )
    return world


def test_demo_builds_the_assessment_and_feeds_a_draft_plan(demo_world):
    out = io.StringIO()
    assessment = assessment_load(partnership=demo_world.partnership, actor=system_user(), stdout=out)
    assert assessment.slug == "2021-22" and assessment.is_example
    # Marked by its flag: the pages add the "Example data" label, so the name must not carry it too.
    assert assessment.population_table.is_example and "Example data" not in assessment.population_table.name
    assert (
        PopulationFigure.objects.get(table=assessment.population_table, area_code="E07000115").population
        == 130_000
    )
    assert assessment.weight_set.is_example
    assert "4,080 victim-based crimes" in assessment.summary  # 340 a month
    assert "+36 (+0.9%)" in assessment.summary
    assert "from 1,452 to 1,692" in assessment.summary
    assert Score.objects.filter(issue__assessment=assessment).exclude(is_example=True).count() == 0
    plan_year = demo_world.partnership.plan_years.get(slug="2021-22")
    assert plan_year.state == PlanYearState.DRAFT
    assert [p.title for p in plan_year.priorities.all()] == CHOSEN
    from assessment.report import ranking

    ranked, _, _ = ranking(assessment)
    assert sorted(r.title for r in ranked[:5]) == sorted(CHOSEN)
    assert Measure.objects.filter(kind="indicator", name="DAVSS referrals").count() == 8
    assert "5 priorities in the draft 2021/22 plan" in out.getvalue()
    counts = (
        Score.objects.count(),
        CommunityView.objects.count(),
        Measure.objects.count(),
        plan_year.priorities.count(),
    )
    assessment_load(partnership=demo_world.partnership, actor=system_user(), stdout=io.StringIO())
    assert Assessment.objects.count() == 1
    assert counts == (
        Score.objects.count(),
        CommunityView.objects.count(),
        Measure.objects.count(),
        plan_year.priorities.count(),
    )


def test_demo_leaves_a_live_year_alone(demo_world):
    plan_year = plan_year_create(
        partnership=demo_world.partnership,
        slug="2021-22",
        actor=demo_world.coordinator,
        state=PlanYearState.LIVE,
    )
    out = io.StringIO()
    assessment_load(partnership=demo_world.partnership, actor=system_user(), stdout=out)
    assert plan_year.priorities.count() == 0
    assert "not added" in out.getvalue()


def test_demo_renames_the_population_table_named_with_its_mark(demo_world):
    from crimedata.models import PopulationTable

    PopulationTable.objects.create(name=OLD_POPULATION_NAME, is_example=True)
    assessment_load(partnership=demo_world.partnership, actor=system_user(), stdout=io.StringIO())
    assert list(PopulationTable.objects.values_list("name", flat=True)) == [POPULATION_NAME]


def test_demo_document_marks_example_data(client, demo_world):
    assessment_load(partnership=demo_world.partnership, actor=system_user(), stdout=io.StringIO())
    client.force_login(demo_world.member)
    page = client.get("/partnerships/test-csp/assessment/2021-22/").content.decode()
    assert "Example data — not official figures" in page
    assert "Example scores" in page and "Example community views" in page
    scoring = client.get("/partnerships/test-csp/assessment/2021-22/scoring/").content.decode()
    assert "Example data — not official figures" in scoring
    analysis = client.get(
        "/partnerships/test-csp/assessment/analysis/",
        {"population_table": demo_world.partnership.assessments.get().population_table_id},
    ).content.decode()
    assert "Example data — not official figures" in analysis
    # The population table is marked once wherever it is named: the banner lists it by name only,
    # the rates paragraph and the form's option add the label once.
    table = demo_world.partnership.assessments.get().population_table
    assert f"; {table.name};" in page  # in the banner's list
    assert (
        page.count(f"Population from {table.name} (<strong>Example data — not official figures</strong>).")
        == 1
    )
    assert analysis.count(f"{table.name} (example data)</option>") == 1
    assert "not official figures) (" not in page + analysis
    # The banner, the rates paragraph and the harm weights paragraph: once each.
    assert page.count("Example data — not official figures") == 3
