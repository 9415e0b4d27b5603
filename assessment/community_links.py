"""Records of higher apps linked to the Strategic Assessment's community views: a registry.

assessment may not import governance (the layers), so governance registers a provider in its
AppConfig.ready(): given the viewer and community view ids, it returns, by view id, the entries of
the consultation and engagement log linked to them that the viewer may see.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core.actors import Actor


@dataclass(frozen=True)
class CommunityLink:
    text: str  # "Survey: Residents' survey 2020"
    url: str
    detail: str = ""  # "3 June 2020"
    is_example: bool = False


Provider = Callable[[Actor, Sequence[int]], dict[int, list[CommunityLink]]]
REGISTRY: dict[str, Provider] = {}


def register(key: str, provider: Provider) -> None:
    """Add (or replace, on a second ready()) one provider."""
    REGISTRY[key] = provider


def links_for(actor: Actor, view_ids: Sequence[int]) -> dict[int, list[CommunityLink]]:
    found: dict[int, list[CommunityLink]] = {}
    for key in sorted(REGISTRY):
        for view_id, links in REGISTRY[key](actor, view_ids).items():
            found.setdefault(view_id, []).extend(links)
    return found
