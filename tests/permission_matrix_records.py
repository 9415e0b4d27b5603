"""The records the permission matrix's URLs need, each created on first use inside the world's
partnership (see `tests/permission_matrix_data.py`), and the guards that read what a POST changes."""

import base64
import datetime
import io
import itertools
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from PIL import Image

from assessment import services as assessment_services
from crimedata.models import ImportRun
from partnership import services as partnership_services
from partnership.models import GlossaryTerm, Grant, Invitation, Membership, Role, RoleGrant
from planning.models import (
    Action,
    Approach,
    Measure,
    MeasureValue,
    Outcome,
    Place,
    PlanYearState,
    Priority,
    Strategy,
    Theme,
)
from planning.services.strategies import strategy_create
from planning.views.io import SESSION_KEY as IMPORT_SESSION_KEY
from publishing import services as publishing_services
from publishing import services_strategy
from publishing.models import FeedbackQuote, PlanPublication, ProjectPhoto, ProjectReview, StrategyPublication
from tests.assessment.helpers import district
from tests.factories import (
    ActionFactory,
    GlossaryTermFactory,
    PlanYearFactory,
    PriorityFactory,
    UserFactory,
    open_only,
)

NUMBERS = itertools.count(1)  # unique names for records made afresh for each role


class Objects:
    """The records the URLs need, each created on first use inside the world's partnership."""

    SLUG, YEAR = "test-csp", "2020-21"

    def __init__(self, world: Any) -> None:
        self.world = world
        self.p = {"partnership": self.SLUG}
        self.y = {"partnership": self.SLUG, "year": self.YEAR}

    @property
    def world_action(self) -> Action:
        return self.world.action

    def action(self, pk: int) -> dict[str, Any]:
        return {**self.y, "pk": pk}

    @cached_property
    def joint_action(self) -> Action:
        """A joint action led by the other lead officer's organisation; the lead officer's
        organisation is its second owner and adds a contribution."""
        w = self.world
        return ActionFactory(
            priority=w.priority, text="Joint patrols", owners=[w.other_organisation, w.organisation]
        )

    @cached_property
    def other_action(self) -> Action:
        """An action owned by the other lead officer's organisation only."""
        w = self.world
        return ActionFactory(
            priority=w.priority, text="Patrol the town centre", owners=[w.other_organisation]
        )

    @cached_property
    def closed_year_action(self) -> Action:
        """An action of the lead officer's organisation in a closed year (nobody may report)."""
        year = PlanYearFactory(partnership=self.world.partnership, slug="2019-20", state=PlanYearState.CLOSED)
        priority = PriorityFactory(plan_year=year, title="Old priority")
        return ActionFactory(priority=priority, text="Last year's action", owners=[self.world.organisation])

    @cached_property
    def unopened_year_action(self) -> Action:
        """An action of the lead officer's organisation in a live year with no period open."""
        year = PlanYearFactory(partnership=self.world.partnership, slug="2021-22")
        open_only(year)
        priority = PriorityFactory(plan_year=year, title="Next priority")
        return ActionFactory(priority=priority, text="Next year's action", owners=[self.world.organisation])

    @cached_property
    def other_partnership_ready(self) -> str:
        """other-csp gets the same plan year and assessment slugs, so only the record ids differ."""
        other = self.world.other_partnership
        PlanYearFactory(partnership=other, slug=self.YEAR)
        assessment_services.assessment_create(partnership=other, slug="2021-22", actor=self.world.outsider)
        return other.slug

    @cached_property
    def empty_priority(self) -> Priority:
        return PriorityFactory(plan_year=self.world.plan_year, title="A priority with no actions")

    @cached_property
    def theme(self) -> Theme:
        return Theme.objects.create(partnership=self.world.partnership, name=f"VAWG {next(NUMBERS)}")

    @cached_property
    def place(self) -> Place:
        return Place.objects.create(
            partnership=self.world.partnership, name=f"Town centre {next(NUMBERS)}", lsoa_codes=["E01024385"]
        )

    @cached_property
    def approach(self) -> Approach:
        return Approach.objects.create(priority=self.world.priority, title="Early intervention", order=1)

    @cached_property
    def outcome(self) -> Outcome:
        return Outcome.objects.create(priority=self.world.priority, text="Fewer repeat victims", order=1)

    @cached_property
    def glossary_term(self) -> GlossaryTerm:
        return GlossaryTermFactory(
            partnership=self.world.partnership, term="ASB", meaning="Anti-social behaviour"
        )

    @cached_property
    def measure(self) -> Measure:
        """A key figure linked to world.action (so its lead officer records values)."""
        measure = Measure.objects.create(partnership=self.world.partnership, name="Crimes", value=1)
        measure.actions.add(self.world.action)
        return measure

    @cached_property
    def measure_value(self) -> MeasureValue:
        return MeasureValue.objects.create(measure=self.measure, period_label="Q1 2020/21", value=3)

    @cached_property
    def status_pk(self) -> int:
        return self.world.partnership.statuses.order_by("order").first().pk

    @cached_property
    def membership(self) -> Membership:
        return Membership.objects.get(user=self.world.member, partnership=self.world.partnership)

    @cached_property
    def dpo_membership(self) -> Membership:
        """The member's membership, holding the data protection lead role (for its removal)."""
        RoleGrant.objects.get_or_create(membership=self.membership, grant=Grant.DATA_PROTECTION_LEAD)
        return self.membership

    @cached_property
    def invitation(self) -> tuple[Invitation, str]:
        return partnership_services.invitation_create(
            partnership=self.world.partnership,
            actor=self.world.coordinator,
            email="new.person@example.org",
            role=Role.MEMBER,
            organisation=self.world.organisation,
            accept_url=lambda token: f"/accounts/invitations/{token}/",
        )

    @cached_property
    def reset_link(self) -> dict[str, str]:
        """A valid link for someone who never signs in here (signing in would invalidate it)."""
        user = UserFactory(username="forgetful")
        return {
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        }

    @cached_property
    def publication(self) -> PlanPublication:
        return publishing_services.plan_publish(
            plan_year=self.world.plan_year, actor=self.world.coordinator, confirmed=True
        )

    @cached_property
    def strategy(self) -> Strategy:
        """A strategy 2020-2022 that the world's plan year (and a new 2021-22) belong to."""
        return strategy_create(
            partnership=self.world.partnership,
            title="Community Safety Strategy",
            start_year=2020,
            end_year=2022,
            vision="Safer together",
            narrative="Our strategy.",
            actor=self.world.coordinator,
            plan_years=True,
        )

    @cached_property
    def empty_strategy(self) -> Strategy:
        """A strategy without plan years or versions: the coordinator may delete it."""
        return strategy_create(
            partnership=self.world.partnership,
            title="Later Strategy",
            start_year=2030,
            end_year=2032,
            actor=self.world.coordinator,
        )

    @cached_property
    def strategy_publication(self) -> StrategyPublication:
        return services_strategy.strategy_publish(
            strategy=self.strategy, actor=self.world.coordinator, confirmed=True
        )

    def strategy_kwargs(self, strategy: Strategy | None = None, **extra: int) -> dict[str, Any]:
        return {**self.p, "span": (strategy or self.strategy).slug, **extra}

    @cached_property
    def review(self) -> ProjectReview:
        return publishing_services.project_review_save(
            plan_year=self.world.plan_year, actor=self.world.coordinator, title="Youth diversion"
        )

    @cached_property
    def quote(self) -> FeedbackQuote:
        return publishing_services.quote_add(
            review=self.review, actor=self.world.coordinator, text="It helped."
        )

    @cached_property
    def photo(self) -> ProjectPhoto:
        buffer = io.BytesIO()
        Image.new("RGB", (4, 3), (200, 30, 30)).save(buffer, format="PNG")
        image = SimpleUploadedFile("mural.png", buffer.getvalue(), content_type="image/png")
        return publishing_services.photo_add(
            review=self.review, actor=self.world.coordinator, image=image, alt_text="A mural"
        )

    def review_kwargs(self, **extra: int) -> dict[str, Any]:
        return {**self.y, "review": self.review.pk, **extra}

    @cached_property
    def assessment(self) -> Any:
        self.world.partnership.districts.add(district())
        return assessment_services.assessment_create(
            partnership=self.world.partnership, slug="2021-22", actor=self.world.coordinator
        )

    def assessment_kwargs(self, **extra: int) -> dict[str, Any]:
        return {**self.p, "slug": self.assessment.slug, **extra}

    @cached_property
    def issue_pk(self) -> int:
        issue = assessment_services.issue_create(
            assessment=self.assessment, title="Burglary", actor=self.world.coordinator
        )
        return issue.pk

    @cached_property
    def criterion_pk(self) -> int:
        return self.assessment.criteria.order_by("order").first().pk

    @cached_property
    def community_view_pk(self) -> int:
        view = assessment_services.community_view_create(
            assessment=self.assessment, actor=self.world.coordinator, theme="Feeling safe", source="Survey"
        )
        return view.pk

    @cached_property
    def indicator_pk(self) -> int:
        """A partner indicator figure of the lead officer's organisation."""
        measure = assessment_services.indicator_record(
            partnership=self.world.partnership,
            actor=self.world.coordinator,
            name="Referrals",
            organisation=self.world.organisation,
            quarter_start=datetime.date(2020, 4, 1),
            value=Decimal(12),
        )
        return measure.pk

    @cached_property
    def import_run(self) -> ImportRun:
        return ImportRun.objects.create(
            file_name="street.csv", status=ImportRun.Status.DONE, created_by=self.world.site_admin
        )


def grants_of(membership: Membership) -> list[str]:
    """Guard: the further roles a membership holds."""
    return sorted(RoleGrant.objects.filter(membership=membership).values_list("grant", flat=True))


def coordinator_is_dpo(client: Client, objects: Objects) -> None:
    """Prepare: the world's coordinator also holds the data protection lead role."""
    coordinator = Membership.objects.get(
        user=objects.world.coordinator, partnership=objects.world.partnership
    )
    RoleGrant.objects.get_or_create(membership=coordinator, grant=Grant.DATA_PROTECTION_LEAD)


def rows(model: Any, pk: int) -> list[dict[str, Any]]:
    """The row's stored values (an empty list once it is deleted)."""
    return list(model.objects.filter(pk=pk).values())


IMPORT_CSV = (
    "Priority,Action,Owner/lead agency,Update,Status\r\nViolent crime,Imported by the matrix,TBC,,\r\n"
)


def pending_import(client: Client, o: Objects) -> None:
    """Every role's session holds a checked file waiting for confirmation (replacing the year)."""
    session = client.session
    session[IMPORT_SESSION_KEY] = {
        "plan_year": o.world.plan_year.pk,
        "data": base64.b64encode(IMPORT_CSV.encode()).decode("ascii"),
        "period": None,
        "replace": True,
        "name": "matrix.csv",
    }
    session.save()


def plan_actions(o: Objects) -> list[str]:
    return sorted(o.world.plan_year.actions.values_list("text", flat=True))
