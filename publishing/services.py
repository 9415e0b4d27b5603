"""Writes of the publishing app: keyword-only, with the acting user, each inside a transaction."""

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from accounts.models import User
from core.actors import Actor
from core.errors import AccessDenied, ServiceError
from core.history import delete_as, save_as
from planning.models import PlanYear, Priority
from publishing import access
from publishing.checks import publish_checklist
from publishing.models import (
    FeedbackQuote,
    PlanNarrative,
    PlanPublication,
    PlanWithdrawal,
    ProjectPhoto,
    ProjectReview,
)
from publishing.render import html as html_render
from publishing.render import pdf as pdf_render
from publishing.render import word as word_render
from publishing.render.document import build_plan
from publishing.storage import IMAGE_EXTENSIONS

NARRATIVE_FIELDS = (
    "introduction",
    "review_narrative",
    "projects_introduction",
    "priority_issues_before",
    "priority_issues_after",
    "contact_block",
)


def _require_coordinator(actor: Actor, plan_year: PlanYear) -> None:
    if not access.can_edit_documents(actor, plan_year):
        raise AccessDenied("Only the partnership coordinator can change or publish the plan document.")


@transaction.atomic
def plan_publish(*, plan_year: PlanYear, actor: Actor, confirmed: bool = False) -> PlanPublication:
    """Render the current data to HTML, PDF and Word and store them as the next, immutable version.

    Only live and closed years are published, a draft never (even confirmed). When the checklist
    (`publishing.checks`) finds anything, the coordinator must have seen it and `confirmed`. The plan
    year row is locked while the version number is chosen, so two people publishing at once get
    numbers n and n + 1.
    """
    _require_coordinator(actor, plan_year)
    PlanYear.objects.select_for_update().filter(pk=plan_year.pk).first()
    doc = build_plan(plan_year)
    checklist = publish_checklist(plan_year, doc)
    if checklist.refusal:
        raise ServiceError(checklist.refusal)
    if checklist.checks and not confirmed:
        raise ServiceError(
            f"Check these before publishing the {plan_year.label} plan, then confirm: "
            + " ".join(c.problem.rstrip(":") + "." for c in checklist.checks)
        )
    number = (PlanPublication.objects.filter(plan_year=plan_year).aggregate(n=Max("number"))["n"] or 0) + 1
    published_at = timezone.now()
    doc.version, doc.published_at = number, published_at
    slug = plan_year.partnership.slug
    html = html_render.plan_html(
        doc,
        web=True,
        # Relative links: from …/plan/<year>/ they reach the latest files, from …/versions/<n>/ this version's.
        downloads=[
            ("Download this plan as a PDF", "plan.pdf"),
            ("Download this plan as a Word document", "plan.docx"),
        ],
        versions_url=reverse("public:partnership", kwargs={"partnership": slug}),
    )
    return PlanPublication.objects.create(
        partnership=plan_year.partnership,
        plan_year=plan_year,
        number=number,
        published_at=published_at,
        published_by=actor if isinstance(actor, User) else None,
        html=html.encode("utf-8"),
        pdf=pdf_render.plan_pdf(doc),
        docx=word_render.plan_docx(doc),
    )


@transaction.atomic
def plan_withdraw(*, publication: PlanPublication, actor: Actor, reason: str) -> PlanWithdrawal:
    """Withdraw a published version: a new, append-only record; the version itself never changes.

    Its public URLs then answer 410 Gone and the year's URLs serve the newest version left.
    """
    _require_coordinator(actor, publication.plan_year)
    if not reason.strip():
        raise ServiceError("Give the reason for withdrawing the version (it is kept, not shown publicly).")
    PlanPublication.objects.select_for_update().filter(pk=publication.pk).first()
    if PlanWithdrawal.objects.filter(publication=publication).exists():
        raise ServiceError(
            f"Version {publication.number} of the {publication.plan_year.label} plan is already withdrawn."
        )
    withdrawal = PlanWithdrawal(
        publication=publication,
        withdrawn_at=timezone.now(),
        withdrawn_by=actor if isinstance(actor, User) else None,
        reason=reason.strip(),
    )
    save_as(withdrawal, actor)
    return withdrawal


@transaction.atomic
def narrative_save(*, plan_year: PlanYear, actor: Actor, **texts: str) -> PlanNarrative:
    """Create or change the plan year's narrative texts (Markdown). History is kept."""
    _require_coordinator(actor, plan_year)
    unknown = set(texts) - set(NARRATIVE_FIELDS)
    if unknown:
        raise ServiceError(f"Unknown narrative fields: {', '.join(sorted(unknown))}.")
    narrative = PlanNarrative.objects.filter(plan_year=plan_year).first() or PlanNarrative(
        partnership=plan_year.partnership, plan_year=plan_year
    )
    changed = narrative.pk is None
    for name, value in texts.items():
        if getattr(narrative, name) != value:
            setattr(narrative, name, value)
            changed = True
    if changed:
        save_as(narrative, actor)
    return narrative


def _check_priority(plan_year: PlanYear, priority: Priority | None) -> None:
    if priority is not None and priority.plan_year.partnership_id != plan_year.partnership_id:
        raise ServiceError("That priority belongs to another partnership.")


@transaction.atomic
def project_review_save(
    *,
    plan_year: PlanYear,
    actor: Actor,
    review: ProjectReview | None = None,
    priority: Priority | None = None,
    title: str = "",
    narrative: str = "",
    order: int | None = None,
) -> ProjectReview:
    """Create (review=None) or change a review of projects and initiatives."""
    _require_coordinator(actor, plan_year)
    _check_priority(plan_year, priority)
    if review is None:
        review = ProjectReview(partnership=plan_year.partnership, plan_year=plan_year)
        if order is None:
            last = ProjectReview.objects.filter(plan_year=plan_year).aggregate(m=Max("order"))["m"]
            order = (last or 0) + 1
    elif review.plan_year_id != plan_year.pk:
        raise ServiceError("That review belongs to another plan year.")
    if not title.strip() and priority is None:
        raise ServiceError("Give the review a title or choose the priority it reviews.")
    values: dict[str, Any] = {"priority": priority, "title": title.strip(), "narrative": narrative}
    if order is not None:
        values["order"] = order
    changed = review.pk is None or any(getattr(review, k) != v for k, v in values.items())
    for name, value in values.items():
        setattr(review, name, value)
    if changed:
        save_as(review, actor)
    return review


@transaction.atomic
def project_review_delete(*, review: ProjectReview, actor: Actor) -> None:
    _require_coordinator(actor, review.plan_year)
    for photo in ProjectPhoto.objects.filter(review=review):
        photo_delete(photo=photo, actor=actor)
    delete_as(review, actor)


@transaction.atomic
def quote_add(*, review: ProjectReview, actor: Actor, text: str, attribution: str = "") -> FeedbackQuote:
    _require_coordinator(actor, review.plan_year)
    if not text.strip():
        raise ServiceError("Enter the quoted feedback.")
    order = (review.quotes.aggregate(m=Max("order"))["m"] or 0) + 1
    quote = FeedbackQuote(review=review, text=text.strip(), attribution=attribution.strip(), order=order)
    save_as(quote, actor)
    return quote


@transaction.atomic
def quote_delete(*, quote: FeedbackQuote, actor: Actor) -> None:
    _require_coordinator(actor, quote.review.plan_year)
    delete_as(quote, actor)


def _image_extension(image: Any) -> str:
    """The extension of the photograph's real format (JPEG or PNG), read from its content."""
    try:
        image.seek(0)
        with Image.open(image) as picture:
            found = picture.format
    except (OSError, ValueError):
        found = None
    finally:
        image.seek(0)
    if found not in IMAGE_EXTENSIONS:
        raise ServiceError("The photograph must be a JPEG or PNG file.")
    return IMAGE_EXTENSIONS[found]


@transaction.atomic
def photo_add(
    *,
    review: ProjectReview,
    actor: Actor,
    image: Any,
    alt_text: str,
    caption: str = "",
) -> ProjectPhoto:
    _require_coordinator(actor, review.plan_year)
    if not alt_text.strip():
        raise ServiceError("Describe the photograph for people who cannot see it (alternative text).")
    image.name = f"photo{_image_extension(image)}"  # stored under a random name with this extension
    order = (review.photos.aggregate(m=Max("order"))["m"] or 0) + 1
    photo = ProjectPhoto(
        review=review, image=image, alt_text=alt_text.strip(), caption=caption.strip(), order=order
    )
    save_as(photo, actor)
    return photo


@transaction.atomic
def photo_delete(*, photo: ProjectPhoto, actor: Actor) -> None:
    _require_coordinator(actor, photo.review.plan_year)
    delete_as(photo, actor)
