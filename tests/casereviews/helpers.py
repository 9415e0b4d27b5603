"""Shared set-up for the ASB Case Review tests: a CSU coordinator, verified sessions, applications."""

import datetime
from typing import Any

from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from casereviews import services
from casereviews.models import Application
from casereviews.services import ComplaintInput
from core.actors import system_user
from partnership.models import Grant, Membership, Partnership, Role, RoleGrant
from tests.factories import UserFactory

D = datetime.date


def grant_csu(user: Any, partnership: Partnership) -> Any:
    membership = Membership.objects.filter(user=user, partnership=partnership).first()
    if membership is None:
        membership = Membership.objects.create(user=user, partnership=partnership, role=Role.MEMBER)
    RoleGrant.objects.get_or_create(membership=membership, grant=Grant.CSU_COORDINATOR)
    for attribute in ("_csp_standings",):
        user.__dict__.pop(attribute, None)
    return user


def csu_user(partnership: Partnership, **kwargs: Any) -> Any:
    return grant_csu(UserFactory(**kwargs), partnership)


def verify(client: Client, user: Any) -> None:
    """Make the client's session verified with a second factor."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()


def signed_in(client: Client, user: Any, *, verified: bool = True) -> Client:
    client.force_login(user)
    if verified:
        verify(client, user)
    return client


def complaint(day: datetime.date, behaviour: datetime.date | None = None, **kw: Any) -> ComplaintInput:
    return ComplaintInput(behaviour_date=behaviour or day, complaint_date=day, **kw)


def application(partnership: Partnership, actor: Any = None, **kw: Any) -> Application:
    fields: dict[str, Any] = {
        "route": "phone",
        "application_date": D(2019, 6, 3),
        "applicant_name": "A. Resident",
        "description": "Noise every night.",
        "complaints": [complaint(D(2019, 5, 1)), complaint(D(2019, 5, 8)), complaint(D(2019, 5, 15))],
    }
    fields.update(kw)
    return services.application_record(actor=actor or system_user(), partnership=partnership, **fields)
