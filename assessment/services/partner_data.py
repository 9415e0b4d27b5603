"""Partner indicator uploads (CSV or XLSX): check the whole file, then save every figure or none.

A figure is a partner indicator (a planning Measure of kind INDICATOR) for one indicator, period and
organisation. A file's value for a figure that already has one **replaces** it; the confirm page
shows each old value beside the new one first, and the import refuses to save when a value
changed between the check and the confirmation (ADR 0028). Indicator names are matched without
regard to case and the stored spelling is reused, so an indicator is named once.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from assessment import access
from assessment.partner_file import HEADINGS, UploadRow, check_rows, heading_problems
from core.actors import Actor
from core.errors import AccessDenied, ServiceError
from core.history import save_as
from partnership.models import Partnership
from partnership.selectors import organisation_by_name
from planning.action_io.common import FileProblemsError, ImportProblem
from planning.action_io.reader import read_table
from planning.models import Measure, MeasureKind

ADDED, REPLACED, UNCHANGED = "added", "replaced", "unchanged"
Key = tuple[str, datetime.date, datetime.date, int]


class PartnerUploadError(FileProblemsError):
    """The partner data file has problems; `problems` lists every one of them and nothing was saved."""

    outcome = "nothing was saved"


@dataclass
class CheckedUpload:
    """Checked rows, every problem, and each row's current value (None: a new figure)."""

    rows: list[UploadRow] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    current: dict[int, Decimal | None] = field(default_factory=dict)
    new_indicators: list[str] = field(default_factory=list)

    def outcome(self, row: UploadRow) -> str:
        old = self.current.get(row.row)
        return ADDED if old is None else UNCHANGED if old == row.value else REPLACED

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if self.outcome(row) == outcome)

    @property
    def summary(self) -> str:
        return (
            f"{self.count(ADDED)} added, {self.count(REPLACED)} replaced, {self.count(UNCHANGED)} unchanged"
        )

    def basis(self) -> dict[str, str]:
        """Row → the value it would replace ("" for none), to compare when the upload is confirmed."""
        return {
            str(r.row): "" if self.current.get(r.row) is None else str(self.current[r.row]) for r in self.rows
        }


def _indicators(partnership: Partnership) -> list[Measure]:
    return list(
        Measure.objects.filter(partnership=partnership, kind=MeasureKind.INDICATOR)
        .select_related("source_organisation")
        .order_by("pk")
    )


def _key(measure: Measure) -> Key | None:
    if measure.period_start is None or measure.period_end is None or measure.source_organisation_id is None:
        return None
    return (
        measure.name.strip().casefold(),
        measure.period_start,
        measure.period_end,
        measure.source_organisation_id,
    )


def known_names(partnership: Partnership) -> dict[str, str]:
    """Each partner indicator's name, case-folded → its first stored spelling."""
    names: dict[str, str] = {}
    for measure in _indicators(partnership):
        names.setdefault(measure.name.strip().casefold(), measure.name.strip())
    return names


def with_current(
    partnership: Partnership, rows: list[UploadRow], problems: list[ImportProblem]
) -> CheckedUpload:
    """The rows with the values they would replace and the indicator names they would add."""
    stored = {key: m for m in _indicators(partnership) if (key := _key(m)) is not None}
    names = known_names(partnership)
    new: dict[str, str] = {}
    for row in rows:
        if row.indicator.casefold() not in names:
            new.setdefault(row.indicator.casefold(), row.indicator)
    current = {row.row: (stored[row.key].value if row.key in stored else None) for row in rows}
    return CheckedUpload(rows, problems, current, list(new.values()))


def partner_values_validate(*, partnership: Partnership, actor: Actor, data: bytes) -> CheckedUpload:
    """Read and check a whole file (nothing is saved): problems name the row, column and why."""
    allowed = access.indicator_organisation_ids(actor, partnership)
    if allowed is not None and not allowed:
        raise AccessDenied("Only coordinators and lead officers can upload partner indicators.")
    table = read_table(data)
    problems = list(table.problems)
    if not table.rows:
        if not problems:
            problems.append(ImportProblem(f"The file is empty: its first row must be {', '.join(HEADINGS)}."))
        return CheckedUpload(problems=problems)
    (_, header), *rows = table.rows
    if wrong := heading_problems(header):
        return CheckedUpload(problems=problems + wrong)
    # Any name the organisation is known by (name, short name, other names), ignoring case.
    index = {name: (o.pk, o.name) for name, o in organisation_by_name(partnership).items()}
    checked, row_problems = check_rows(
        rows, organisations=index, allowed=allowed, known_names=known_names(partnership)
    )
    return with_current(partnership, checked, problems + row_problems)


@dataclass
class SavedValues:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0

    @property
    def summary(self) -> str:
        return f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged"


@transaction.atomic
def partner_values_import(
    *, partnership: Partnership, actor: Actor, data: bytes, expected: dict[str, str]
) -> SavedValues:
    """Check the file again and save all of it, or nothing when it has a problem or a value it
    would replace changed since the check (`expected`: `CheckedUpload.basis()`)."""
    checked = partner_values_validate(partnership=partnership, actor=actor, data=data)
    if checked.problems:
        raise PartnerUploadError(checked.problems)
    return partner_values_save(partnership=partnership, actor=actor, checked=checked, expected=expected)


@transaction.atomic
def partner_values_save(
    *, partnership: Partnership, actor: Actor, checked: CheckedUpload, expected: dict[str, str]
) -> SavedValues:
    """Save checked rows (from a file or a registered source): add, replace or leave each figure."""
    allowed = access.indicator_organisation_ids(actor, partnership)
    if allowed is not None and any(row.organisation_id not in allowed for row in checked.rows):
        raise AccessDenied("You can give figures only for your own organisation.")
    if checked.basis() != expected:
        raise ServiceError(
            "Some figures changed since you checked them: check again to see what will be replaced."
        )
    stored = {key: m for m in _indicators(partnership) if (key := _key(m)) is not None}
    units = {m.name.strip().casefold(): m.unit for m in stored.values()}
    years = list(partnership.plan_years.all())
    result = SavedValues()
    for row in checked.rows:
        measure = stored.get(row.key)
        if measure is not None and measure.value == row.value:
            result.unchanged += 1
            continue
        if measure is None:
            measure = Measure(
                partnership=partnership,
                kind=MeasureKind.INDICATOR,
                name=row.indicator,
                source_organisation_id=row.organisation_id,
                unit=units.get(row.indicator.casefold(), ""),
            )
            result.added += 1
        else:
            result.replaced += 1
        measure.period_start, measure.period_end = row.period.start, row.period.end
        measure.period_label = row.period.label
        measure.plan_year = next((y for y in years if y.start_date <= row.period.start <= y.end_date), None)
        measure.value, measure.is_example = row.value, False
        save_as(measure, actor)
    return result


def rows_between(rows: Iterable[UploadRow]) -> list[UploadRow]:
    """Rows in date order then by indicator (how the confirm pages list them)."""
    return sorted(rows, key=lambda r: (r.period.start, r.indicator.casefold(), r.organisation))
