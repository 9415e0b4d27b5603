"""Shared argument handling of the publishing commands: who acts and where to write.

The plan year comes from `planning.selectors.plan_year_for_command`, the one lookup for commands."""

from pathlib import Path

from django.core.management.base import CommandError, CommandParser


def add_actor_argument(parser: CommandParser) -> None:
    parser.add_argument(
        "--as",
        dest="actor",
        metavar="USERNAME",
        help="Act as this person (their access applies and is recorded); the system actor when omitted.",
    )


def write_output(path: str, data: bytes) -> Path:
    target = Path(path)
    if not target.parent.is_dir():
        raise CommandError(f"--output: the folder {str(target.parent)!r} does not exist.")
    target.write_bytes(data)
    return target
