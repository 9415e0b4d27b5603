"""The Strategic Assessment's community views show the engagement log's entries linked to them (the
link is made on the engagement side), with links to them, only to those who may see them."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from assessment import community_links
from assessment import services as assessment_services
from governance import services
from governance.models import EngagementKind
from tests.publishing.helpers import pdf_texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(world):  # type: ignore[no-untyped-def]
    cache.clear()
    assessment = assessment_services.assessment_create(
        partnership=world.partnership, slug="2021-22", actor=world.coordinator
    )
    view = assessment_services.community_view_create(
        assessment=assessment, actor=world.coordinator, theme="Speeding", source="Residents' survey"
    )
    other = assessment_services.community_view_create(
        assessment=assessment, actor=world.coordinator, theme="Litter", source="Residents' survey"
    )
    engagement = services.engagement_save(
        actor=world.coordinator,
        partnership=world.partnership,
        fields=services.EngagementFields(
            kind=EngagementKind.SURVEY,
            title="Roads <b>survey</b> 2020",
            held_on=datetime.date(2020, 6, 3),
            community_views=[view],
        ),
    )
    return assessment, view, other, engagement


def test_the_assessment_page_links_each_view_to_its_engagement(client, world, linked):
    assessment, view, other, engagement = linked
    client.force_login(world.member)
    page = client.get(reverse("assessment:detail", args=[world.partnership.slug, assessment.slug]))
    text = page.content.decode()
    href = reverse("governance:engagements", args=[world.partnership.slug]) + f"#engagement-{engagement.pk}"
    assert (
        f'<a class="govuk-link" href="{href}">Survey: Roads &lt;b&gt;survey&lt;/b&gt; 2020</a>, 3 June 2020'
        in text
    )
    assert '<th scope="col" class="govuk-table__header">Engagement</th>' in text
    assert text.count("None linked") == 1  # the view on litter
    log = client.get(reverse("governance:engagements", args=[world.partnership.slug])).content.decode()
    assert f'id="engagement-{engagement.pk}"' in log


def test_the_community_views_form_lists_the_linked_entries(client, world, linked):
    assessment, view, other, engagement = linked
    client.force_login(world.coordinator)
    args = [world.partnership.slug, assessment.slug]
    text = client.get(reverse("assessment:community_edit", args=[*args, view.pk])).content.decode()
    assert "Linked consultation and engagement" in text and "Roads &lt;b&gt;survey&lt;/b&gt; 2020" in text
    text = client.get(reverse("assessment:community_edit", args=[*args, other.pk])).content.decode()
    assert "No entry of the consultation and engagement log is linked to this view." in text


def test_only_entries_the_viewer_may_see(world, linked):
    assessment, view, other, engagement = linked
    assert [link.text for link in community_links.links_for(world.member, [view.pk])[view.pk]] == [
        "Survey: Roads <b>survey</b> 2020"
    ]
    assert community_links.links_for(world.outsider, [view.pk, other.pk]) == {}
    assert community_links.links_for(world.member, [other.pk]) == {}


def test_the_assessment_pdf_has_no_engagement_column(client, world, linked):
    assessment, *_ = linked
    client.force_login(world.member)
    response = client.get(reverse("assessment:pdf", args=[world.partnership.slug, assessment.slug]))
    assert response.status_code == 200
    text = " ".join(pdf_texts(response.content))
    assert "Speeding" in text and "Roads" not in text and "None linked" not in text
