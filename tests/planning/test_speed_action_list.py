"""The action plan list after the speed work (issue 8): rows written in Python escape user text and
keep the table's markup; 50 actions a page with GOV.UK pagination that keeps the filters (ADR 0014)."""

import re

import pytest
from django.http import QueryDict
from django.urls import reverse

from planning.models import ActionOwner, Update
from planning.views.action_rows import action_rows, page_links, truncated
from tests.factories import ActionFactory, PriorityFactory, UpdateFactory

Y = {"partnership": "test-csp", "year": "2020-21"}
EVIL = '<script>alert("x")</script> & <b>bold</b>'


def _list(query: str = "") -> str:
    return reverse("planning:action_list", kwargs=Y) + query


def _headings(page: str) -> list[str]:
    """Each priority heading's title (a link to the priority's page)."""
    return re.findall(r'<h2 class="govuk-heading-l govuk-!-margin-bottom-2"><a [^>]*>([^<]*)</a>', page)


def _rows(page: str) -> list[str]:
    return re.findall(r'<tr class="govuk-table__row" id="action-(\d+)"', page)


@pytest.mark.django_db
def test_rows_escape_every_piece_of_user_text(client, world):
    world.action.text = EVIL
    world.action.save()
    ActionOwner.objects.filter(action=world.action).update(name_as_written=EVIL)
    status = world.partnership.statuses.get(name="At risk")
    status.name = EVIL
    status.colour = 'r" a="b'  # an attribute injection that fits the column (10 characters)
    status.save()
    UpdateFactory(action=world.action, narrative=EVIL, status=status)
    client.force_login(world.coordinator)
    page = client.get(_list()).content.decode()
    assert "<script>alert" not in page and "<b>bold</b>" not in page
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"
    row = page[page.index(f'id="action-{world.action.pk}"') :]
    row = row[: row.index("</tr>")]
    assert row.count(escaped) == 4  # action text, owner, narrative, status name
    assert 'csp-status--r&quot; a=&quot;b"' in row


@pytest.mark.django_db
def test_row_shows_owners_latest_update_status_as_words_and_example_tag(client, world):
    periods = {p.code: p for p in world.plan_year.periods.all()}
    statuses = {s.name: s for s in world.partnership.statuses.all()}
    UpdateFactory(action=world.action, period=periods["Q1"], status=statuses["On track"], narrative="First")
    Update.objects.create(
        action=world.action, period=periods["Q2"], narrative="x" * 400, is_example=True, status=None
    )
    ActionOwner.objects.create(action=world.action, organisation=world.other_organisation, order=2)
    quiet = ActionFactory(priority=world.priority, text="Quiet one", owners=[])
    client.force_login(world.member)
    page = client.get(_list()).content.decode()
    row = page[page.index(f'id="action-{world.action.pk}"') :].split("</tr>")[0]
    assert "Test Borough Council<br>Test Police" in row
    assert '<strong class="govuk-tag govuk-tag--yellow">Example data</strong>' in row
    assert "Quarter 2:</span> " + "x" * 299 + "…</div>" in row  # truncatechars:300
    assert '<strong class="govuk-tag csp-status--' in row and ">On track</strong>" in row
    other = page[page.index(f'id="action-{quiet.pk}"') :].split("</tr>")[0]
    assert "No update yet" in other and ">No status recorded</strong>" in other
    assert "Order</th>" not in page and "Move up" not in page  # members do not reorder


def test_truncated_matches_truncatechars():
    from django.template.defaultfilters import truncatechars

    for text in ("short", "y" * 300, "y" * 301, "e\u0301" * 200 + "z" * 150):
        assert truncated(text) == truncatechars(text, 300)


def test_action_rows_builds_no_markup_from_user_text():
    class Row:
        pk = 7
        text = "<i>"
        owner_roles = [("<u>", True), ("<s>", False)]
        target = "<t>"
        due_date = None
        latest = None
        status_now = None
        position, first_in_priority, last_in_priority = 2, False, True

    html = action_rows([Row()], actions_url="/a/", ordering=True, csrf_token='t"k')  # type: ignore[list-item]
    assert "<i>" not in html and "<u>" not in html and "&lt;i&gt;" in html and "&lt;u&gt;" in html
    assert "<s>" not in html and "&lt;s&gt;" in html and "<t>" not in html and "&lt;t&gt;" in html
    assert 'action="/a/7/move/"' in html and 'value="t&quot;k"' in html
    assert "Move up" in html and "Move down" not in html and "action 2</span>" in html


@pytest.mark.django_db
def test_fifty_actions_a_page_with_pagination_keeping_filters(client, world):
    second = PriorityFactory(plan_year=world.plan_year, title="Second priority")
    PriorityFactory(plan_year=world.plan_year, title="Empty priority")
    for n in range(59):
        ActionFactory(priority=world.priority, text=f"Violent {n}", owners=[world.organisation])
    for n in range(60):
        ActionFactory(priority=second, text=f"Second {n}", owners=[world.organisation])
    client.force_login(world.coordinator)
    first = client.get(_list()).content.decode()
    assert len(_rows(first)) == 50
    assert "Showing 1 to 50 of 120 actions." in first
    assert '<nav class="govuk-pagination" aria-label="Pages of actions">' in first
    assert 'href="?page=2" aria-label="Page 2"' in first and 'rel="next"' in first
    assert _headings(first) == ["Violent crime"]
    middle = client.get(_list("?page=2")).content.decode()
    assert "Showing 51 to 100 of 120 actions." in middle
    assert _headings(middle) == ["Violent crime", "Second priority"]  # the first goes on
    assert "(continued)" in middle
    assert 'aria-current="page">2</a>' in middle and 'rel="prev"' in middle
    last = client.get(_list("?page=3")).content.decode()
    assert len(_rows(last)) == 20 and _headings(last) == ["Second priority", "Empty priority"]
    assert "No actions under this priority" in last
    # Every action once over the pages; out-of-range pages show the last, nonsense the first.
    assert len(set(_rows(first) + _rows(middle) + _rows(last))) == 120
    assert _rows(client.get(_list("?page=99")).content.decode()) == _rows(last)
    assert _rows(client.get(_list("?page=abc")).content.decode()) == _rows(first)
    # Move buttons follow the whole priority, not the page: the first row of page 2 can move up.
    first_on_middle = _rows(middle)[0]
    row = middle[middle.index(f'id="action-{first_on_middle}"') :].split("</tr>")[0]
    assert 'value="up">Move up<span class="govuk-visually-hidden"> action 51</span>' in row
    # Filters stay in the page links.
    filtered = client.get(_list(f"?owner={world.organisation.pk}&q=Second")).content.decode()
    assert "60 actions match the filters." in filtered and len(_rows(filtered)) == 50
    assert f'href="?owner={world.organisation.pk}&amp;q=Second&amp;page=2"' in filtered
    assert _headings(filtered) == ["Second priority"]


@pytest.mark.django_db
def test_small_plan_has_no_pagination(client, world):
    client.force_login(world.member)
    page = client.get(_list()).content.decode()
    assert "govuk-pagination" not in page and "Showing" not in page


def test_page_links_gaps_and_query():
    links = page_links(QueryDict("q=a%20b&page=4"), 5, 9)
    assert [item["number"] for item in links] == [1, None, 4, 5, 6, None, 9]
    assert links[0]["url"] == "?q=a+b&page=1" and [item["current"] for item in links].count(True) == 1


@pytest.mark.django_db
def test_owner_filter_lists_organisations_owning_an_action_of_the_year_by_name(world):
    from planning import selectors
    from tests.factories import OrganisationFactory, PlanYearFactory

    idle = OrganisationFactory(partnership=world.partnership, name="Aardvark Trust")  # owns nothing
    ActionFactory(priority=world.priority, owners=[world.other_organisation, world.organisation])
    later = PlanYearFactory(partnership=world.partnership, slug="2021-22")
    ActionFactory(priority=PriorityFactory(plan_year=later), owners=[idle])  # another year only
    names = [o.name for o in selectors.owner_organisations(world.plan_year)]
    assert names == ["Test Borough Council", "Test Police"]
