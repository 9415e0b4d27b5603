"""The optional tile server of the interactive map (`MAP_TILE_URL`, ADR 0030).

Without the setting nothing is loaded from another site. With it, only the tile server's origin is
added to the Content Security Policy's img-src (`{s}` subdomains become a `*.` wildcard). A value
that is not an http(s) URL with a plain host is ignored, so a setting can never widen the policy
beyond one host or inject a directive.
"""

import re
from urllib.parse import urlsplit

from django.conf import settings

_HOST = re.compile(r"^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?$")
_PLACEHOLDERS = ("{z}", "{x}", "{y}")


def tile_url() -> str:
    """The tile URL template when it is usable, else ""."""
    url = str(getattr(settings, "MAP_TILE_URL", "") or "").strip()
    return url if tile_origin_of(url) else ""


def tile_origin_of(url: str) -> str:
    """`https://tiles.example` for `https://tiles.example/{z}/{x}/{y}.png`; "" when unusable."""
    if not url or any(c.isspace() or c in ";,'\"" for c in url) or not all(p in url for p in _PLACEHOLDERS):
        return ""
    parts = urlsplit(url.replace("{s}.", "*.", 1) if "//{s}." in url else url)
    if parts.scheme not in ("https", "http") or not _HOST.match(parts.netloc or ""):
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def tile_origin() -> str:
    return tile_origin_of(tile_url())


def tile_attribution() -> str:
    """Plain text shown in the map's corner (e.g. "© OpenStreetMap contributors")."""
    return str(getattr(settings, "MAP_TILE_ATTRIBUTION", "") or "").strip()
