"""The consultation and engagement log, the public "you said, we did" page and equality impact
assessments."""

import datetime

import pytest
from django.urls import reverse

from core.errors import AccessDenied, ServiceError
from governance import services
from governance.models import Engagement, EngagementKind, EqualityImpactAssessment
from tests.factories import PlanYearFactory

pytestmark = pytest.mark.django_db
DAY = datetime.date(2020, 9, 1)


def yswd(world, **extra):  # type: ignore[no-untyped-def]
    fields = services.EngagementFields(
        kind=EngagementKind.YOU_SAID_WE_DID,
        title="Street lighting",
        held_on=DAY,
        reach="412 residents",
        you_said="The underpass feels <unsafe> at night",
        we_did="New lights were fitted in March",
        **extra,
    )
    return services.engagement_save(actor=world.coordinator, partnership=world.partnership, fields=fields)


def test_you_said_we_did_needs_both_halves_and_only_those_items_publish(world):
    with pytest.raises(ServiceError, match="needs both"):
        services.engagement_save(
            actor=world.coordinator,
            partnership=world.partnership,
            fields=services.EngagementFields(
                kind="you_said_we_did", title="X", held_on=DAY, you_said="Only this"
            ),
        )
    survey = services.engagement_save(
        actor=world.coordinator,
        partnership=world.partnership,
        fields=services.EngagementFields(
            kind="survey", title="Residents' survey", held_on=DAY, findings="ASB first"
        ),
    )
    with pytest.raises(ServiceError, match="Only “you said, we did” items"):
        services.engagement_set_published(actor=world.coordinator, engagement=survey, published=True)
    with pytest.raises(AccessDenied):
        yswd_item = yswd(world)
        services.engagement_set_published(actor=world.lead_officer, engagement=yswd_item, published=True)


def test_example_items_are_never_published(world):
    item = yswd(world)
    Engagement.objects.filter(pk=item.pk).update(is_example=True)
    item.refresh_from_db()
    with pytest.raises(ServiceError, match="example data"):
        services.engagement_set_published(actor=world.coordinator, engagement=item, published=True)


def test_public_page_shows_published_items_only_and_escapes_them(client, world):
    url = reverse("governance_feed:you_said_we_did", args=[world.partnership.slug])
    item = yswd(world)
    assert client.get(url).status_code == 404  # nothing published yet
    services.engagement_set_published(actor=world.coordinator, engagement=item, published=True)
    page = client.get(url).content.decode()
    assert "The underpass feels &lt;unsafe&gt; at night" in page and "New lights were fitted in March" in page
    assert client.get(reverse("governance_feed:you_said_we_did", args=["other-csp"])).status_code == 404
    services.engagement_set_published(actor=world.coordinator, engagement=item, published=False)
    assert client.get(url).status_code == 404


def test_the_log_page_for_members_and_the_form_for_coordinators(client, world):
    yswd(world)
    client.force_login(world.member)
    page = client.get(reverse("governance:engagements", args=[world.partnership.slug])).content.decode()
    assert "Street lighting" in page and "Not published" in page
    client.force_login(world.coordinator)
    response = client.post(
        reverse("governance:engagement_create", args=[world.partnership.slug]),
        {
            "kind": "event",
            "title": "Community safety day",
            "held_on_day": "5",
            "held_on_month": "8",
            "held_on_year": "2020",
        },
    )
    assert response.status_code == 302 and Engagement.objects.filter(title="Community safety day").exists()


def test_eia_is_of_a_plan_year_or_a_strategy_with_characteristics(world):
    fields = {"characteristics": ["age", "disability"], "findings": "No adverse impact found."}
    with pytest.raises(ServiceError, match="one of them"):
        services.eia_save(
            actor=world.coordinator, partnership=world.partnership, fields=services.EiaFields(**fields)
        )
    with pytest.raises(ServiceError, match="protected characteristics"):
        services.eia_save(
            actor=world.coordinator,
            partnership=world.partnership,
            fields=services.EiaFields(characteristics=["shoe_size"], findings="x", plan_year=world.plan_year),
        )
    with pytest.raises(ServiceError, match="who approved"):
        services.eia_save(
            actor=world.coordinator,
            partnership=world.partnership,
            fields=services.EiaFields(**fields, plan_year=world.plan_year, approved_on=DAY),
        )
    other_year = PlanYearFactory(partnership=world.other_partnership, slug="2020-21")
    with pytest.raises(ServiceError, match="another partnership"):
        services.eia_save(
            actor=world.coordinator,
            partnership=world.partnership,
            fields=services.EiaFields(**fields, plan_year=other_year),
        )
    eia = services.eia_save(
        actor=world.coordinator,
        partnership=world.partnership,
        fields=services.EiaFields(**fields, plan_year=world.plan_year, approver="Chair", approved_on=DAY),
    )
    assert eia.characteristic_labels == ["Age", "Disability"]
    assert EqualityImpactAssessment.objects.count() == 1


def test_eia_pages(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("governance:eia_create", args=[world.partnership.slug]),
        {
            "subject": f"year-{world.plan_year.pk}",
            "characteristics": ["race", "sex"],
            "findings": "Hate crime reporting is lower among some groups.",
            "mitigations": "Third-party reporting centres.",
        },
    )
    eia = EqualityImpactAssessment.objects.get()
    assert response.status_code == 302
    client.force_login(world.member)
    page = client.get(reverse("governance:eia", args=[world.partnership.slug, eia.pk])).content.decode()
    assert "Race, Sex" in page and "Third-party reporting centres." in page


def test_the_log_links_to_the_public_page_only_when_something_is_published(client, world):
    item = yswd(world)
    client.force_login(world.member)
    log = reverse("governance:engagements", args=[world.partnership.slug])
    public = reverse("governance_feed:you_said_we_did", args=[world.partnership.slug])
    assert f'href="{public}"' not in client.get(log).content.decode()
    services.engagement_set_published(actor=world.coordinator, engagement=item, published=True)
    assert f'href="{public}"' in client.get(log).content.decode()
