"""The permission matrix: every URL of the project, requested by every kind of person.

The table lives in `tests/permission_matrix_data.py` (the records it needs in
`tests/permission_matrix_records.py`). One test per (URL pattern, method, variant) builds the world
once and asks as each role with a fresh client, collecting every mismatch (URL, role, got,
expected) into one message. Known gaps between the app and the rules are listed in
`KNOWN_GAPS`: those (case, role) pairs are left out of the main test and each is its own strict
xfail test, so the suite stays green, the gap stays visible, and fixing it turns the xfail into a
failure that asks for the entry to be removed.
"""

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from tests.permission_matrix_data import (
    ADMIN,
    ANON,
    CASES,
    DENIED,
    FORBIDDEN,
    LOGIN,
    OK,
    OUTSIDER,
    PP,
    REDIRECT,
    ROLES,
    SITE_ADMIN,
    Case,
    Objects,
    Outcome,
    Who,
)

# URL patterns the matrix does not cover, by route prefix, each with its reason.
EXCLUDED_PREFIXES: dict[str, str] = {
    "admin/": "Django admin: its own staff/superuser checks are tested in tests/accounts/test_admin.py",
}
if settings.STATIC_URL:
    EXCLUDED_PREFIXES[settings.STATIC_URL.lstrip("/")] = "static files (served only with DEBUG)"
if settings.MEDIA_URL:
    EXCLUDED_PREFIXES[settings.MEDIA_URL.lstrip("/")] = "uploaded media (served only with DEBUG)"

# (case id, role) → why the app differs from the rules. Each is a strict xfail below.
KNOWN_GAPS: dict[tuple[str, Who], str] = {}

CASE_BY_ID = {case.id: case for case in CASES}


def url_patterns(
    patterns: list[Any] | None = None, prefix: str = "", ns: str = ""
) -> Iterator[tuple[str, str]]:
    """Every (namespaced name, full route) of the project, walking includes recursively."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{ns}:{pattern.namespace}" if ns and pattern.namespace else (pattern.namespace or ns)
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner or "")
        elif isinstance(pattern, URLPattern):
            name = f"{ns}:{pattern.name}" if ns and pattern.name else (pattern.name or "")
            yield name, prefix + str(pattern.pattern)


def covered_patterns() -> set[tuple[str, str]]:
    return {
        (name, route)
        for name, route in url_patterns()
        if not any(route.startswith(prefix) for prefix in EXCLUDED_PREFIXES)
    }


def outcome_of(response: Any) -> str:
    """What the person got, in the table's words (or the bare status code)."""
    if 200 <= response.status_code < 300:
        return OK
    if response.status_code in (301, 302, 303, 307, 308):
        sign_in = resolve_url(settings.LOGIN_URL)
        return LOGIN if urlsplit(response["Location"]).path == sign_in else REDIRECT
    if response.status_code == 404:
        return DENIED
    if response.status_code == 403:
        return FORBIDDEN
    return f"status {response.status_code}"


def matches(case: Case, expected: Outcome, got: str) -> bool:
    return got == expected or (expected == OK and case.method == "POST" and got == REDIRECT)


def request_as(case: Case, objects: Objects, url: str, role: Who) -> str:
    client = Client()
    if role != ANON:
        client.force_login(getattr(objects.world, role.value))
    if case.prepare is not None:
        case.prepare(client, objects)
    try:
        data = case.data_from(objects) if case.data_from else case.data
        response = client.post(url, data) if case.method == "POST" else client.get(url)
    except Exception as error:  # noqa: BLE001 - a server error is a finding, not a crash of the matrix
        return f"exception {type(error).__name__}: {error}"
    return outcome_of(response)


def url_for(case: Case, objects: Objects) -> str:
    url = reverse(case.name, kwargs=case.kwargs(objects))
    route = resolve(urlsplit(url).path).route
    assert route == case.route, f"{case.id}: {url} resolves to {route!r}, not the pattern under test"
    return url


def run_case(case: Case, world: Any, roles: tuple[Who, ...]) -> list[str]:
    """Request the case as each role in turn; return one line per mismatch."""
    objects = Objects(world)
    problems = []
    start = case.guard(objects) if case.guard else None
    for role in roles:
        if case.renew:  # each role acts on a record of its own (an allowed role may delete it)
            objects.__dict__.pop(case.renew, None)
        url = url_for(case, objects)
        before = case.guard(objects) if case.guard else None
        expected = case.expected[role]
        got = request_as(case, objects, url, role)
        where = f"{case.method} {url} as {role}"
        if not matches(case, expected, got):
            problems.append(f"{where}: got {got}, expected {expected}")
        if case.guard is None:
            continue
        after = case.guard(objects)
        if expected != OK and after != before:
            problems.append(f"{where} (not allowed) changed data: {before!r} → {after!r}")
        if expected == OK and case.changes and case.renew and after == before:
            problems.append(f"{where}: allowed, yet changed nothing, so the guard proves nothing")
    allowed_ran = any(case.expected[role] == OK for role in roles)
    if case.guard and case.changes and not case.renew and allowed_ran and case.guard(objects) == start:
        problems.append(f"{case.id}: the allowed roles changed nothing, so the guard proves nothing")
    return problems


def test_every_url_pattern_is_in_the_matrix() -> None:
    patterns = covered_patterns()
    in_table = {(case.name, case.route) for case in CASES}
    missing = sorted(patterns - in_table)
    stale = sorted(in_table - patterns)
    assert not missing, "URL patterns missing from tests/permission_matrix_data.py: " + "; ".join(
        f"{name} /{route}" for name, route in missing
    )
    assert not stale, "matrix entries for URL patterns that no longer exist: " + "; ".join(
        f"{name} /{route}" for name, route in stale
    )


def test_every_case_names_every_role_once() -> None:
    assert len(CASE_BY_ID) == len(CASES), "two cases share an id: give one a variant"
    for case in CASES:
        assert set(case.expected) == set(ROLES), case.id
        assert case.method in ("GET", "POST"), case.id
    for case_id, role in KNOWN_GAPS:
        assert case_id in CASE_BY_ID and role in ROLES, (case_id, role)


def test_table_keeps_the_rules_that_hold_everywhere() -> None:
    """Whatever an entry says, inside a partnership strangers and site admins get 404 and anonymous
    people are sent to sign in; /crime-data/ is for site admins only."""
    for case in CASES:
        if case.route.startswith(PP):
            assert case.expected[ANON] == LOGIN, case.id
            assert case.expected[OUTSIDER] == case.expected[ADMIN] == DENIED, case.id
        if case.route.startswith("crime-data/"):
            assert case.expected == SITE_ADMIN, case.id


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_permission_matrix(case: Case, world: Any) -> None:
    roles = tuple(role for role in ROLES if (case.id, role) not in KNOWN_GAPS)
    problems = run_case(case, world, roles)
    assert not problems, f"{case.id}:\n" + "\n".join(problems)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "case_id, role",
    [
        pytest.param(case_id, role, marks=pytest.mark.xfail(strict=True, reason=reason))
        for (case_id, role), reason in KNOWN_GAPS.items()
    ],
)
def test_known_gap(case_id: str, role: Who, world: Any) -> None:
    problems = run_case(CASE_BY_ID[case_id], world, (role,))
    assert not problems, "\n".join(problems)
