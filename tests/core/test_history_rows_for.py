"""history_rows_for reads several records' history in one query and gives what history_rows gives."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.history import history_rows, history_rows_for, save_as
from tests.factories import UpdateFactory


@pytest.mark.django_db
def test_same_rows_as_one_by_one_in_one_query(world):
    periods = list(world.plan_year.periods.order_by("order"))[:3]
    updates = [UpdateFactory(action=world.action, period=p, narrative=f"First {p.code}") for p in periods]
    for update in updates[:2]:
        update.narrative = "Changed"
        save_as(update, world.coordinator)
    expected = [(u, history_rows(u)) for u in updates]
    with CaptureQueriesContext(connection) as captured:
        got = history_rows_for(updates)
    assert got == expected
    assert len(captured) == 1
    assert got[0][1][0]["changes"] == [{"field": "Narrative", "old": "First Q1", "new": "Changed"}]
    assert history_rows_for([]) == []
