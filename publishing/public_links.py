"""Further public documents listed on a partnership's public page: a registry higher apps fill.

publishing may not import the apps above it, so e.g. the assessment app registers a provider in its
AppConfig.ready(): given the partnership, it returns (heading, [(link text, URL)]) for what it has
published (only published, standing versions: the page is public).
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from partnership.models import Partnership

PublicLinks = tuple[str, list[tuple[str, str]]]
Provider = Callable[["Partnership"], list[PublicLinks]]
REGISTRY: dict[str, Provider] = {}


def register(key: str, provider: Provider) -> None:
    """Add (or replace, on a second ready()) one provider."""
    REGISTRY[key] = provider


def public_links(partnership: "Partnership") -> list[PublicLinks]:
    return [group for provider in REGISTRY.values() for group in provider(partnership)]
