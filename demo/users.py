"""The demo users: one per plan role, a data protection lead, and a site administrator.

They sign in with a published password, so `load_demo` refuses to create them under production
settings. Memberships and role grants have no service outside the invitation flow, so they are
written here directly (with history attributed to the acting system actor).
"""

import os
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractUser

from accounts.models import User
from core.history import save_as
from partnership.access import memberships_visible_to, role_grants_visible_to
from partnership.models import Grant, Membership, Organisation, Partnership, Role, RoleGrant

DEFAULT_PASSWORD = "tonbridge-demo-2020"  # noqa: S105 - published demo password; refused in production
ADMIN_USERNAME = "admin"


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str
    organisation: str
    description: str
    grants: tuple[str, ...] = ()


DEMO_USERS: list[DemoUser] = [
    DemoUser("coordinator", "Casey", "Coordinator", Role.COORDINATOR, "Tonbridge & Malling Borough Council",
             "Partnership coordinator (Tonbridge & Malling Borough Council)"),
    DemoUser("lead.police", "Lee", "Police", Role.LEAD_OFFICER, "Kent Police", "Lead officer for Kent Police"),
    DemoUser("lead.council", "Lou", "Council", Role.LEAD_OFFICER, "Tonbridge & Malling Borough Council",
             "Lead officer for Tonbridge & Malling Borough Council"),
    DemoUser("member", "Morgan", "Member", Role.MEMBER, "Kent Fire & Rescue Service",
             "Member (Kent Fire & Rescue Service): reads the partnership's records"),
    DemoUser("dpo", "Devi", "Protection", Role.MEMBER, "Tonbridge & Malling Borough Council",
             "Member and data protection lead (Tonbridge & Malling Borough Council)",
             (Grant.DATA_PROTECTION_LEAD,)),
]  # fmt: skip


@dataclass(frozen=True)
class LoadedUser:
    username: str
    description: str
    created: bool  # created by this run (accounts that existed keep their password)


def demo_password() -> str:
    return os.environ.get("CSPHUB_DEMO_PASSWORD") or DEFAULT_PASSWORD


def _account(username: str, password: str, **defaults: object) -> tuple[User, bool]:
    person, created = User.objects.get_or_create(username=username, defaults=defaults)
    if created:
        person.set_password(password)
        person.save(update_fields=["password"])
    return person, created


def demo_users_load(
    *,
    actor: User,
    partnership: Partnership,
    organisations: dict[str, Organisation],
    password: str,
    users: Sequence[DemoUser] = DEMO_USERS,
    with_admin: bool = True,
) -> tuple[list[LoadedUser], int]:
    """Create the missing demo users (Tonbridge and Malling's unless `users` are given), their
    memberships of `partnership` and role grants, and (`with_admin`) the site administrator; return
    the users and the grants made.

    An existing membership keeps its role; a missing role grant is added.
    """
    loaded: list[LoadedUser] = []
    grants_made = 0
    for demo in users:
        person, created = _account(
            demo.username,
            password,
            first_name=demo.first_name,
            last_name=demo.last_name,
            email=f"{demo.username}@example.org",
        )
        membership = memberships_visible_to(actor).filter(user=person, partnership=partnership).first()
        if membership is None:
            membership = Membership(
                user=person,
                partnership=partnership,
                role=demo.role,
                organisation=organisations[demo.organisation.lower()],
            )
            save_as(membership, actor)
        held = set(
            role_grants_visible_to(actor).filter(membership=membership).values_list("grant", flat=True)
        )
        for grant in demo.grants:
            if grant not in held:
                granted_by = actor if isinstance(actor, AbstractUser) else None
                save_as(RoleGrant(membership=membership, grant=grant, granted_by=granted_by), actor)
                grants_made += 1
        loaded.append(LoadedUser(demo.username, demo.description, created))
    if not with_admin:
        return loaded, grants_made
    admin, created = _account(
        ADMIN_USERNAME,
        password,
        first_name="Site",
        last_name="Administrator",
        email="admin@example.org",
        is_staff=True,
        is_superuser=True,
    )
    loaded.append(LoadedUser(ADMIN_USERNAME, "Site administrator (Django admin at /admin/)", created))
    return loaded, grants_made
