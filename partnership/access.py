"""Who may see and do what in a partnership: an actor's standing, and the partnership's doors.

Site administrators run the installation (reference data, partnerships, users) through the admin;
inside a partnership they are treated like anyone else and need a membership (ADR 0003). The
system actor of commands and the demo stands as a coordinator in every partnership and holds no
further role (ADR 0008).
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from core.access import NotFound, Purpose, open_door, restricted
from core.actors import Actor, is_signed_in, is_system_actor, person_id
from partnership.models import (
    GlossaryTerm,
    Grant,
    Invitation,
    Membership,
    Message,
    MessageOptOut,
    MessageText,
    MessagingSettings,
    Organisation,
    OrganisationName,
    Partnership,
    Role,
    RoleGrant,
)


@dataclass(frozen=True)
class Standing:
    """An actor's place in one partnership: the plan role, organisation and further roles."""

    partnership_id: int
    role: str
    organisation_id: int | None
    grants: frozenset[str]
    system: bool = False

    @property
    def is_coordinator(self) -> bool:
        return self.role == Role.COORDINATOR

    @property
    def is_lead_officer(self) -> bool:
        return self.role == Role.LEAD_OFFICER

    def holds(self, grant: str) -> bool:
        return grant in self.grants


def _standings(actor: Actor) -> dict[int, Standing]:
    """Every active membership of the actor, read once per actor object."""
    cache: dict[int, Standing] | None = getattr(actor, "_csp_standings", None)
    if cache is None:
        memberships = Membership.objects.filter(user_id=person_id(actor), is_active=True).prefetch_related(
            "grants"
        )
        cache = {
            m.partnership_id: Standing(
                m.partnership_id, m.role, m.organisation_id, frozenset(g.grant for g in m.grants.all())
            )
            for m in memberships
        }
        actor._csp_standings = cache  # type: ignore[union-attr]
    return cache


def standing(actor: Actor | None, partnership: Partnership) -> Standing | None:
    """The actor's standing in the partnership, or None when they have none."""
    if actor is None:
        return None
    if is_system_actor(actor):
        return Standing(partnership.pk, Role.COORDINATOR, None, frozenset(), system=True)
    if not is_signed_in(actor):
        return None
    return _standings(actor).get(partnership.pk)


def may(actor: Actor | None, partnership: Partnership, for_: Purpose) -> bool:
    """The partnership-level rule: members view, lead officers and coordinators report,
    coordinators manage."""
    found = standing(actor, partnership)
    if found is None:
        return False
    if for_ == Purpose.MANAGE:
        return found.is_coordinator
    if for_ == Purpose.REPORT:
        return found.is_coordinator or found.is_lead_officer
    return True


def holds_grant(actor: Actor | None, partnership: Partnership, grant: Grant) -> bool:
    found = standing(actor, partnership)
    return found is not None and found.holds(grant)


def held_grants(actor: Actor | None) -> frozenset[str]:
    """Every further role the signed-in person holds, in any partnership."""
    if actor is None or not is_signed_in(actor):
        return frozenset()
    return frozenset().union(*(s.grants for s in _standings(actor).values()))


def holds_sensitive_grant(actor: Actor | None) -> bool:
    """True when the person holds a sensitive role anywhere (stricter sessions apply)."""
    from partnership.models import SENSITIVE_GRANTS

    if actor is None or not is_signed_in(actor):
        return False
    return any(s.grants & SENSITIVE_GRANTS for s in _standings(actor).values())


@restricted(Partnership, partnership="")
def partnerships_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Partnership]:
    """Partnerships the actor may see (members), report in (lead officers, coordinators) or manage."""
    if is_system_actor(actor):
        return Partnership.objects.all()
    if not is_signed_in(actor):
        return Partnership.objects.none()
    roles = {
        Purpose.VIEW: list(Role),
        Purpose.REPORT: [Role.COORDINATOR, Role.LEAD_OFFICER],
        Purpose.MANAGE: [Role.COORDINATOR],
    }[for_]
    return Partnership.objects.filter(
        memberships__user_id=person_id(actor), memberships__is_active=True, memberships__role__in=roles
    )


def partnerships_with_grant(actor: Actor, grant: Grant) -> QuerySet[Partnership]:
    """Partnerships where the signed-in actor holds `grant` (never the system actor)."""
    if not is_signed_in(actor) or is_system_actor(actor):
        return Partnership.objects.none()
    return Partnership.objects.filter(
        memberships__user_id=person_id(actor), memberships__is_active=True, memberships__grants__grant=grant
    )


def access_partnership_by_slug(
    actor: Actor, slug: str, *, for_: Purpose = Purpose.VIEW, grant: Grant | None = None
) -> Partnership:
    """The partnership, or NotFound for a missing one and one the actor may not use for `for_`;
    with `grant`, also NotFound unless the actor holds that further role in it."""
    partnership = open_door(Partnership, actor, slug, by="slug", for_=for_)
    if grant is not None and not holds_grant(actor, partnership, grant):
        raise NotFound("No such page.")
    if is_signed_in(actor):  # the request's menu reuses it (see `opened_partnership`)
        actor.__dict__.setdefault("_opened_partnerships", {})[slug] = partnership
    return partnership


def opened_partnership(actor: Actor, slug: str) -> Partnership | None:
    """The partnership this signed-in person's request already opened through its door, if any
    (the user object lives for one request, so this never outlives the access check)."""
    return actor.__dict__.get("_opened_partnerships", {}).get(slug) if is_signed_in(actor) else None


# --- The partnership's own records: one visibility queryset and one door each. ---


def _within(parent_field: str, parent: object | None) -> dict[str, object] | None:
    return {parent_field: parent} if parent is not None else None


@restricted(Organisation, partnership="partnership")
def organisations_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Organisation]:
    """Members see their partnership's organisations; coordinators manage them."""
    return Organisation.objects.filter(partnership__in=partnerships_visible_to(actor, for_=for_))


def access_organisation_by_id(
    actor: Actor,
    organisation_id: object,
    *,
    for_: Purpose = Purpose.VIEW,
    partnership: Partnership | None = None,
) -> Organisation:
    return open_door(
        Organisation,
        actor,
        organisation_id,
        for_=for_,
        within=_within("partnership", partnership),
        queryset=lambda qs: qs.select_related("partnership").prefetch_related("other_names"),
    )


@restricted(OrganisationName, partnership="organisation__partnership")
def organisation_names_visible_to(
    actor: Actor, *, for_: Purpose = Purpose.VIEW
) -> QuerySet[OrganisationName]:
    return OrganisationName.objects.filter(organisation__in=organisations_visible_to(actor, for_=for_))


def access_organisation_name_by_id(
    actor: Actor, name_id: object, *, for_: Purpose = Purpose.VIEW, organisation: Organisation | None = None
) -> OrganisationName:
    return open_door(
        OrganisationName, actor, name_id, for_=for_, within=_within("organisation", organisation)
    )


def _managed(actor: Actor) -> QuerySet[Partnership]:
    return partnerships_visible_to(actor, for_=Purpose.MANAGE)


@restricted(Membership, partnership="partnership", audit_reads=True)
def memberships_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Membership]:
    """Coordinators see and manage every membership; a person sees their own. Nobody reports on one."""
    if for_ == Purpose.REPORT:
        return Membership.objects.none()
    rule = Q(partnership__in=_managed(actor))
    if for_ == Purpose.VIEW and is_signed_in(actor):
        rule |= Q(user_id=person_id(actor))
    return Membership.objects.filter(rule)


def access_membership_by_id(
    actor: Actor,
    membership_id: object,
    *,
    for_: Purpose = Purpose.VIEW,
    partnership: Partnership | None = None,
) -> Membership:
    return open_door(
        Membership,
        actor,
        membership_id,
        for_=for_,
        within=_within("partnership", partnership),
        queryset=lambda qs: qs.select_related("user", "organisation", "partnership"),
    )


@restricted(RoleGrant, partnership="membership__partnership")
def role_grants_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[RoleGrant]:
    """Further roles: coordinators see and manage them; a person sees their own."""
    return RoleGrant.objects.filter(membership__in=memberships_visible_to(actor, for_=for_))


def access_role_grant_by_id(
    actor: Actor, grant_id: object, *, for_: Purpose = Purpose.VIEW, membership: Membership | None = None
) -> RoleGrant:
    return open_door(
        RoleGrant,
        actor,
        grant_id,
        for_=for_,
        within=_within("membership", membership),
        queryset=lambda qs: qs.select_related("membership__user", "membership__partnership"),
    )


@restricted(Invitation, partnership="partnership", audit_reads=True)
def invitations_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Invitation]:
    """Only coordinators see and manage invitations (the invited person uses the e-mailed link)."""
    if for_ == Purpose.REPORT:
        return Invitation.objects.none()
    return Invitation.objects.filter(partnership__in=_managed(actor))


def access_invitation_by_id(
    actor: Actor,
    invitation_id: object,
    *,
    for_: Purpose = Purpose.VIEW,
    partnership: Partnership | None = None,
) -> Invitation:
    return open_door(
        Invitation,
        actor,
        invitation_id,
        for_=for_,
        within=_within("partnership", partnership),
        queryset=lambda qs: qs.select_related("partnership", "organisation"),
    )


@restricted(GlossaryTerm, partnership="partnership")
def glossary_terms_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[GlossaryTerm]:
    """Members read the glossary; coordinators manage it. Nobody reports on a term."""
    if for_ == Purpose.REPORT:
        return GlossaryTerm.objects.none()
    return GlossaryTerm.objects.filter(partnership__in=partnerships_visible_to(actor, for_=for_))


def access_glossary_term_by_id(
    actor: Actor, term_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> GlossaryTerm:
    return open_door(
        GlossaryTerm,
        actor,
        term_id,
        for_=for_,
        within=_within("partnership", partnership),
        queryset=lambda qs: qs.select_related("partnership"),
    )


# --- Messages: the log, the texts and settings (coordinators), each person's opt-outs. ---


@restricted(Message, partnership="partnership", audit_reads=True)
def messages_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[Message]:
    """Coordinators see the message log (and the system actor sends); a person sees the messages
    sent to them. Nobody reports on a message."""
    if for_ == Purpose.REPORT:
        return Message.objects.none()
    rule = Q(partnership__in=_managed(actor))
    if for_ == Purpose.VIEW and is_signed_in(actor):
        rule |= Q(recipient_id=person_id(actor))
    return Message.objects.filter(rule)


def access_message_by_id(
    actor: Actor, message_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> Message:
    return open_door(
        Message,
        actor,
        message_id,
        for_=for_,
        within=_within("partnership", partnership),
        queryset=lambda qs: qs.select_related("partnership", "recipient"),
    )


@restricted(MessageText, partnership="partnership")
def message_texts_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[MessageText]:
    """Only coordinators see and edit the partnership's message texts."""
    if for_ == Purpose.REPORT:
        return MessageText.objects.none()
    return MessageText.objects.filter(partnership__in=_managed(actor))


def access_message_text_by_id(
    actor: Actor, text_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> MessageText:
    return open_door(MessageText, actor, text_id, for_=for_, within=_within("partnership", partnership))


@restricted(MessagingSettings, partnership="partnership")
def messaging_settings_visible_to(
    actor: Actor, *, for_: Purpose = Purpose.VIEW
) -> QuerySet[MessagingSettings]:
    """Only coordinators see and change when reminders and digests go out."""
    if for_ == Purpose.REPORT:
        return MessagingSettings.objects.none()
    return MessagingSettings.objects.filter(partnership__in=_managed(actor))


def access_messaging_settings_by_id(
    actor: Actor, settings_id: object, *, for_: Purpose = Purpose.VIEW, partnership: Partnership | None = None
) -> MessagingSettings:
    return open_door(
        MessagingSettings, actor, settings_id, for_=for_, within=_within("partnership", partnership)
    )


@restricted(MessageOptOut, partnership="membership__partnership")
def message_opt_outs_visible_to(actor: Actor, *, for_: Purpose = Purpose.VIEW) -> QuerySet[MessageOptOut]:
    """A person sees and changes their own opt-outs; coordinators see everyone's (to know who
    will not be reminded) but cannot change them."""
    if for_ == Purpose.REPORT:
        return MessageOptOut.objects.none()
    rule = Q(membership__partnership__in=_managed(actor)) if for_ == Purpose.VIEW else Q(pk__in=[])
    if is_signed_in(actor):
        rule |= Q(membership__user_id=person_id(actor), membership__is_active=True)
    elif is_system_actor(actor):
        rule = Q()
    return MessageOptOut.objects.filter(rule)


def access_message_opt_out_by_id(
    actor: Actor, opt_out_id: object, *, for_: Purpose = Purpose.VIEW, membership: Membership | None = None
) -> MessageOptOut:
    return open_door(MessageOptOut, actor, opt_out_id, for_=for_, within=_within("membership", membership))


# --- The rules as the apps have asked them so far (thin names over `standing`). ---


def can_view(actor: Actor | None, partnership: Partnership) -> bool:
    """Members of any role read the partnership's non-confidential records."""
    return may(actor, partnership, Purpose.VIEW)


def is_coordinator(actor: Actor | None, partnership: Partnership) -> bool:
    """Coordinators manage everything in their partnership."""
    return may(actor, partnership, Purpose.MANAGE)


def lead_organisation_id(actor: Actor | None, partnership: Partnership) -> int | None:
    """The organisation a lead officer reports for, or None."""
    found = standing(actor, partnership)
    if found is None or not found.is_lead_officer:
        return None
    return found.organisation_id
