"""Parts of pages cached until the partnership's records change (ADR 0019).

A planning page's content is read by many people and changes only when someone writes. Every write
to a registered record (`core.audit_hooks`) moves its partnership's `DataVersion` on, once the
transaction commits; a cached part's key holds that version, so after a commit no request is served
what was cached before it. The key also holds the person, their CSRF secret (forms in the part carry
its token), the day (overdue flags), the full path with its query and whether htmx asked, so no
two people, days or filters share an entry. Entries live in the `pages` cache (per process by
default) and expire after `PAGE_CACHE_SECONDS`.
"""

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from core.audit import recording_events, replay_events
from core.models import DataVersion

T = TypeVar("T")
CACHE_ALIAS = "pages"


def data_version(partnership_id: int) -> int:
    """The partnership's current version (0 before its first counted write). One query."""
    found = DataVersion.objects.filter(partnership_id=partnership_id).values_list("version", flat=True)
    return next(iter(found), 0)


def _increment(partnership_id: int) -> None:
    if DataVersion.objects.filter(partnership_id=partnership_id).update(version=F("version") + 1):
        return
    try:
        with transaction.atomic():
            DataVersion.objects.create(partnership_id=partnership_id, version=1)
    except IntegrityError:  # created by a concurrent first write meanwhile
        DataVersion.objects.filter(partnership_id=partnership_id).update(version=F("version") + 1)


def bump_data_version(partnership_id: int) -> None:
    """Move the version on when the current transaction commits (at once outside one).

    After the commit, not inside it: a counter row locked by every writing transaction would
    serialise a partnership's writes and could deadlock two of them. Readers between the commit
    and the bump may still get the old part for that instant; none gets it afterwards.
    `PAGE_CACHE_BUMP_ON_COMMIT = False` (tests, which never commit) bumps inside the transaction.
    """
    if getattr(settings, "PAGE_CACHE_BUMP_ON_COMMIT", True):
        transaction.on_commit(lambda: _increment(partnership_id), robust=True)
    else:
        _increment(partnership_id)


def page_part_key(request: HttpRequest, name: str, partnership_id: int) -> str | None:
    """The cache key of one page part for this request, or None when it must not be cached."""
    secret = request.META.get("CSRF_COOKIE", "")
    if not secret or not request.user.is_authenticated:
        return None  # a new CSRF secret is being made: forms in the part must carry its token
    parts = [
        name,
        str(partnership_id),
        str(data_version(partnership_id)),
        str(request.user.pk),
        secret,
        timezone.localdate().isoformat(),
        request.get_full_path(),
        request.headers.get("HX-Request", ""),
    ]
    return "part:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def page_part(request: HttpRequest, *, name: str, partnership_id: int, build: Callable[[], T]) -> T:
    """`build()`'s value for this request, from the cache when it holds it. The audit events the
    build wrote (views, searches) are written again each time the part is served from the cache."""
    key = page_part_key(request, name, partnership_id)
    cache = caches[CACHE_ALIAS]
    if key is not None:
        found = cache.get(key)
        if found is not None:
            value, events = found
            replay_events(request.user, events)
            return value
    with recording_events() as events:
        value = build()
    if key is not None:
        cache.set(key, (value, events), getattr(settings, "PAGE_CACHE_SECONDS", 600))
    return value
