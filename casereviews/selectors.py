"""Reading ASB Case Reviews: through the visibility querysets for people, and the figures (counts,
no personal data) for the command and the public page."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Min, QuerySet
from django.http import Http404

from casereviews import access, threshold
from casereviews.clock import ClockDays, StepDue, schedule
from casereviews.models import (
    Application,
    DiscretionaryRoute,
    DissatisfactionReview,
    FiguresPublication,
    Procedure,
    QualifyingComplaint,
    Recommendation,
    Review,
    ReviewAttendee,
    ThresholdDecision,
    ThresholdSetting,
)
from casereviews.periods import why_not_qualifying
from core.access import Purpose, audit_search
from core.actors import Actor
from partnership.models import Organisation, Partnership
from planning.models import PlanYear

# --- The local procedure (not sensitive). ---


def procedure_of(partnership: Partnership) -> Procedure:
    """The partnership's procedure, or the defaults (unsaved) until someone sets it."""
    found = Procedure.objects.filter(partnership=partnership).first()
    return found if found is not None else Procedure(partnership=partnership)


def threshold_settings(actor: Actor, partnership: Partnership) -> QuerySet[ThresholdSetting]:
    return access.threshold_settings_visible_to(actor).filter(partnership=partnership)


def routes_of(actor: Actor, partnership: Partnership) -> QuerySet[DiscretionaryRoute]:
    return access.discretionary_routes_visible_to(actor).filter(partnership=partnership)


def local_count_on(partnership: Partnership, day: datetime.date) -> int:
    """The local number of qualifying complaints in force on `day` (3 when none is set)."""
    setting = (
        ThresholdSetting.objects.filter(partnership=partnership, effective_from__lte=day)
        .order_by("-effective_from")
        .first()
    )
    return setting.count if setting is not None else threshold.STATUTORY_MAXIMUM


def rules_for(partnership: Partnership, day: datetime.date) -> threshold.Rules:
    procedure = procedure_of(partnership)
    routes = DiscretionaryRoute.objects.filter(partnership=partnership, is_active=True)
    return threshold.Rules(
        count=local_count_on(partnership, day),
        incident_counts_once=procedure.incident_counts_once,
        routes=tuple(threshold.RouteRule(threshold.RouteKind(r.kind), r.number, r.name) for r in routes),
    )


def engine_complaints(complaints: list[QualifyingComplaint]) -> list[threshold.Complaint]:
    return [
        threshold.Complaint(
            ident=c.pk,
            behaviour_date=c.behaviour_date,
            complaint_date=c.complaint_date,
            organisation=c.organisation_label,
            reference=c.reference,
            complainant=c.complainant,
            incident=c.incident,
            issue=c.issue,
            hate_incident=c.hate_incident,
        )
        for c in complaints
    ]


def organisations_of(partnership: Partnership) -> QuerySet[Organisation]:
    return Organisation.objects.filter(partnership=partnership).order_by("name")


# --- Applications, for people who may see them. ---


def applications_of(actor: Actor, partnership: Partnership) -> list[Application]:
    """The partnership's applications, newest first (one `searched` audit event)."""
    audit_search(actor, Application, partnership=partnership, filters={"list": "all"})
    return list(
        access.applications_visible_to(actor)
        .filter(partnership=partnership)
        .select_related("decision", "review")
        .order_by("-application_date", "-pk")
    )


def clock_of(application: Application, days: ClockDays) -> list[StepDue]:
    decision: ThresholdDecision | None = getattr(application, "decision", None)
    review: Review | None = getattr(application, "review", None)
    return schedule(
        days,
        applied_on=application.application_date,
        acknowledged_on=application.acknowledged_on,
        decided_on=decision.decided_on if decision else None,
        threshold_met=decision.met if decision else None,
        meeting_on=review.meeting_date if review else None,
        letter_on=review.outcome_letter_date if review else None,
    )


@dataclass
class ApplicationRow:
    application: Application
    steps: list[StepDue]
    today: datetime.date

    @property
    def next_step(self) -> StepDue | None:
        return next((s for s in self.steps if s.done_on is None), None)

    @property
    def overdue(self) -> list[StepDue]:
        return [s for s in self.steps if s.is_overdue(self.today)]

    @property
    def status(self) -> str:
        decision = getattr(self.application, "decision", None)
        if decision is None:
            return "Acknowledged" if self.application.acknowledged_on else "Received"
        if not decision.met:
            return "Threshold not met"
        review = getattr(self.application, "review", None)
        if review is not None and review.outcome_letter_date:
            return "Outcome sent"
        if review is not None and review.meeting_date:
            return "Review held"
        return "Threshold met"


def application_rows(actor: Actor, partnership: Partnership, today: datetime.date) -> list[ApplicationRow]:
    days = procedure_of(partnership).clock
    return [ApplicationRow(a, clock_of(a, days), today) for a in applications_of(actor, partnership)]


@dataclass
class ApplicationFile:
    application: Application
    complaints: list[QualifyingComplaint]
    decision: ThresholdDecision | None
    engine: threshold.Decision
    review: Review | None
    attendees: list[ReviewAttendee] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    dissatisfactions: list[DissatisfactionReview] = field(default_factory=list)
    steps: list[StepDue] = field(default_factory=list)
    procedure: Procedure | None = None

    @property
    def complaint_rows(self) -> list[tuple[QualifyingComplaint, str]]:
        """Each complaint with the reason it does not qualify under s.104(11) ("" when it does)."""
        day = self.application.application_date
        return [(c, why_not_qualifying(c.behaviour_date, c.complaint_date, day)) for c in self.complaints]


def application_file(actor: Actor, partnership: Partnership, pk: Any) -> ApplicationFile:
    """Everything about one application (through the door: a `viewed` audit event)."""
    application = access.access_application_by_id(actor, pk, partnership=partnership)
    return file_of(actor, application)


def file_of(actor: Actor, application: Application) -> ApplicationFile:
    complaints = list(
        access.complaints_visible_to(actor).filter(application=application).select_related("organisation")
    )
    decision = access.decisions_visible_to(actor).filter(application=application).first()
    review = access.reviews_visible_to(actor).filter(application=application).first()
    procedure = procedure_of(application.partnership)
    engine = threshold.decide(
        application.application_date,
        engine_complaints(complaints),
        rules_for(application.partnership, application.application_date),
    )
    found = ApplicationFile(
        application=application,
        complaints=complaints,
        decision=decision,
        engine=engine,
        review=review,
        dissatisfactions=list(access.dissatisfactions_visible_to(actor).filter(application=application)),
        procedure=procedure,
    )
    if review is not None:
        found.attendees = list(
            access.attendees_visible_to(actor).filter(review=review).select_related("organisation")
        )
        found.recommendations = list(
            access.recommendations_visible_to(actor).filter(review=review).select_related("owner")
        )
    found.steps = schedule(
        procedure.clock,
        applied_on=application.application_date,
        acknowledged_on=application.acknowledged_on,
        decided_on=decision.decided_on if decision else None,
        threshold_met=decision.met if decision else None,
        meeting_on=review.meeting_date if review else None,
        letter_on=review.outcome_letter_date if review else None,
    )
    return found


def dissatisfaction_of(
    actor: Actor, application: Application, pk: Any, *, for_: Purpose
) -> DissatisfactionReview:
    return access.access_dissatisfaction_by_id(actor, pk, for_=for_, application=application)


# --- The four statutory figures (counts only). ---


@dataclass(frozen=True)
class Figures:
    partnership: str
    year: str
    applications: int
    threshold_not_met: int
    reviews_carried_out: int
    reviews_with_recommendations: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "partnership": self.partnership,
            "year": self.year,
            "applications": self.applications,
            "threshold_not_met": self.threshold_not_met,
            "reviews_carried_out": self.reviews_carried_out,
            "reviews_with_recommendations": self.reviews_with_recommendations,
        }

    @property
    def label(self) -> str:
        return self.year.replace("-", "/")

    def rows(self) -> list[tuple[str, int]]:
        return [
            ("Applications for an ASB Case Review received", self.applications),
            ("Applications where the threshold was not met", self.threshold_not_met),
            ("ASB Case Reviews carried out", self.reviews_carried_out),
            ("ASB Case Reviews that resulted in recommendations", self.reviews_with_recommendations),
        ]


def year_dates(partnership: Partnership, year: str) -> tuple[datetime.date, datetime.date]:
    """The plan year's dates: the partnership's own year when it has one, else 1 April to 31 March."""
    plan_year = PlanYear.objects.filter(partnership=partnership, slug=year).first()
    if plan_year is not None:
        return plan_year.start_date, plan_year.end_date
    return PlanYear.dates_for_slug(year)


def counts_between(partnership: Partnership, start: datetime.date, end: datetime.date) -> dict[str, int]:
    """The four counts for a period: applications by application date; threshold not met by the
    decision's date; reviews carried out by the meeting's date; reviews with recommendations by the
    first recommendation's date."""
    mine = {"application__partnership": partnership}
    firsts = (
        Recommendation.objects.filter(review__application__partnership=partnership)
        .values("review")
        .annotate(first=Min("made_on"))
        .filter(first__gte=start, first__lte=end)
    )
    return {
        "applications": Application.objects.filter(
            partnership=partnership, application_date__gte=start, application_date__lte=end
        ).count(),
        "threshold_not_met": ThresholdDecision.objects.filter(
            **mine, met=False, decided_on__gte=start, decided_on__lte=end
        ).count(),
        "reviews_carried_out": Review.objects.filter(
            **mine, meeting_date__gte=start, meeting_date__lte=end
        ).count(),
        "reviews_with_recommendations": firsts.count(),
    }


def statutory_figures(partnership: Partnership, year: str) -> Figures:
    """The four statutory figures of a plan year (see `counts_between`)."""
    start, end = year_dates(partnership, year)
    return Figures(partnership=partnership.slug, year=year, **counts_between(partnership, start, end))


def published_years(actor: Actor, partnership: Partnership) -> set[str]:
    return set(
        access.figures_publications_visible_to(actor)
        .filter(partnership=partnership)
        .values_list("year", flat=True)
    )


def figure_years(partnership: Partnership) -> list[str]:
    """Plan years to show figures for: the partnership's plan years, newest first."""
    return list(
        PlanYear.objects.filter(partnership=partnership)
        .order_by("-start_date")
        .values_list("slug", flat=True)
    )


# --- Public: published figures only. ---


def public_figures(slug: str) -> tuple[Partnership, list[Figures]]:
    """The partnership and its published years' figures, newest first; 404 when none is published."""
    partnership = Partnership.objects.filter(slug=slug).first()
    years = (
        list(
            FiguresPublication.objects.filter(partnership=partnership)
            .order_by("-year")
            .values_list("year", flat=True)
        )
        if partnership is not None
        else []
    )
    if partnership is None or not years:
        raise Http404("No published figures.")
    return partnership, [statutory_figures(partnership, year) for year in years]


def public_partnership(slug: str) -> Partnership:
    """Public: any partnership takes applications through its form; 404 for an unknown one."""
    partnership = Partnership.objects.filter(slug=slug).first()
    if partnership is None:
        raise Http404("No such partnership.")
    return partnership


def has_example_applications(partnership: Partnership) -> bool:
    """Whether the demo's made-up applications are loaded (a yes or no, no personal data)."""
    return Application.objects.filter(partnership=partnership, is_example=True).exists()
