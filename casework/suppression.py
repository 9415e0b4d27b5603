"""Small-number suppression for breakdowns below partnership-year level (pure, no database).

A count below 5 in a breakdown shown outside case work reads "fewer than 5" (ADR 0025). Hiding one
cell is not enough when its row or column total is shown: the total minus the other cells gives it
back. So every row and every column that hides a count hides at least two of the numbers that add
up to its total (complementary suppression: the next smallest count of that line is hidden too),
until no line has exactly one hidden number.

The column totals and the grand total are partnership-year figures (cases opened by type, and in
all) that are published exactly elsewhere, so they are never hidden; row totals (one place, all
types) are below that level and are hidden like any cell. Rows need not add up to their totals (a
case with two places counts in both): the rule is applied all the same, which only errs on the side
of hiding more.
"""

from dataclasses import dataclass

THRESHOLD = 5
FEWER = "fewer than 5"


@dataclass(frozen=True)
class Breakdown:
    """A table as shown: each cell is a count in words or "fewer than 5"."""

    row_labels: list[str]
    column_labels: list[str]
    cells: list[list[str]]
    row_totals: list[str]
    column_totals: list[str]
    grand_total: str


Cell = tuple[int, int]


def _lines(rows: int, columns: int) -> list[list[Cell]]:
    """The equations a reader can use: each row with its total, each column with its total
    (column `columns` is the row totals, row `rows` the column totals)."""
    lines = [[(r, c) for c in range(columns + 1)] for r in range(rows)]
    lines += [[(r, c) for r in range(rows + 1)] for c in range(columns + 1)]
    return lines


def hidden_cells(cells: list[list[int]], row_totals: list[int]) -> set[Cell]:
    """Which counts to hide: primary (below 5) and complementary, as (row, column) positions; the
    row totals are column `len(columns)`. Column totals and the grand total are never hidden."""
    rows, columns = len(cells), len(cells[0]) if cells else 0
    value = {(r, c): cells[r][c] for r in range(rows) for c in range(columns)}
    value |= {(r, columns): row_totals[r] for r in range(rows)}
    hideable = set(value)  # the column totals (row `rows`) are not in it
    hidden = {cell for cell, n in value.items() if n < THRESHOLD}
    changed = True
    while changed:
        changed = False
        for line in _lines(rows, columns):
            if sum(1 for cell in line if cell in hidden) != 1:
                continue
            candidates = [cell for cell in line if cell in hideable and cell not in hidden]
            if candidates:
                hidden.add(min(candidates, key=lambda cell: (value[cell], cell)))
                changed = True
    return hidden


def suppress(
    row_labels: list[str],
    column_labels: list[str],
    cells: list[list[int]],
    row_totals: list[int],
    column_totals: list[int],
    grand_total: int,
) -> Breakdown:
    """The table with small counts and the counts that would give them away shown as "fewer than 5"."""
    hidden = hidden_cells(cells, row_totals)
    columns = len(column_labels)

    def shown(cell: Cell, n: int) -> str:
        return FEWER if cell in hidden else str(n)

    return Breakdown(
        row_labels=row_labels,
        column_labels=column_labels,
        cells=[[shown((r, c), n) for c, n in enumerate(row)] for r, row in enumerate(cells)],
        row_totals=[shown((r, columns), n) for r, n in enumerate(row_totals)],
        column_totals=[str(n) for n in column_totals],
        grand_total=str(grand_total),
    )
