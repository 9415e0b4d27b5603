"""Publishing and withdrawing strategy documents: keyword-only, with the acting user, in a transaction.

A strategy publishes like a plan (ADR 0006 and its addendum, ADR 0016): the rendered HTML, PDF and
Word file are stored as an immutable, numbered version; a withdrawal is its own append-only record.
"""

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core.actors import Actor
from core.errors import AccessDenied, ServiceError
from core.history import save_as
from planning.models import Strategy
from publishing import access
from publishing.checks_strategy import strategy_checklist
from publishing.models import StrategyPublication, StrategyWithdrawal
from publishing.render import strategy as render


def _require_coordinator(actor: Actor, strategy: Strategy) -> None:
    if not access.can_edit_strategy_documents(actor, strategy):
        raise AccessDenied("Only the partnership coordinator can publish the strategy.")


@transaction.atomic
def strategy_publish(*, strategy: Strategy, actor: Actor, confirmed: bool = False) -> StrategyPublication:
    """Render the strategy's current data and store it as its next, immutable version.

    When the checklist finds anything, the coordinator must have seen it and `confirmed`. The
    strategy row is locked while the version number is chosen.
    """
    _require_coordinator(actor, strategy)
    Strategy.objects.select_for_update().filter(pk=strategy.pk).first()
    doc = render.build_strategy(strategy)
    checklist = strategy_checklist(strategy, doc)
    if checklist.checks and not confirmed:
        raise ServiceError(
            f"Check these before publishing the {strategy}, then confirm: "
            + " ".join(c.problem.rstrip(":") + "." for c in checklist.checks)
        )
    number = (StrategyPublication.objects.filter(strategy=strategy).aggregate(n=Max("number"))["n"] or 0) + 1
    published_at = timezone.now()
    doc.version, doc.published_at = number, published_at
    kwargs = {"partnership": strategy.partnership.slug, "span": strategy.slug}
    html = render.strategy_html(
        doc,
        web=True,
        # Relative links: from …/strategy/<span>/ they reach the latest files, from …/versions/<n>/ this version's.
        downloads=[
            ("Download this strategy as a PDF", "strategy.pdf"),
            ("Download this strategy as a Word document", "strategy.docx"),
        ],
        versions_url=reverse("public:strategy_versions", kwargs=kwargs),
    )
    return StrategyPublication.objects.create(
        partnership=strategy.partnership,
        strategy=strategy,
        number=number,
        published_at=published_at,
        published_by=actor if isinstance(actor, User) else None,
        html=html.encode("utf-8"),
        pdf=render.strategy_pdf(doc),
        docx=render.strategy_docx(doc),
    )


@transaction.atomic
def strategy_withdraw(*, publication: StrategyPublication, actor: Actor, reason: str) -> StrategyWithdrawal:
    """Withdraw a published version of a strategy: its public URLs then answer 410 Gone."""
    _require_coordinator(actor, publication.strategy)
    if not reason.strip():
        raise ServiceError("Give the reason for withdrawing the version (it is kept, not shown publicly).")
    StrategyPublication.objects.select_for_update().filter(pk=publication.pk).first()
    if StrategyWithdrawal.objects.filter(publication=publication).exists():
        raise ServiceError(
            f"Version {publication.number} of the {publication.strategy} is already withdrawn."
        )
    withdrawal = StrategyWithdrawal(
        publication=publication,
        withdrawn_at=timezone.now(),
        withdrawn_by=actor if isinstance(actor, User) else None,
        reason=reason.strip(),
    )
    save_as(withdrawal, actor)
    return withdrawal
