"""Shared argument handling of the publishing commands: who acts, which plan year, where to write."""

from pathlib import Path

from django.core.management.base import CommandError, CommandParser
from django.http import Http404

from core.access import NotFound, Purpose
from core.actors import Actor
from partnership.access import partnerships_visible_to
from planning.models import PlanYear
from publishing import selectors


def add_actor_argument(parser: CommandParser) -> None:
    parser.add_argument(
        "--as",
        dest="actor",
        metavar="USERNAME",
        help="Act as this person (their access applies and is recorded); the system actor when omitted.",
    )


def plan_year_or_error(
    actor: Actor, partnership_slug: str, year_slug: str, *, for_: Purpose = Purpose.VIEW
) -> PlanYear:
    """The plan year through its door, or a CommandError naming what the actor may choose from."""
    try:
        partnership = selectors.partnership(actor, partnership_slug)
    except NotFound:
        slugs = partnerships_visible_to(actor).order_by("slug").values_list("slug", flat=True)
        known = ", ".join(slugs) or "none"
        raise CommandError(
            f"There is no partnership {partnership_slug!r} you can use. Known partnerships: {known}."
        ) from None
    if for_ != Purpose.VIEW:
        try:
            selectors.plan_year_partnership(actor, partnership_slug, for_=for_)
        except NotFound:
            raise CommandError(f"--as: only a coordinator of {partnership.name} can do this.") from None
    try:
        return selectors.plan_year(actor, partnership_slug, year_slug, for_=for_)
    except Http404:  # a missing plan year
        years = selectors.plan_years(actor, partnership).order_by("start_date").values_list("slug", flat=True)
        known = ", ".join(years) or "none"
        raise CommandError(
            f"{partnership.name} has no plan year {year_slug!r}. Its plan years: {known} (use the form 2020-21)."
        ) from None


def write_output(path: str, data: bytes) -> Path:
    target = Path(path)
    if not target.parent.is_dir():
        raise CommandError(f"--output: the folder {str(target.parent)!r} does not exist.")
    target.write_bytes(data)
    return target
