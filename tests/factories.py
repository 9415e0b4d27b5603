"""factory_boy factories for the core models. Use these in every app's tests."""

import factory
from django.contrib.auth import get_user_model

from core.models import District, PoliceForce
from partnership.models import GlossaryTerm, Membership, Organisation, Partnership, Role
from planning.models import Action, ActionOwner, PlanYear, Priority, Status, Update
from planning.services import default_periods


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = factory.Sequence(lambda n: f"First{n}")
    last_name = "Tester"
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")


class PoliceForceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PoliceForce
        django_get_or_create = ("slug",)

    slug = "kent"
    name = "Kent Police"


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("code",)

    code = "E07000115"
    name = "Tonbridge and Malling"
    police_force = factory.SubFactory(PoliceForceFactory)


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"csp-{n}")
    name = factory.Sequence(lambda n: f"Example {n} Community Safety Partnership")
    police_force = factory.SubFactory(PoliceForceFactory)

    @factory.post_generation
    def statuses(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create:
            from planning.models import DEFAULT_STATUSES

            for index, (name, colour, meaning) in enumerate(DEFAULT_STATUSES):
                Status.objects.get_or_create(
                    partnership=self,
                    name=name,
                    defaults={"colour": colour, "meaning": meaning, "order": index},
                )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Organisation {n}")
    short_name = factory.Sequence(lambda n: f"ORG{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    partnership = factory.SubFactory(PartnershipFactory)
    organisation = factory.SubFactory(OrganisationFactory, partnership=factory.SelfAttribute("..partnership"))
    role = Role.MEMBER


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GlossaryTerm

    partnership = factory.SubFactory(PartnershipFactory)
    term = factory.Sequence(lambda n: f"T{n}")
    meaning = "A term"


class PlanYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanYear
        django_get_or_create = ("partnership", "slug")

    partnership = factory.SubFactory(PartnershipFactory)
    slug = "2020-21"
    start_date = factory.LazyAttribute(lambda o: PlanYear.dates_for_slug(o.slug)[0])
    end_date = factory.LazyAttribute(lambda o: PlanYear.dates_for_slug(o.slug)[1])
    state = "live"

    @factory.post_generation
    def periods(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create and not self.periods.exists():
            for period in default_periods(self.start_date):
                self.periods.create(**period, is_open=period["code"] == "Q1")


def open_only(plan_year: PlanYear, *codes: str) -> None:
    """Open exactly these reporting periods of the year (none: close them all), as tests set up."""
    plan_year.periods.update(is_open=False)
    if codes:
        plan_year.periods.filter(code__in=codes).update(is_open=True)
    if hasattr(plan_year, "_prefetched_objects_cache"):
        plan_year._prefetched_objects_cache.pop("periods", None)


def open_period(plan_year: PlanYear):  # type: ignore[no-untyped-def]
    """The first open reporting period of the year, or None."""
    return plan_year.periods.filter(is_open=True).order_by("order").first()


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority

    plan_year = factory.SubFactory(PlanYearFactory)
    title = factory.Sequence(lambda n: f"Priority {n}")
    order = factory.Sequence(lambda n: n)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    priority = factory.SubFactory(PriorityFactory)
    plan_year = factory.SelfAttribute("priority.plan_year")
    text = factory.Sequence(lambda n: f"Action number {n}")
    order = factory.Sequence(lambda n: n)

    @factory.post_generation
    def owners(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if not create:
            return
        organisations = extracted or [OrganisationFactory(partnership=self.plan_year.partnership)]
        for index, organisation in enumerate(organisations, start=1):
            role = "lead" if index == 1 else "supporting"  # the first listed leads
            ActionOwner.objects.create(action=self, organisation=organisation, order=index, role=role)


class UpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Update

    action = factory.SubFactory(ActionFactory)
    period = factory.LazyAttribute(lambda o: o.action.plan_year.periods.get(code="Q1"))
    narrative = "Progress made."
