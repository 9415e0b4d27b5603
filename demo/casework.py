"""Demo case work for Tonbridge and Malling: made-up people and cases from a generator with a fixed
seed, all marked example data (ADR 0011), so the computed 2019/20 totals equal the seed's ("the TMBC
ASB Officer dealt with 107 cases. He also issued 17 Community Protection Warning Notices and three
Community Protection Notices. No fines were issued.").

The system actor sees no case work (ADR 0008), so the records are written through the case-work
services as the demo's CSU coordinator, with their access checks. The case-work demo users hold the
plan role member and a case-work role, and sign in with the published password and an
authenticator app whose secret is derived from their username (printed by `load_demo`; tests derive
codes from it). Without demo users (`--no-users`) no case work is loaded.
"""

import datetime
import hashlib
import random
from io import TextIOBase
from typing import Any

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from accounts.services import totp_secret
from casework import selectors, services
from casework.models import CaseType, Consent, LawfulBasis
from core.history import save_as
from demo.partnership import DemoResult
from demo.users import DemoUser, demo_password, demo_users_load
from partnership.access import organisations_visible_to
from partnership.models import Grant, Organisation, Partnership, Role

SEED = 20192020
COUNCIL = "Tonbridge & Malling Borough Council"
POLICE = "Kent Police"
YEAR_START, YEAR_END = datetime.date(2019, 4, 1), datetime.date(2020, 3, 31)
CASES, NEIGHBOUR_DISPUTES, CPWS, CPNS = 107, 64, 17, 3  # "most" of the 107 were neighbour disputes
TWO_FACTOR_DEVICE = "Demo authenticator app"

CASE_WORK_USERS: list[DemoUser] = [
    DemoUser("caseworker.council", "Cass", "Council", Role.MEMBER, COUNCIL,
             "Member and case worker (Tonbridge & Malling Borough Council)", (Grant.CASE_WORKER,)),
    DemoUser("caseworker.police", "Pat", "Police", Role.MEMBER, POLICE,
             "Member and case worker (Kent Police)", (Grant.CASE_WORKER,)),
    DemoUser("csu.coordinator", "Cory", "Unit", Role.MEMBER, COUNCIL,
             "Member and Community Safety Unit coordinator (Tonbridge & Malling Borough Council)",
             (Grant.CSU_COORDINATOR,)),
]  # fmt: skip
TWO_FACTOR_USERS = ("caseworker.council", "caseworker.police", "csu.coordinator", "dpo")

QUESTIONS = [
    {"key": "repeat", "text": "Has the behaviour happened more than once?", "weight": 2},
    {"key": "vulnerable", "text": "Is a victim vulnerable?", "weight": 3},
    {"key": "violence", "text": "Has there been violence or a threat of it?", "weight": 3},
    {"key": "impact", "text": "Is it affecting the victim's health or daily life?", "weight": 2},
]
CASE_TYPES = ("ASB", "Neighbour dispute", "Vulnerable person", "Young person at risk", "Hate incident")
LAWFUL_BASES = (
    "Crime and Disorder Act 1998, section 115 (sharing to prevent crime and disorder)",
    "UK GDPR Article 6(1)(e): a task in the public interest",
    "Data Protection Act 2018, Schedule 8: safeguarding of individuals at risk",
)
FIRST = ("Avery", "Blake", "Carey", "Dale", "Eden", "Finley", "Gale", "Harley", "Indy", "Jules", "Kit",
         "Lane", "Marlow", "Nico", "Oakley", "Parry", "Quin", "Rory", "Sage", "Tate", "Umber", "Vale",
         "Wren", "Yael", "Zephyr")  # fmt: skip
LAST = ("Exampleton", "Madeup", "Fictiona", "Placeholder", "Sampleford", "Notreal", "Inventy",
        "Demoworth", "Pretendale", "Imaginary")  # fmt: skip
STREETS = ("Example Road", "Sample Close", "Demo Lane", "Pretend Avenue", "Fiction Way")
CONDUCT = (
    "Loud music from the property late at night",
    "Dog barking for long periods and fouling in shared areas",
    "Rubbish and bulky waste dumped in the front garden",
    "Shouting and swearing at neighbours in the street",
)


def two_factor_key(username: str) -> str:
    """The demo user's authenticator key (hex, 20 bytes): derived from the username, so published
    like the demo password. Never used outside the demo (load_demo refuses demo users in production)."""
    return hashlib.sha1(f"csphub-demo-two-factor/{username}".encode()).hexdigest()  # noqa: S324 - not a secret


def _two_factor(result: DemoResult) -> None:
    for username in TWO_FACTOR_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            continue
        device = TOTPDevice.objects.filter(user=user, name=TWO_FACTOR_DEVICE).first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=user, name=TWO_FACTOR_DEVICE, key=two_factor_key(username), confirmed=True
            )
        result.two_factor.append((username, totp_secret(device), device.config_url))


def _organisations(actor: User, partnership: Partnership) -> dict[str, Organisation]:
    return {o.name: o for o in organisations_visible_to(actor).filter(partnership=partnership)}


def _settings(
    partnership: Partnership, actor: User, coordinator: User
) -> tuple[dict[str, CaseType], LawfulBasis]:
    types = {t.name: t for t in selectors.case_types(coordinator, partnership)}
    for name in CASE_TYPES:
        if name not in types:
            types[name] = save_as(
                CaseType(partnership=partnership, name=name, retention_years=6, risk_questions=QUESTIONS),
                actor,
            )
    bases = list(selectors.lawful_bases(coordinator, partnership))
    for name in LAWFUL_BASES:
        if name not in {b.name for b in bases}:
            bases.append(save_as(LawfulBasis(partnership=partnership, name=name), actor))
    return types, next(b for b in bases if b.name == LAWFUL_BASES[0])


def _person(rng: random.Random, basis: LawfulBasis, born: tuple[int, int]) -> dict[str, Any]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return {
        "first_names": first,
        "last_name": last,
        "date_of_birth": datetime.date(rng.randint(*born), rng.randint(1, 12), rng.randint(1, 28)),
        "addresses": f"{rng.randint(1, 99)} {rng.choice(STREETS)}, Exampletown (made-up address)",
        "preferred_contact": rng.choice(["phone", "letter", "email"]),
        "consent": Consent.NOT_ASKED,
        "lawful_basis": basis,
    }


@transaction.atomic
def casework_load(result: DemoResult, actor: User, stdout: TextIOBase) -> None:
    """The case-work step of the demo (idempotent): users, two-factor keys, settings and cases."""
    partnership = result.partnership
    if not result.with_users:
        stdout.write("Case work: not loaded (its example cases are written by the demo's case-work users).\n")
        return
    users, _ = demo_users_load(
        actor=actor,
        partnership=partnership,
        organisations={name.lower(): o for name, o in _organisations(actor, partnership).items()},
        password=demo_password(),
        users=CASE_WORK_USERS,
        with_admin=False,
    )
    result.users.extend(users)
    _two_factor(result)
    if selectors.has_example_cases(partnership):
        stdout.write("Case work: the example cases are already loaded; nothing changed.\n")
        return
    coordinator = User.objects.get(username="csu.coordinator")
    organisations = _organisations(actor, partnership)
    council, police = organisations[COUNCIL], organisations[POLICE]
    types, basis = _settings(partnership, actor, coordinator)
    rng = random.Random(SEED)
    days = (YEAR_END - YEAR_START).days
    opened = sorted(YEAR_START + datetime.timedelta(days=rng.randint(0, days)) for _ in range(CASES))
    kinds = ["Neighbour dispute"] * NEIGHBOUR_DISPUTES + ["ASB"] * (CASES - NEIGHBOUR_DISPUTES)
    rng.shuffle(kinds)
    # The warnings go to perpetrators of the earliest ASB cases, so they and the notices fall in 2019/20.
    asb_early = [i for i, kind in enumerate(kinds) if kind == "ASB"][:CPWS]
    counts = {"cases": 0, "people": 0, "cpw": 0, "cpn": 0}
    for index, (day, kind) in enumerate(zip(opened, kinds, strict=True)):
        case = services.case_create(
            actor=coordinator,
            partnership=partnership,
            case_type=types[kind],
            summary=f"Example {kind.lower()} case {index + 1}",
            lead_organisation=council,
            opened_on=day,
            involved=[police] if index % 4 == 0 else [],
            example=True,
        )
        counts["cases"] += 1
        services.person_add_to_case(
            actor=coordinator, case=case, role="victim", example=True, **_person(rng, basis, (1940, 2000))
        )
        perpetrator = services.person_add_to_case(
            actor=coordinator,
            case=case,
            role="perpetrator",
            example=True,
            **_person(rng, basis, (1960, 2000)),
        )
        counts["people"] += 2
        if index % 3 == 0:
            answers = {str(q["key"]): rng.random() < 0.5 for q in QUESTIONS}
            services.risk_assess(actor=coordinator, case=case, answers=answers, assessed_on=day)
        if index in asb_early:
            conduct = rng.choice(CONDUCT)
            warned_on = day + datetime.timedelta(days=7)
            services.enforcement_add(
                actor=coordinator,
                case=case,
                person=perpetrator,
                kind="cpw",
                conduct=conduct,
                issued_on=warned_on,
                comply_by=warned_on + datetime.timedelta(days=28),
                issuing_organisation=council,
                outcome="Behaviour stopped" if counts["cpw"] >= CPNS else "Behaviour continued",
            )
            counts["cpw"] += 1
            if counts["cpn"] < CPNS:
                services.enforcement_add(
                    actor=coordinator,
                    case=case,
                    person=perpetrator,
                    kind="cpn",
                    conduct=conduct,
                    issued_on=warned_on + datetime.timedelta(days=35),
                    issuing_organisation=council,
                    outcome="Complied; no appeal",
                )
                counts["cpn"] += 1
        if index < 12:
            services.task_add(
                actor=coordinator,
                case=case,
                title="Visit the victim and review the action plan",
                owner_organisation=police if index % 4 == 0 else council,
                due_on=day + datetime.timedelta(days=21),
            )
        if day + datetime.timedelta(days=90) <= YEAR_END and index % 2 == 0:
            services.case_update(
                actor=coordinator,
                case=case,
                summary=case.summary,
                case_type=case.case_type,
                lead_organisation=council,
                involved=[police] if index % 4 == 0 else [],
                places=[],
                status="closed",
                closed_reason="Resolved: the behaviour stopped",
                closed_on=day + datetime.timedelta(days=90),
            )
    result.created["example cases"] += counts["cases"]
    result.created["example people"] += counts["people"]
    stdout.write(
        f"Case work: {counts['cases']} example cases, {counts['people']} example people, "
        f"{counts['cpw']} Community Protection Warnings and {counts['cpn']} Notices (2019/20).\n"
    )
