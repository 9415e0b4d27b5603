"""Publishing and withdrawing the public summary of a Strategic Assessment (coordinators only).

A publication renders the chosen sections to HTML and a tagged PDF once and stores the bytes as the
next, immutable version (like published plans, ADR 0006); the public pages serve those bytes.
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import User
from assessment.documents.summary import build_summary, chosen_sections, summary_html, summary_pdf
from assessment.models import Assessment, SummaryPublication, SummaryWithdrawal
from assessment.services._common import _require_manage
from core.actors import Actor
from core.errors import ServiceError
from core.history import save_as


@transaction.atomic
def summary_publish(*, assessment: Assessment, actor: Actor, sections: Iterable[str]) -> SummaryPublication:
    """Store the chosen sections as the next version. The assessment row is locked while the number
    is chosen, so two coordinators publishing at once get n and n + 1."""
    _require_manage(actor, assessment.partnership)
    keys = chosen_sections(sections)
    if not keys:
        raise ServiceError("Choose at least one section to publish.")
    Assessment.objects.select_for_update().filter(pk=assessment.pk).first()
    last = SummaryPublication.objects.filter(assessment=assessment).aggregate(n=Max("number"))["n"]
    summary = build_summary(assessment, keys)
    summary["version"], summary["published_at"] = (last or 0) + 1, timezone.now()
    return SummaryPublication.objects.create(
        partnership=assessment.partnership,
        assessment=assessment,
        number=summary["version"],
        published_at=summary["published_at"],
        published_by=actor if isinstance(actor, User) else None,
        sections=keys,
        html=summary_html(summary).encode("utf-8"),
        pdf=summary_pdf(summary),
    )


@transaction.atomic
def summary_withdraw(*, publication: SummaryPublication, actor: Actor, reason: str) -> SummaryWithdrawal:
    """Withdraw a published version (its public URLs then answer 410 Gone); the version never changes."""
    _require_manage(actor, publication.partnership)
    if not reason.strip():
        raise ServiceError("Give the reason for withdrawing the version (it is kept, not shown publicly).")
    SummaryPublication.objects.select_for_update().filter(pk=publication.pk).first()
    if SummaryWithdrawal.objects.filter(publication=publication).exists():
        raise ServiceError(f"Version {publication.number} of the public summary is already withdrawn.")
    withdrawal = SummaryWithdrawal(
        publication=publication,
        withdrawn_at=timezone.now(),
        withdrawn_by=actor if isinstance(actor, User) else None,
        reason=reason.strip(),
    )
    save_as(withdrawal, actor)
    return withdrawal
