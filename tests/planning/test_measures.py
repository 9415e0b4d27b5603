"""Measures: baseline, target, direction, periodic values, links, RAG in words, figures from the
Strategic Assessment, and measures in the plan document (web and Word)."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document

from assessment.analysis import Period, rate_per_thousand
from assessment.report import build_analysis, partnership_districts
from core.errors import AccessDenied, ServiceError
from crimedata.models import PopulationFigure, PopulationTable
from planning import figure_sources, selectors, services
from planning.models import Measure, MeasureValue
from planning.selectors.measures import measure_view
from publishing.render import html as html_render
from publishing.render.document import build_plan
from publishing.render.word import plan_docx
from tests.assessment.helpers import TM, district, fill_period
from tests.factories import PlanYearFactory

P = {"partnership": "test-csp"}


def _measure(world, **fields):  # type: ignore[no-untyped-def]
    defaults = {
        "name": "Repeat victims",
        "unit": "%",
        "value": None,
        "direction": "lower",
        "baseline_value": Decimal(30),
        "baseline_period_label": "2019/20",
        "target_value": Decimal(20),
        "target_period_label": "2021/22",
        "plan_year": world.plan_year,
    }
    return services.measure_save(
        partnership=world.partnership, actor=world.coordinator, **{**defaults, **fields}
    )


def _value(world, measure, label, value):  # type: ignore[no-untyped-def]
    return services.measure_value_save(
        measure=measure, actor=world.coordinator, period_label=label, value=Decimal(value)
    )


@pytest.mark.django_db
def test_latest_value_and_rag_follow_the_periodic_values(world):
    measure = _measure(world)
    assert measure_view(measure).rag.words == "No data"
    _value(world, measure, "Q1 2020/21", 28)
    assert measure_view(measure).rag.words == "Amber: Improving but not on target"
    _value(world, measure, "Q2 2020/21", 21)
    view = measure_view(measure)
    assert (view.latest, view.latest_period, view.latest_text) == (Decimal(21), "Q2 2020/21", "21%")
    assert view.rag.words == "Amber: Within 10% of target"
    _value(world, measure, "Q3 2020/21", 19)
    assert measure_view(measure).rag.words == "Green: On target"
    assert [v.order for v in measure.values.all()] == [1, 2, 3]
    assert measure_view(measure).target_text == "20% (2021/22)"


@pytest.mark.django_db
def test_headline_value_stays_the_latest_without_periodic_values(world):
    """Existing figures keep their one value: it is the latest value (ADR 0017)."""
    figure = Measure.objects.create(
        partnership=world.partnership, name="Victim-based crime", value=Decimal(8394)
    )
    view = measure_view(figure)
    assert (view.latest, view.latest_text, view.rag.words) == (Decimal(8394), "8,394", "No target")


@pytest.mark.django_db
def test_links_belong_to_the_partnership_and_only_coordinators_save(world):
    measure = _measure(world, priorities=[world.priority], actions=[world.action])
    assert list(measure.priorities.all()) == [world.priority] and list(measure.actions.all()) == [
        world.action
    ]
    foreign = PlanYearFactory(partnership=world.other_partnership, slug="2020-21")
    from tests.factories import PriorityFactory

    with pytest.raises(ServiceError):
        _measure(world, priorities=[PriorityFactory(plan_year=foreign)])
    with pytest.raises(AccessDenied):
        services.measure_save(partnership=world.partnership, actor=world.member, name="X", value=1)
    with pytest.raises(ServiceError):
        _measure(world, source_key="no.such.source")


@pytest.mark.django_db
def test_lead_officers_record_values_of_measures_linked_to_actions_they_lead(world):
    measure = _measure(world)
    with pytest.raises(AccessDenied):
        services.measure_value_save(
            measure=measure, actor=world.lead_officer, period_label="Q1", value=Decimal(1)
        )
    measure.actions.set([world.action])
    services.measure_value_save(
        measure=measure, actor=world.lead_officer, period_label="Q1", value=Decimal(1)
    )
    with pytest.raises(AccessDenied):
        services.measure_value_save(
            measure=measure, actor=world.other_lead_officer, period_label="Q2", value=Decimal(2)
        )
    assert MeasureValue.objects.filter(measure=measure).count() == 1


@pytest.mark.django_db
def test_measure_pages_forms_and_errors(client, world):
    client.force_login(world.coordinator)
    create = reverse("planning:measure_create", kwargs=P)
    page = client.post(create, {"name": "Repeat victims", "target_value": "many"}).content.decode()
    assert "There is a problem" in page and "Enter the target as a number" in page
    assert "Enter the value, or choose where it comes from" in page
    response = client.post(
        create,
        {
            "name": "Repeat victims",
            "value": "30",
            "unit": "%",
            "direction": "lower",
            "baseline_value": "30",
            "baseline_period_label": "2019/20",
            "target_value": "20",
            "target_period_label": "2021/22",
            "priorities": [world.priority.pk],
            "actions": [world.action.pk],
        },
    )
    measure = Measure.objects.get(name="Repeat victims")
    assert response.status_code == 302 and response["Location"].endswith(f"/key-figures/{measure.pk}/")
    assert list(measure.priorities.all()) == [world.priority] and measure.direction == "lower"
    add = reverse("planning:measure_value_create", kwargs={**P, "pk": measure.pk})
    page = client.post(add, {"period_label": "", "value": "x"}).content.decode()
    assert "Enter the period, for example Q1 2021/22" in page and "Enter the value as a number" in page
    client.post(add, {"period_label": "Q1 2020/21", "value": "25"})
    client.post(
        add, {"period_label": "Q2 2020/21", "value": "<b>22</b>", "note": "x"}
    )  # refused: not a number
    client.post(add, {"period_label": "Q2 2020/21", "value": "23", "note": "<script>alert(1)</script>"})
    page = client.get(reverse("planning:measure", kwargs={**P, "pk": measure.pk})).content.decode()
    assert "Amber: Improving but not on target" in page
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in page and "<title id=" in page
    assert "Q1 2020/21: 25%; Q2 2020/21: 23%. Target: 20%" in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "Violent crime" in page and "Hold a monthly meeting" in page
    listing = client.get(reverse("planning:key_figures", kwargs=P)).content.decode()
    assert "govuk-tag--orange" in listing and "Amber: Improving but not on target" in listing
    value = measure.values.get(period_label="Q1 2020/21")
    edit = reverse("planning:measure_value_edit", kwargs={**P, "pk": measure.pk, "value_pk": value.pk})
    client.post(edit, {"period_label": "Q1 2020/21", "value": "24"})
    value.refresh_from_db()
    assert value.value == 24
    client.post(
        reverse("planning:measure_value_delete", kwargs={**P, "pk": measure.pk, "value_pk": value.pk})
    )
    assert list(measure.values.values_list("period_label", flat=True)) == ["Q2 2020/21"]
    # members read; they find no buttons
    client.force_login(world.member)
    page = client.get(reverse("planning:measure", kwargs={**P, "pk": measure.pk})).content.decode()
    assert "Add a value" not in page and "Edit this measure" not in page
    assert client.get(add).status_code == 404


@pytest.fixture
def crime(world):  # type: ignore[no-untyped-def]
    """Tonbridge and Malling's counts for 2019/20, with a population table."""
    world.partnership.districts.add(district())
    fill_period(
        Period.plan_year(2019),
        {"Burglary": 10, "Violence and sexual offences": 20, "Anti-social behaviour": 7},
    )
    table = PopulationTable.objects.create(name="Mid-year estimates")
    PopulationFigure.objects.create(
        table=table, area_code=TM[1], area_name=TM[0], year=2019, population=132_000
    )
    return table


@pytest.mark.django_db
def test_a_key_figure_from_the_assessment_equals_the_assessments_number(world, crime):
    year = PlanYearFactory(partnership=world.partnership, slug="2019-20")
    analysis = build_analysis(
        partnership_districts(world.partnership), Period.plan_year(2019), population_table=crime
    )
    totals = {t["key"]: t["count"] for t in analysis["totals"]}
    by_type = {r["crime_type"]: r["count"] for r in analysis["by_type"]}
    rate = next(r["rate"] for r in analysis["rates"]["totals"]["victim_based"] if r["is_mine"])
    cases = [
        ("crime.victim_based", {}, totals["victim_based"]),
        ("crime.asb", {}, totals["asb"]),
        ("crime.all_crime", {}, totals["all_crime"]),
        ("crime.type", {"crime_type": "Burglary"}, by_type["Burglary"]),
        ("crime.rate", {"total": "victim_based", "population_table": str(crime.pk)}, rate),
    ]
    for key, params, expected in cases:
        measure = _measure(world, name=key, plan_year=year, source_key=key, source_params=params, unit="")
        view = measure_view(Measure.objects.get(pk=measure.pk))
        assert view.latest == Decimal(str(expected)), key
        assert (
            view.source_text.startswith("Strategic Assessment: ")
            and "Tonbridge and Malling, 2019/20" in view.source_text
        )
    assert totals["victim_based"] == 360 and rate == rate_per_thousand(360, 132_000)
    # a period without imported data: no value, and the page says so
    empty = _measure(world, name="Later", plan_year=world.plan_year, source_key="crime.asb", source_params={})
    view = measure_view(empty)
    assert (
        view.latest is None and view.rag.words == "No data" and "no data for this period" in view.source_text
    )


@pytest.mark.django_db
def test_the_registry_is_filled_by_the_assessment_app():
    keys = {s.key for s in figure_sources.sources()}
    assert {"crime.victim_based", "crime.asb", "crime.type", "crime.rate"} <= keys
    assert (
        figure_sources.compute("unknown", None, {}, datetime.date(2020, 4, 1), datetime.date(2021, 3, 31))
        is None
    )  # type: ignore[arg-type]


@pytest.mark.django_db
def test_the_coordinator_chooses_the_assessment_as_source_on_the_form(client, world, crime):
    client.force_login(world.coordinator)
    year = PlanYearFactory(partnership=world.partnership, slug="2019-20")
    create = reverse("planning:measure_create", kwargs=P)
    page = client.post(create, {"name": "Burglaries", "source_key": "crime.type"}).content.decode()
    assert "Choose the crime type" in page
    client.post(
        create,
        {
            "name": "Burglaries",
            "source_key": "crime.type",
            "source_crime_type": "Burglary",
            "plan_year": year.pk,
        },
    )
    measure = Measure.objects.get(name="Burglaries")
    assert measure.source_params == {"crime_type": "Burglary"} and measure.value is None
    page = client.get(reverse("planning:key_figures", kwargs=P)).content.decode()
    assert ">120<" in page and "Strategic Assessment: burglary, Tonbridge and Malling, 2019/20" in page


@pytest.mark.django_db
def test_plan_document_prints_measures_with_targets_in_words(world):
    measure = _measure(world, priorities=[world.priority], is_example=False)
    _value(world, measure, "Q1 2020/21", 19)
    plain = Measure.objects.create(
        partnership=world.partnership, name="Plain figure", value=Decimal(5), plan_year=world.plan_year
    )
    doc = build_plan(world.plan_year)
    assert [f.name for f in doc.measures] == ["Repeat victims"]  # figures without targets stay review figures
    figure = doc.measures[0]
    assert (figure.baseline, figure.target, figure.latest, figure.progress) == (
        "30% (2019/20)",
        "20% (2021/22)",
        "19% (Q1 2020/21)",
        "Green: On target",
    )
    web = html_render.plan_html(doc)
    assert "Measures and targets 2020/21" in web and "<td>Green: On target</td>" in web
    word = Document(io.BytesIO(plan_docx(doc)))
    texts = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert "Green: On target" in texts and "20% (2021/22)" in texts
    # the next year's review: both figures, with baseline, target and progress columns
    following = PlanYearFactory(partnership=world.partnership, slug="2021-22")
    review = build_plan(following)
    assert [f.name for f in review.key_figures] == ["Repeat victims", "Plain figure"]
    assert review.key_figures_have_targets and plain.pk
    assert '<th scope="col">Progress</th>' in html_render.plan_html(review)


@pytest.mark.django_db
def test_selectors_group_measures_with_latest_values(world):
    measure = _measure(world)
    _value(world, measure, "Q1", 25)
    groups = selectors.measure_groups(world.partnership)
    assert [(y.slug if y else None, [v.latest for v in vs]) for y, vs in groups] == [
        ("2020-21", [Decimal(25)])
    ]
