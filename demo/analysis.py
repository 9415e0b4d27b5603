"""The demo's example most similar group for Tonbridge and Malling (installation-wide reference
data, marked as example: the real groups come from the Home Office or CIPFA and are uploaded by a
site administrator). Loaded through the same import as an uploaded file; idempotent."""

import csv
import tempfile
from io import TextIOBase
from pathlib import Path

from accounts.models import User
from assessment.models import ComparatorGroup
from assessment.reference import comparator_group_import

GROUP_NAME = "Demo most similar group: Tonbridge and Malling"
SOURCE = "Made up for the demo from Kent districts; not an official most similar group."
MEMBERS = [
    ("E07000115", "Tonbridge and Malling"),
    ("E07000111", "Sevenoaks"),
    ("E07000116", "Tunbridge Wells"),
    ("E07000110", "Maidstone"),
    ("E07000105", "Ashford"),
    ("E07000107", "Dartford"),
    ("E07000113", "Swale"),
    ("E07000106", "Canterbury"),
]


def comparator_group_load(*, actor: User, stdout: TextIOBase | None = None) -> ComparatorGroup:
    found = ComparatorGroup.objects.filter(name=GROUP_NAME).first()
    if found is not None:
        if stdout:
            stdout.write("Most similar group: the example group is already loaded; skipped.\n")
        return found
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "most-similar-group.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["LAD23CD", "LAD23NM"])
            writer.writerows(MEMBERS)
        group = comparator_group_import(
            user=actor, path=path, name=GROUP_NAME, source=SOURCE, is_example=True
        )
    if stdout:
        stdout.write(f"Most similar group: loaded {GROUP_NAME} ({len(MEMBERS)} districts).\n")
    return group
