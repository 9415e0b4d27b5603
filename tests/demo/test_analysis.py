"""The demo's example most similar group, and the demo's headline change tested for significance."""

import io

import pytest

from assessment.models import ComparatorGroup
from assessment.significance import change_significance
from core.actors import system_user
from crimedata.models import VICTIM_BASED
from demo.analysis import GROUP_NAME, MEMBERS, comparator_group_load
from demo.crimedata import demo_counts


@pytest.mark.django_db
def test_example_group_loads_once_marked_as_example():
    out = io.StringIO()
    group = comparator_group_load(actor=system_user(), stdout=out)
    assert group.is_example and "example" not in group.name.lower()
    assert sorted(group.members.values_list("district_code", flat=True)) == sorted(c for c, _ in MEMBERS)
    comparator_group_load(actor=system_user(), stdout=out)
    assert ComparatorGroup.objects.filter(name=GROUP_NAME).count() == 1
    assert "already loaded" in out.getvalue()


def test_demo_victim_based_change_is_within_normal_variation():
    totals = {0: 0, 1: 0}
    for month_key, district, crime_type, n in demo_counts():
        if district == "Tonbridge and Malling" and crime_type in VICTIM_BASED:
            year = 0 if month_key < "2019-04" else 1
            totals[year] += n
    assert totals == {0: 8360, 1: 8394}
    result = change_significance(totals[0], totals[1])
    assert result is not None and result.words == "Within normal variation"
