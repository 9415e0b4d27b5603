"""Small-number suppression of breakdowns, without the database: counts below 5 read "fewer than
5", and no row or column leaves a hidden count recoverable from its total."""

import random

from casework.suppression import FEWER, hidden_cells, suppress


def _recoverable(cells, row_totals, hidden):
    """A line (a row with its total, or a column with the column total, which is always shown)
    with exactly one hidden number."""
    rows, columns = len(cells), len(cells[0])
    lines = [[(r, c) for c in range(columns + 1)] for r in range(rows)]
    lines += [[(r, c) for r in range(rows)] for c in range(columns + 1)]
    return [line for line in lines if sum(cell in hidden for cell in line) == 1]


def test_counts_of_5_or_more_are_shown_exactly():
    table = suppress(["Aylesford", "Snodland"], ["ASB", "Hate"], [[5, 9], [12, 6]], [14, 18], [17, 15], 32)
    assert table.cells == [["5", "9"], ["12", "6"]]
    assert table.row_totals == ["14", "18"]


def test_a_published_column_total_cannot_give_a_hidden_cell_away():
    # The column total (cases of the type in the year) is published exactly: with 3 hidden in
    # Aylesford, Snodland's 12 would give it away (15 - 12), so it is hidden too.
    table = suppress(["Aylesford", "Snodland"], ["ASB"], [[3], [12]], [3, 12], [15], 15)
    assert table.cells == [[FEWER], [FEWER]]
    assert table.row_totals == [FEWER, FEWER]
    assert table.column_totals == ["15"] and table.grand_total == "15"


def test_a_row_total_cannot_give_a_hidden_cell_away():
    # Aylesford: 2 ASB + 9 disputes = 11; showing 9 and 11 would reveal the 2.
    table = suppress(
        ["Aylesford", "Snodland"],
        ["ASB", "Neighbour dispute"],
        [[2, 9], [7, 8]],
        [11, 15],
        [9, 17],
        26,
    )
    assert table.cells[0][0] == FEWER
    assert FEWER in (table.cells[0][1], table.row_totals[0])  # a second number hidden in the row
    assert sum(cell == FEWER for cell in (table.cells[0][0], table.cells[1][0])) == 2  # and the column


def test_the_grand_and_column_totals_are_never_hidden():
    table = suppress(["A", "B"], ["ASB", "Hate"], [[1, 1], [1, 1]], [2, 2], [2, 2], 4)
    assert table.column_totals == ["2", "2"] and table.grand_total == "4"
    assert all(cell == FEWER for row in table.cells for cell in row)


def test_no_line_ever_has_exactly_one_hidden_number():
    rng = random.Random(5)
    for _ in range(300):
        rows, columns = rng.randint(1, 5), rng.randint(1, 4)
        cells = [[rng.choice([0, 1, 3, 4, 5, 6, 9, 20]) for _ in range(columns)] for _ in range(rows)]
        row_totals = [sum(row) for row in cells]
        hidden = hidden_cells(cells, row_totals)
        assert all((r, c) in hidden for r in range(rows) for c in range(columns) if cells[r][c] < 5)
        # Lines whose only other numbers are never-hidden totals cannot always be protected (a
        # one-column table): there the cell equals the total, which is hidden with it.
        for line in _recoverable(cells, row_totals, hidden):
            hideable = [cell for cell in line if cell[0] < rows]
            assert all(cell in hidden for cell in hideable) or len(hideable) == 1
