"""What governance lends lower apps through their registries (filled in GovernanceConfig.ready()):
equality impact assessments printed as appendices of the plan and strategy documents
(publishing.appendices), and the engagement entries linked to the Strategic Assessment's community
views (assessment.community_links)."""

from collections import defaultdict
from collections.abc import Sequence

from django.urls import reverse

from assessment.community_links import CommunityLink
from core.actors import Actor
from governance.access import engagements_visible_to
from governance.models import Engagement, EqualityImpactAssessment
from planning.models import PlanYear, Strategy
from publishing.appendices import Appendix, AppendixPart, paragraphs

EIA_TITLE = "Equality impact assessment"


def eia_appendix(eia: EqualityImpactAssessment) -> Appendix:
    """One assessment as printed: characteristics, findings, mitigations and approval."""
    parts = [
        AppendixPart("Protected characteristics considered", items=eia.characteristic_labels),
        AppendixPart("Findings", paragraphs=paragraphs(eia.findings)),
        AppendixPart("Mitigations", paragraphs=paragraphs(eia.mitigations) or ["None recorded."]),
    ]
    if eia.approved_on is not None:
        approval = f"Approved by {eia.approver} on {eia.approved_on.day} {eia.approved_on:%B %Y}."
    else:
        approval = "Not yet approved."
    parts.append(AppendixPart("Approval", paragraphs=[approval]))
    return Appendix(title=EIA_TITLE, parts=parts, is_example=eia.is_example)


def plan_year_appendices(plan_year: PlanYear) -> list[Appendix]:
    """The year's assessments the coordinator chose to print, oldest first. The plan is public once
    published, so its appendices are read without an actor, like the rest of the document."""
    found = EqualityImpactAssessment.objects.filter(
        plan_year=plan_year, partnership_id=plan_year.partnership_id, print_as_appendix=True
    ).order_by("pk")
    return [eia_appendix(eia) for eia in found]


def strategy_appendices(strategy: Strategy) -> list[Appendix]:
    found = EqualityImpactAssessment.objects.filter(
        strategy=strategy, partnership_id=strategy.partnership_id, print_as_appendix=True
    ).order_by("pk")
    return [eia_appendix(eia) for eia in found]


def community_view_links(actor: Actor, view_ids: Sequence[int]) -> dict[int, list[CommunityLink]]:
    """The engagement entries the actor may see that link to these community views, by view id."""
    links: dict[int, list[CommunityLink]] = defaultdict(list)
    if not view_ids:
        return links
    through = Engagement.community_views.through
    pairs = through.objects.filter(
        communityview_id__in=list(view_ids),
        engagement__in=engagements_visible_to(actor),
    ).select_related("engagement__partnership")
    for pair in pairs.order_by("-engagement__held_on", "engagement__title"):
        engagement = pair.engagement
        url = reverse("governance:engagements", kwargs={"partnership": engagement.partnership.slug})
        links[pair.communityview_id].append(
            CommunityLink(
                text=f"{engagement.get_kind_display()}: {engagement.title}",
                detail=f"{engagement.held_on.day} {engagement.held_on:%B %Y}",
                url=f"{url}#engagement-{engagement.pk}",
                is_example=engagement.is_example,
            )
        )
    return links
