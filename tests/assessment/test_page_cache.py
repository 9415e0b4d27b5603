"""The Strategic Assessment and crime analysis pages keep their content until the partnership's
records (an edit to the assessment or anything in it) or the crime and reference data (an import)
change; the door opens and the audit events are written on every view (issue 14, "Speed")."""

import datetime
from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment import report, services
from assessment.analysis import Period
from assessment.cache import crime_data_version
from core.audit import audit_record
from core.models import AuditEvent, AuditEventType
from crimedata.models import BoundarySet, LsoaBoundary, LsoaDistrict
from partnership.models import Membership
from tests.assessment.helpers import add_counts, fill_period

pytestmark = pytest.mark.django_db
APR19 = datetime.date(2019, 4, 1)


def url(name: str, *args: object) -> str:
    return reverse(f"assessment:{name}", args=["test-csp", *args])


@pytest.fixture
def counted(world, assessment):
    """Two years of counts for the assessment's district (10 burglaries a month in 2019/20) and a
    candidate issue, so the scoring table shows the criteria."""
    services.issue_create(assessment=assessment, title="Burglary", actor=world.coordinator)
    fill_period(Period.plan_year(2018), {"Burglary": 8, "Anti-social behaviour": 4})
    fill_period(Period.plan_year(2019), {"Burglary": 10, "Anti-social behaviour": 5})
    return assessment


def _get(client, path: str) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """The page's main content (nonces and the sign-out token outside it differ on every request)
    and the number of queries the request made."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")], len(captured)


def _signed_in(client, user, path: str) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """Sign in, take the CSRF cookie a browser has after its first page, then build the page."""
    client.force_login(user)
    client.get(path)  # no CSRF cookie yet: built, not stored
    return _get(client, path)


def test_the_assessment_page_is_served_from_the_cache(client, world, counted):
    path = url("detail", counted.slug)
    first, built = _signed_in(client, world.member, path)
    again, served = _get(client, path)
    assert again == first
    assert served < built


def _narrative(world, assessment) -> str:  # type: ignore[no-untyped-def]
    services.assessment_edit(assessment=assessment, actor=world.coordinator, summary="Fresh summary words")
    return "Fresh summary words"


def _criterion(world, assessment) -> str:  # type: ignore[no-untyped-def]
    services.criterion_save(assessment=assessment, actor=world.coordinator, name="Fresh criterion", weight=2)
    return "Fresh criterion"


def _issue(world, assessment) -> str:  # type: ignore[no-untyped-def]
    services.issue_create(assessment=assessment, title="Fresh issue", actor=world.coordinator)
    return "Fresh issue"


def _score(world, assessment) -> str:  # type: ignore[no-untyped-def]
    services.score_record(
        issue=assessment.issues.get(title="Burglary"),
        criterion=assessment.criteria.order_by("order").first(),
        actor=world.coordinator,
        value=4,
        confidence="high",
    )
    return "Scored by 1."


def _community_view(world, assessment) -> str:  # type: ignore[no-untyped-def]
    services.community_view_create(
        assessment=assessment, actor=world.coordinator, theme="Fresh theme", source="Fresh survey"
    )
    return "Fresh survey"


@pytest.mark.parametrize("edit", [_narrative, _criterion, _issue, _score, _community_view])
def test_an_edit_to_the_assessment_or_its_records_shows_at_once(
    client, world, counted, edit: Callable[..., str]
):
    path = url("detail", counted.slug)
    _signed_in(client, world.member, path)
    cached, _ = _get(client, path)
    text = edit(world, counted)
    assert text not in cached
    fresh, _ = _get(client, path)
    assert text in fresh


@pytest.mark.parametrize(
    ("name", "query"), [("detail", "2021-22"), ("analysis", "?start=2019-04&end=2020-03")]
)
def test_a_new_import_shows_fresh_numbers(client, world, counted, name, query):
    path = url("detail", query) if name == "detail" else url("analysis") + query
    _signed_in(client, world.member, path)
    cached, _ = _get(client, path)
    assert "1,120" not in cached
    add_counts(APR19, {"Burglary": 1000})  # 120 + 1,000 burglaries in 2019/20
    fresh, _ = _get(client, path)
    assert "1,120" in fresh


def test_boundaries_and_the_lsoa_lookup_move_the_crime_data_version():
    versions = [crime_data_version()]
    boundary_set = BoundarySet.objects.create(name="Example LSOAs", is_example=True)
    versions.append(crime_data_version())
    LsoaBoundary.objects.create(
        boundary_set=boundary_set,
        lsoa_code="E01000001",
        polygons=[[[[0.1, 51.1], [0.2, 51.1], [0.2, 51.2], [0.1, 51.1]]]],
        min_lon=0.1,
        min_lat=51.1,
        max_lon=0.2,
        max_lat=51.2,
    )
    versions.append(crime_data_version())
    LsoaDistrict.objects.create(
        lsoa_code="E01000001", district_code="E07000115", district_name="Tonbridge and Malling"
    )
    versions.append(crime_data_version())
    assert len(set(versions)) == len(versions)


def test_a_cached_page_writes_the_audit_events_a_built_one_writes(client, world, counted, monkeypatch):
    """The page writes none today; a read that audits (as a later section might) is written again
    each time the cached content is served."""
    build_document, builds = report.build_document, []

    def audited(assessment, **kwargs):  # type: ignore[no-untyped-def]
        builds.append(assessment.pk)
        audit_record(
            actor=world.member, event=AuditEventType.VIEWED, partnership=world.partnership, obj=assessment
        )
        return build_document(assessment, **kwargs)

    monkeypatch.setattr(report, "build_document", audited)
    path = url("detail", counted.slug)
    client.force_login(world.member)
    client.get(path)
    viewed = AuditEvent.objects.filter(event_type=AuditEventType.VIEWED, object_id=str(counted.pk))
    before = viewed.count()
    _get(client, path)  # built
    _get(client, path)  # from the cache
    assert viewed.count() == before + 2
    assert len(builds) == 2  # the first view (no CSRF cookie yet) and the built one


def test_the_door_still_opens_on_every_view(client, world, counted):
    path = url("detail", counted.slug)
    _signed_in(client, world.member, path)
    _get(client, path)
    Membership.objects.filter(user=world.member, partnership=world.partnership).delete()
    assert client.get(path).status_code == 404
    assert client.get(url("analysis")).status_code == 404
