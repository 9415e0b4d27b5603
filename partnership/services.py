"""Writes to partnership records: settings, organisations, glossary, people and invitations.

Every function takes the acting `user`, checks the rule in `partnership.access`, runs in one
transaction and records history through `core.history`.
"""

import datetime
import secrets
import smtplib
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from core.errors import AccessDenied, ServiceError
from core.history import delete_as, save_as
from partnership import access, selectors
from partnership.models import (
    GlossaryTerm,
    Invitation,
    Membership,
    Organisation,
    OrganisationName,
    Partnership,
    Role,
)

INVITATION_DAYS = 14
PARTNERSHIP_FIELDS = ("name", "short_name", "phone", "email", "website", "address", "social_links")
ORGANISATION_FIELDS = (
    "name",
    "short_name",
    "org_type",
    "phone",
    "email",
    "website",
    "address",
    "in_membership_list",
    "membership_order",
)


def _require_coordinator(user: Any, partnership: Partnership) -> None:
    if not access.is_coordinator(user, partnership):
        raise AccessDenied("Only the partnership's coordinators can do this.")


# --- Partnership settings and organisations ---


@transaction.atomic
def partnership_edit(*, partnership: Partnership, user: Any, **fields: Any) -> Partnership:
    _require_coordinator(user, partnership)
    for name in PARTNERSHIP_FIELDS:
        if name in fields:
            setattr(partnership, name, fields[name])
    return save_as(partnership, user)  # type: ignore[return-value]


def clean_names(lines: Iterable[str]) -> list[str]:
    """Other names, one per line: trimmed, blank lines dropped, duplicates (ignoring case) removed."""
    seen: set[str] = set()
    names = []
    for line in lines:
        name = " ".join(line.split())
        if name and name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names


def name_clashes(partnership: Partnership, names: Iterable[str], exclude: Organisation | None) -> list[str]:
    """Messages for those of `names` another organisation of the partnership is already known by."""
    index = selectors.organisation_by_name(partnership)
    clashes = []
    for name in names:
        other = index.get(name.strip().lower()) if name.strip() else None
        if other is not None and (exclude is None or other.pk != exclude.pk):
            clashes.append(f"“{name.strip()}” is already a name of {other.name}")
    return clashes


@transaction.atomic
def organisation_save(
    *,
    partnership: Partnership,
    user: Any,
    organisation: Organisation | None = None,
    other_names: Iterable[str] = (),
    **fields: Any,
) -> Organisation:
    """Create (no `organisation`) or edit an organisation and its other names."""
    _require_coordinator(user, partnership)
    if organisation is None:
        organisation = Organisation(partnership=partnership)
    elif organisation.partnership_id != partnership.pk:
        raise AccessDenied("That organisation belongs to another partnership.")
    for name in ORGANISATION_FIELDS:
        if name in fields:
            setattr(organisation, name, fields[name])
    names = clean_names(other_names)
    clashes = name_clashes(partnership, [organisation.name, organisation.short_name, *names], organisation)
    if clashes:
        raise ServiceError("; ".join(clashes) + ". Each name can belong to only one organisation.")
    save_as(organisation, user)
    _sync_other_names(organisation, names, user)
    return organisation


def _sync_other_names(organisation: Organisation, names: list[str], user: Any) -> None:
    wanted = {name.lower(): name for name in names}
    for existing in list(organisation.other_names.all()):
        if existing.name.lower() in wanted:
            new = wanted.pop(existing.name.lower())
            if new != existing.name:
                existing.name = new
                save_as(existing, user)
        else:
            delete_as(existing, user)
    for name in wanted.values():
        save_as(OrganisationName(organisation=organisation, name=name), user)


# --- Glossary ---


def _check_term_free(partnership: Partnership, term: str, exclude: GlossaryTerm | None) -> None:
    clash = partnership.glossary.filter(term__iexact=term.strip())
    if exclude is not None:
        clash = clash.exclude(pk=exclude.pk)
    if clash.exists():
        raise ServiceError(f"The glossary already has “{term.strip()}”.")


@transaction.atomic
def glossary_term_save(
    *, partnership: Partnership, user: Any, term: str, meaning: str, instance: GlossaryTerm | None = None
) -> GlossaryTerm:
    _require_coordinator(user, partnership)
    _check_term_free(partnership, term, instance)
    if instance is None:
        instance = GlossaryTerm(partnership=partnership)
    elif instance.partnership_id != partnership.pk:
        raise AccessDenied("That term belongs to another partnership.")
    instance.term = term.strip()
    instance.meaning = meaning.strip()
    return save_as(instance, user)  # type: ignore[return-value]


@transaction.atomic
def glossary_term_delete(*, term: GlossaryTerm, user: Any) -> None:
    _require_coordinator(user, term.partnership)
    delete_as(term, user)


# --- People: memberships ---


def _lock(partnership: Partnership) -> None:
    """Serialise role changes in one partnership so two can never remove the last coordinator."""
    Partnership.objects.select_for_update().filter(pk=partnership.pk).first()


def _check_keeps_a_coordinator(membership: Membership, *, new_role: str | None, deactivating: bool) -> None:
    losing = membership.role == Role.COORDINATOR and membership.is_active
    if not losing or (not deactivating and new_role == Role.COORDINATOR):
        return
    if selectors.active_coordinator_count(membership.partnership) <= 1:
        raise ServiceError(
            f"{membership.user} is the only coordinator of this partnership. "
            "Make someone else a coordinator first."
        )


@transaction.atomic
def membership_change(
    *, membership: Membership, user: Any, role: str, organisation: Organisation | None
) -> Membership:
    """Change a member's role and organisation (coordinators only; one coordinator always stays)."""
    partnership = membership.partnership
    _require_coordinator(user, partnership)
    _lock(partnership)
    if organisation is not None and organisation.partnership_id != partnership.pk:
        raise ServiceError("Choose an organisation of this partnership.")
    if role not in Role.values:
        raise ServiceError("Choose a role.")
    _check_keeps_a_coordinator(membership, new_role=role, deactivating=False)
    membership.role = role
    membership.organisation = organisation
    return save_as(membership, user)  # type: ignore[return-value]


@transaction.atomic
def membership_deactivate(*, membership: Membership, user: Any) -> Membership:
    partnership = membership.partnership
    _require_coordinator(user, partnership)
    _lock(partnership)
    _check_keeps_a_coordinator(membership, new_role=None, deactivating=True)
    membership.is_active = False
    return save_as(membership, user)  # type: ignore[return-value]


# --- Invitations ---


def invitation_problem(invitation: Invitation | None) -> str | None:
    """Why an invitation can no longer be used, in words; None when it can."""
    if invitation is None:
        return "This invitation link is not valid. Check you copied the whole link from the e-mail."
    if invitation.accepted_at is not None:
        return (
            "This invitation has already been used. Sign in if it was you, "
            "or ask your partnership coordinator for a new invitation."
        )
    if invitation.expires <= timezone.now():
        return (
            f"This invitation expired on {timezone.localtime(invitation.expires):%d %B %Y}. "
            "Ask your partnership coordinator to invite you again."
        )
    return None


@transaction.atomic
def invitation_create(
    *,
    partnership: Partnership,
    user: Any,
    email: str,
    role: str,
    organisation: Organisation | None,
    accept_url: Callable[[str], str],
) -> tuple[Invitation, str]:
    """Invite someone by e-mail. Returns the invitation and its token (only its hash is stored)."""
    _require_coordinator(user, partnership)
    email = email.strip().lower()
    if organisation is not None and organisation.partnership_id != partnership.pk:
        raise ServiceError("Choose an organisation of this partnership.")
    if role not in Role.values:
        raise ServiceError("Choose a role.")
    if partnership.memberships.filter(user__email__iexact=email, is_active=True).exists():
        raise ServiceError(f"{email} is already a member of this partnership.")
    # A new invitation replaces any earlier one still waiting for the same address.
    selectors.pending_invitations(partnership).filter(email__iexact=email).delete()
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        partnership=partnership,
        email=email,
        role=role,
        organisation=organisation,
        token_hash=selectors.token_hash(token),
        invited_by=user,
        expires=timezone.now() + datetime.timedelta(days=INVITATION_DAYS),
    )
    context = {
        "invitation": invitation,
        "url": accept_url(token),
        "days": INVITATION_DAYS,
        "site_name": settings.SITE_NAME,
    }
    subject = f"You are invited to join {partnership.name} on {settings.SITE_NAME}"
    body = render_to_string("partnership/email/invitation.txt", context)
    try:  # sent inside the transaction: if it cannot be sent, no invitation is kept
        send_mail(subject, body, None, [email])
    except (OSError, smtplib.SMTPException) as error:
        raise ServiceError(
            f"The invitation e-mail to {email} could not be sent ({error}). Try again later."
        ) from error
    return invitation, token


@transaction.atomic
def invitation_cancel(*, invitation: Invitation, user: Any) -> None:
    _require_coordinator(user, invitation.partnership)
    if invitation.accepted_at is not None:
        raise ServiceError("That invitation has already been accepted.")
    invitation.delete()


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: Any) -> Membership:
    """The signed-in `user` accepts: they become a member with the invitation's role."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    problem = invitation_problem(invitation)
    if problem:
        raise ServiceError(problem)
    partnership = invitation.partnership
    membership = Membership.objects.filter(user=user, partnership=partnership).first()
    if membership is not None and membership.is_active:
        raise ServiceError(f"You are already a member of {partnership.name}.")
    if membership is None:
        membership = Membership(user=user, partnership=partnership)
    membership.role = invitation.role
    membership.organisation = invitation.organisation
    membership.is_active = True
    save_as(membership, user)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_accept_new_user(
    *, invitation: Invitation, username: str, first_name: str, last_name: str, password: str
) -> Any:
    """A new person accepts: create their account (with the invited e-mail) and membership."""
    user_model = get_user_model()
    problem = invitation_problem(invitation)
    if problem:
        raise ServiceError(problem)
    if user_model.objects.filter(email__iexact=invitation.email).exists():
        raise ServiceError(
            f"There is already an account for {invitation.email}. Sign in to accept the invitation."
        )
    user = user_model(username=username, first_name=first_name, last_name=last_name, email=invitation.email)
    user.set_password(password)
    user.save()
    invitation_accept(invitation=invitation, user=user)
    return user
