"""Writes about people: memberships, further roles (role grants) and invitations.

Every function takes the acting `actor`, checks the rule, runs in one transaction and records
history through `core.history`. Accepting an invitation is bound to the invited e-mail address.
"""

import datetime
import secrets
import smtplib
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.models import User
from core.actors import Actor, is_signed_in
from core.audit import audit_record
from core.errors import AccessDenied, ServiceError
from core.history import delete_as, save_as
from core.models import AuditEventType
from partnership import selectors
from partnership.models import Grant, Invitation, Membership, Organisation, Partnership, Role, RoleGrant
from partnership.services.records import require_coordinator

INVITATION_DAYS = 14


def _person(actor: Actor) -> User | None:
    """The actor as a person's account, or None for an anonymous visitor."""
    return actor if isinstance(actor, User) and actor.is_authenticated else None


class InvitationRefused(AccessDenied):
    """The signed-in person is not the one the invitation was sent to."""


# --- Memberships ---


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
    *, membership: Membership, actor: Actor, role: str, organisation: Organisation | None
) -> Membership:
    """Change a member's role and organisation (coordinators only; one coordinator always stays)."""
    partnership = membership.partnership
    require_coordinator(actor, partnership)
    _lock(partnership)
    if organisation is not None and organisation.partnership_id != partnership.pk:
        raise ServiceError("Choose an organisation of this partnership.")
    if role not in Role.values:
        raise ServiceError("Choose a role.")
    _check_keeps_a_coordinator(membership, new_role=role, deactivating=False)
    membership.role = role
    membership.organisation = organisation
    save_as(membership, actor)
    return membership


@transaction.atomic
def membership_deactivate(*, membership: Membership, actor: Actor) -> Membership:
    partnership = membership.partnership
    require_coordinator(actor, partnership)
    _lock(partnership)
    _check_keeps_a_coordinator(membership, new_role=None, deactivating=True)
    membership.is_active = False
    save_as(membership, actor)
    return membership


# --- Further roles held beside the plan role ---


def _grant_label(grant: str) -> str:
    if grant not in Grant.values:
        raise ServiceError(f"“{grant}” is not a role that can be given. Choose one from the list.")
    return str(Grant(grant).label)


@transaction.atomic
def role_grant_add(*, actor: Actor, membership: Membership, grant: str) -> RoleGrant:
    """Give the member a further role (the data protection lead, say). Coordinators only."""
    require_coordinator(actor, membership.partnership)
    label = _grant_label(grant)
    if not membership.is_active:
        raise ServiceError(f"{membership.user} is no longer a member, so cannot be {label.lower()}.")
    if selectors.role_grants(membership).filter(grant=grant).exists():
        raise ServiceError(f"{membership.user} is already {label.lower()}.")
    role_grant = RoleGrant(membership=membership, grant=grant, granted_by=_person(actor))
    save_as(role_grant, actor)
    return role_grant


@transaction.atomic
def role_grant_remove(*, actor: Actor, membership: Membership, grant: str) -> None:
    require_coordinator(actor, membership.partnership)
    label = _grant_label(grant)
    held = selectors.role_grants(membership).filter(grant=grant).first()
    if held is None:
        raise ServiceError(f"{membership.user} is not {label.lower()}.")
    delete_as(held, actor)


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


def _send_invitation(
    partnership: Partnership,
    *,
    actor: Actor,
    email: str,
    role: str,
    organisation: Organisation | None,
    accept_url: Callable[[str], str],
) -> tuple[Invitation, str]:
    # A new invitation replaces any earlier one still waiting for the same address.
    selectors.pending_invitations_to(partnership, email).delete()
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        partnership=partnership,
        email=email,
        role=role,
        organisation=organisation,
        token_hash=selectors.token_hash(token),
        invited_by=_person(actor),
        expires=timezone.now() + datetime.timedelta(days=INVITATION_DAYS),
    )
    context = {"invitation": invitation, "url": accept_url(token), "days": INVITATION_DAYS}
    subject = f"You are invited to join {partnership.name} on {settings.SITE_NAME}"
    body = render_to_string("partnership/email/invitation.txt", {**context, "site_name": settings.SITE_NAME})
    try:  # sent inside the transaction: if it cannot be sent, no invitation is kept
        send_mail(subject, body, None, [email])
    except (OSError, smtplib.SMTPException) as error:
        raise ServiceError(
            f"The invitation e-mail to {email} could not be sent ({error}). Try again later."
        ) from error
    return invitation, token


@transaction.atomic
def invitation_create(
    *,
    partnership: Partnership,
    actor: Actor,
    email: str,
    role: str,
    organisation: Organisation | None,
    accept_url: Callable[[str], str],
) -> tuple[Invitation, str]:
    """Invite someone by e-mail. Returns the invitation and its token (only its hash is stored)."""
    require_coordinator(actor, partnership)
    email = email.strip().lower()
    if organisation is not None and organisation.partnership_id != partnership.pk:
        raise ServiceError("Choose an organisation of this partnership.")
    if role not in Role.values:
        raise ServiceError("Choose a role.")
    if selectors.is_active_member(partnership, email):
        raise ServiceError(f"{email} is already a member of this partnership.")
    return _send_invitation(
        partnership, actor=actor, email=email, role=role, organisation=organisation, accept_url=accept_url
    )


@transaction.atomic
def invitation_first_coordinator(
    *,
    actor: Actor,
    partnership: Partnership,
    email: str,
    organisation_name: str,
    accept_url: Callable[[str], str],
) -> tuple[Invitation, str]:
    """A site administrator starts a new partnership: its first coordinator's organisation and
    invitation. Only active superusers (the admin) may; the partnership must have no coordinator."""
    if not (is_signed_in(actor) and getattr(actor, "is_superuser", False)):
        raise AccessDenied("Only site administrators start partnerships.")
    email, name = email.strip().lower(), " ".join(organisation_name.split())
    if not email or not name:
        raise ServiceError("Enter the first coordinator's e-mail address and organisation.")
    if selectors.active_coordinator_count(partnership):
        raise ServiceError(f"{partnership.name} already has a coordinator: they invite people.")
    organisation = selectors.organisations(partnership).filter(name__iexact=name).first()
    if organisation is None:
        organisation = Organisation(partnership=partnership, name=name)
        save_as(organisation, actor)
    return _send_invitation(
        partnership,
        actor=actor,
        email=email,
        role=Role.COORDINATOR,
        organisation=organisation,
        accept_url=accept_url,
    )


@transaction.atomic
def invitation_cancel(*, invitation: Invitation, actor: Actor) -> None:
    require_coordinator(actor, invitation.partnership)
    if invitation.accepted_at is not None:
        raise ServiceError("That invitation has already been accepted.")
    invitation.delete()


def invitation_check_addressee(*, actor: Actor, invitation: Invitation) -> None:
    """Refuse (and audit) anyone but the person the invitation was sent to.

    Not in a transaction: the `access denied` event must outlive the refusal.
    """
    own = (getattr(actor, "email", "") or "").strip().lower()
    if own and own == invitation.email.strip().lower():
        return
    audit_record(
        actor=actor,
        event=AuditEventType.ACCESS_DENIED,
        partnership=invitation.partnership,
        obj=invitation,
        purpose="accept invitation",
        detail="the invitation was sent to another e-mail address",
    )
    raise InvitationRefused(
        "This invitation was sent to a different e-mail address from the one on your account, "
        "so you cannot accept it. Sign out and open the link again, or ask the partnership "
        "coordinator to invite the address you use."
    )


def invitation_accept(*, invitation: Invitation, actor: Actor) -> Membership:
    """The signed-in person the invitation was sent to accepts: they become a member."""
    invitation_check_addressee(actor=actor, invitation=invitation)
    return _accept(invitation, actor)


@transaction.atomic
def _accept(invitation: Invitation, actor: Actor) -> Membership:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    problem = invitation_problem(invitation)
    if problem:
        raise ServiceError(problem)
    partnership = invitation.partnership
    person = _person(actor)
    if person is None:
        raise AccessDenied("Sign in to accept the invitation.")
    membership = selectors.membership_of(person, partnership)
    if membership is not None and membership.is_active:
        raise ServiceError(f"You are already a member of {partnership.name}.")
    if membership is None:
        membership = Membership(user=person, partnership=partnership)
    membership.role = invitation.role
    membership.organisation = invitation.organisation
    membership.is_active = True
    save_as(membership, actor)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = person
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_accept_new_user(
    *, invitation: Invitation, username: str, first_name: str, last_name: str, password: str
) -> AbstractUser:
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
    _accept(invitation, user)
    return user
