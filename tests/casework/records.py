"""Case-work records for tests: roles held in addition, three cases per relationship, verified
sessions. Built directly (tests may use managers); the app's own writes are tested through services."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from casework.models import Case, CasePerson, CaseType, LawfulBasis, Person
from partnership.models import Grant, Membership, Role, RoleGrant
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

QUESTIONS = [
    {"key": "repeat", "text": "Has it happened more than once?", "weight": 2},
    {"key": "vulnerable", "text": "Is the victim vulnerable?", "weight": 3},
    {"key": "threats", "text": "Have there been threats of violence?", "weight": 3},
]


def with_grant(user: Any, partnership: Any, organisation: Any, *grants: str, role: str = Role.MEMBER) -> Any:
    membership = Membership.objects.filter(user=user, partnership=partnership).first()
    if membership is None:
        membership = MembershipFactory(
            user=user, partnership=partnership, organisation=organisation, role=role
        )
    for grant in grants:
        RoleGrant.objects.get_or_create(membership=membership, grant=grant)
    return user


def verified_client(user: Any) -> Client:
    """A client signed in with a session verified by a confirmed authenticator app."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="Authenticator app", confirmed=True
    )
    client = Client()
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


@dataclass
class CaseWorld:
    world: Any
    case_type: CaseType
    basis: LawfulBasis
    involved: Case  # led by the council, the police involved
    not_involved: Case  # led by the council alone
    other: Case  # in the other partnership
    person: Person  # in `involved`
    hidden_person: Person  # only in `not_involved`
    council_worker: Any
    police_worker: Any
    csu: Any
    dpo: Any
    other_csu: Any  # CSU coordinator of the other partnership


def make_case(
    partnership: Any, case_type: CaseType, lead: Any, *involved: Any, summary: str = "Noise"
) -> Case:
    case = Case.objects.create(
        partnership=partnership,
        case_type=case_type,
        summary=summary,
        lead_organisation=lead,
        opened_on=datetime.date(2019, 6, 1),
    )
    case.involved_organisations.set(involved)
    return case


def make_person(partnership: Any, case: Case, first: str, role: str = "victim", **extra: Any) -> Person:
    person = Person.objects.create(partnership=partnership, first_names=first, last_name="Example", **extra)
    CasePerson.objects.create(case=case, person=person, role=role)
    return person


def case_world(world: Any) -> CaseWorld:
    p, other_p = world.partnership, world.other_partnership
    council, police = world.organisation, world.other_organisation
    case_type = CaseType.objects.create(partnership=p, name="ASB", risk_questions=QUESTIONS)
    other_type = CaseType.objects.create(partnership=other_p, name="ASB")
    basis = LawfulBasis.objects.create(partnership=p, name="Crime and Disorder Act 1998, s.115")
    involved = make_case(p, case_type, council, police, summary="Noise from a flat")
    not_involved = make_case(p, case_type, council, summary="Garden dispute")
    other_org = OrganisationFactory(partnership=other_p, name="Other Council")
    other = make_case(other_p, other_type, other_org, summary="Other partnership case")
    person = make_person(p, involved, "Alex")
    hidden = make_person(p, not_involved, "Sam", role="perpetrator")
    return CaseWorld(
        world=world,
        case_type=case_type,
        basis=basis,
        involved=involved,
        not_involved=not_involved,
        other=other,
        person=person,
        hidden_person=hidden,
        council_worker=with_grant(UserFactory(username="cw.council"), p, council, Grant.CASE_WORKER),
        police_worker=with_grant(UserFactory(username="cw.police"), p, police, Grant.CASE_WORKER),
        csu=with_grant(UserFactory(username="csu"), p, council, Grant.CSU_COORDINATOR),
        dpo=with_grant(UserFactory(username="dpo.test"), p, council, Grant.DATA_PROTECTION_LEAD),
        other_csu=with_grant(UserFactory(username="csu.other"), other_p, other_org, Grant.CSU_COORDINATOR),
    )
