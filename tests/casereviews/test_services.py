"""Services and access: who may see and change ASB Case Reviews, and what they refuse."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from casereviews import access, selectors, services
from casereviews.models import Application, ThresholdSetting
from core.access import NotFound, Purpose
from core.actors import system_user
from core.errors import AccessDenied, ServiceError
from core.models import AuditEvent, AuditEventType
from tests.casereviews.helpers import D, application, complaint, csu_user

pytestmark = pytest.mark.django_db


def test_csu_coordinator_records_and_sees_applications(world):
    csu = csu_user(world.partnership)
    made = application(world.partnership, csu)
    assert made.reference == "ACR-2019-0001"
    assert application(world.partnership, csu).reference == "ACR-2019-0002"
    assert access.access_application_by_id(csu, made.pk, for_=Purpose.MANAGE) == made
    assert AuditEvent.objects.filter(event_type=AuditEventType.VIEWED, object_id=str(made.pk)).exists()


def test_partnership_coordinator_sees_but_does_not_change(world):
    made = application(world.partnership)
    assert access.access_application_by_id(world.coordinator, made.pk) == made
    with pytest.raises(NotFound):
        access.access_application_by_id(world.coordinator, made.pk, for_=Purpose.MANAGE)
    with pytest.raises(AccessDenied):
        services.application_acknowledge(actor=world.coordinator, application=made, on=D(2019, 6, 4))


@pytest.mark.parametrize("who", ["member", "lead_officer", "other_lead_officer", "outsider", "site_admin"])
def test_nobody_else_sees_applications(world, who):
    made = application(world.partnership)
    with pytest.raises(NotFound):
        access.access_application_by_id(getattr(world, who), made.pk)
    assert not access.applications_visible_to(getattr(world, who)).exists()


def test_the_system_actor_writes_but_never_reads(world):
    made = application(world.partnership)
    assert not access.applications_visible_to(system_user()).exists()
    with pytest.raises(NotFound):
        access.access_application_by_id(system_user(), made.pk)


def test_csu_of_another_partnership_sees_nothing(world):
    made = application(world.partnership)
    other = csu_user(world.other_partnership)
    with pytest.raises(NotFound):
        access.access_application_by_id(other, made.pk)


def test_on_behalf_needs_consent_and_a_name(world):
    with pytest.raises(ServiceError, match="consent"):
        application(world.partnership, on_behalf=True, victim_name="V. Ictim")
    with pytest.raises(ServiceError, match="name of the victim"):
        application(world.partnership, on_behalf=True, victim_consent=True)
    assert application(world.partnership, on_behalf=True, victim_name="V", victim_consent=True).on_behalf


def test_who_may_apply_is_a_local_setting(world):
    services.procedure_save(
        actor=world.coordinator, partnership=world.partnership, businesses_may_apply=False
    )
    with pytest.raises(ServiceError, match="from a business"):
        application(world.partnership, applicant_kind="business")
    assert not Application.objects.exists()  # nothing half-saved


def test_a_complaint_after_the_application_is_refused_and_nothing_saved(world):
    with pytest.raises(ServiceError, match="after the date of the application"):
        application(world.partnership, complaints=[complaint(D(2019, 7, 1))])
    assert not Application.objects.exists()


def test_local_number_of_four_is_refused(world):
    with pytest.raises(ServiceError, match="never a higher one"):
        services.threshold_setting_add(
            actor=world.coordinator, partnership=world.partnership, effective_from=D(2019, 4, 1), count=4
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        ThresholdSetting.objects.create(partnership=world.partnership, effective_from=D(2019, 4, 1), count=4)


def test_the_local_number_is_dated(world):
    services.threshold_setting_add(
        actor=world.coordinator, partnership=world.partnership, effective_from=D(2019, 7, 1), count=2
    )
    assert selectors.local_count_on(world.partnership, D(2019, 6, 30)) == 3
    assert selectors.local_count_on(world.partnership, D(2019, 7, 1)) == 2


def decided(world, complaints, **kw):
    made = application(world.partnership, complaints=complaints)
    services.application_acknowledge(actor=system_user(), application=made, on=D(2019, 6, 4))
    return services.threshold_decide(actor=system_user(), application=made, decided_on=D(2019, 6, 10), **kw)


def test_decision_follows_the_rules_and_explains(world):
    decision = decided(world, [complaint(D(2019, 5, 1)), complaint(D(2019, 5, 8)), complaint(D(2019, 5, 9))])
    assert decision.met and decision.engine_met and decision.rule.startswith("s.104(4)")
    assert len(decision.complaint_ids) == 3
    assert "Threshold met" in decision.explanation


def test_officer_cannot_override_the_statutory_rule(world):
    with pytest.raises(ServiceError, match="must be met"):
        decided(
            world,
            [complaint(D(2019, 5, 1)), complaint(D(2019, 5, 8)), complaint(D(2019, 5, 9))],
            officer_met=False,
            reasons="We disagree",
        )


def test_officer_may_differ_on_the_discretionary_route_with_reasons(world):
    with pytest.raises(ServiceError, match="reasons"):
        decided(world, [complaint(D(2019, 5, 1))], officer_met=True)
    decision = decided(world, [complaint(D(2019, 5, 1))], officer_met=True, reasons="Serious harm to a child")
    assert decision.met and not decision.engine_met and decision.officer_differs


def test_the_review_needs_a_met_threshold_and_keeps_dates_in_order(world):
    decision = decided(world, [complaint(D(2019, 5, 1))])
    with pytest.raises(ServiceError, match="only when the threshold is met"):
        services.review_save(
            actor=system_user(), application=decision.application, meeting_date=D(2019, 7, 1)
        )
    decision = decided(world, [complaint(D(2019, 5, 1)), complaint(D(2019, 5, 2)), complaint(D(2019, 5, 3))])
    with pytest.raises(ServiceError, match="before the review meeting"):
        services.review_save(
            actor=system_user(),
            application=decision.application,
            meeting_date=D(2019, 7, 1),
            outcome_letter_date=D(2019, 6, 30),
        )
    review = services.review_save(
        actor=system_user(), application=decision.application, meeting_date=D(2019, 7, 1)
    )
    with pytest.raises(ServiceError, match="organisation of this partnership"):
        services.recommendation_add(
            actor=system_user(),
            review=review,
            text="Patrols",
            owner=world.other_partnership.organisations.create(name="Elsewhere"),
            made_on=D(2019, 7, 1),
            due_date=D(2019, 8, 1),
        )


def test_figures_count_by_the_dates_the_issue_names(world):
    met = decided(world, [complaint(D(2019, 5, 1)), complaint(D(2019, 5, 2)), complaint(D(2019, 5, 3))])
    decided(world, [complaint(D(2019, 5, 1))])
    review = services.review_save(
        actor=system_user(), application=met.application, meeting_date=D(2019, 7, 1)
    )
    services.recommendation_add(
        actor=system_user(),
        review=review,
        text="Joint visit",
        owner=world.organisation,
        made_on=D(2020, 4, 2),
        due_date=D(2020, 5, 1),
    )
    year = selectors.statutory_figures(world.partnership, "2019-20").as_dict()
    assert year == {
        "partnership": "test-csp",
        "year": "2019-20",
        "applications": 2,
        "threshold_not_met": 1,
        "reviews_carried_out": 1,
        "reviews_with_recommendations": 0,
    }
    assert selectors.statutory_figures(world.partnership, "2020-21").reviews_with_recommendations == 1


def test_only_coordinators_publish_figures(world):
    with pytest.raises(AccessDenied):
        services.figures_publish(actor=world.lead_officer, partnership=world.partnership, year="2019-20")
    with pytest.raises(ServiceError):
        services.figures_publish(actor=world.coordinator, partnership=world.partnership, year="2019-21")
    services.figures_publish(actor=world.coordinator, partnership=world.partnership, year="2019-20")
    assert selectors.public_figures("test-csp")[1][0].year == "2019-20"


def test_steps_are_recorded_once_they_have_happened(world):
    made = application(world.partnership)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ServiceError, match="cannot be in the future"):
        services.application_acknowledge(actor=system_user(), application=made, on=tomorrow)
    services.application_acknowledge(actor=system_user(), application=made, on=D(2019, 6, 4))
    with pytest.raises(ServiceError, match="cannot be in the future"):
        services.threshold_decide(actor=system_user(), application=made, decided_on=tomorrow)
    services.threshold_decide(actor=system_user(), application=made, decided_on=D(2019, 6, 5))
    with pytest.raises(ServiceError, match="cannot be in the future"):
        services.review_save(actor=system_user(), application=made, meeting_date=tomorrow)
    with pytest.raises(ServiceError, match="in the future"):
        application(world.partnership, application_date=tomorrow, complaints=[])
