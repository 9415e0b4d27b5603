"""demo.score: example rules on the demo assessment's criteria give suggestions; loading twice
changes nothing."""

import io
from types import SimpleNamespace

import pytest

from assessment.models import ScoringCriterion
from assessment.scoring_data import suggestions
from core.actors import system_user
from demo.assessment import assessment_load
from demo.score import EXAMPLE_RULES, score_rules_load
from tests.demo.test_assessment import demo_world  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def test_example_rules_suggest_scores_and_load_once(demo_world):  # noqa: F811
    actor, out = system_user(), io.StringIO()
    assessment = assessment_load(partnership=demo_world.partnership, actor=actor, stdout=out)
    result = SimpleNamespace(partnership=demo_world.partnership)
    assert score_rules_load(result, actor, out) == 3  # type: ignore[arg-type]
    ruled = ScoringCriterion.objects.filter(assessment=assessment).exclude(data_measure="")
    assert sorted(c.name for c in ruled) == sorted(EXAMPLE_RULES)
    assert all(c.data_rule_is_example for c in ruled)
    before = list(ScoringCriterion.objects.filter(assessment=assessment).values())
    assert score_rules_load(result, actor, out) == 0  # type: ignore[arg-type]
    assert list(ScoringCriterion.objects.filter(assessment=assessment).values()) == before
    assert "already set; skipped" in out.getvalue()

    issues = list(assessment.issues.all())
    criteria = list(assessment.criteria.all())
    found = suggestions(assessment, issues, criteria)
    named = {(i.title, c.name): found.get((i.pk, c.pk)) for i in issues for c in criteria}
    # 3,600 violent crimes (+1.0%, within normal variation: counts as no change), 93.8% of weighted harm.
    assert (named[("Violent crime", "Volume")], named[("Violent crime", "Trend")]) == (5, 3)
    assert named[("Violent crime", "Harm")] == 5
    # ASB: 1,692 (+16.5% on 1,452, a significant increase); not weighted, so no harm suggestion.
    key = "Anti-social behaviour including environmental crime"
    assert (named[(key, "Volume")], named[(key, "Trend")], named[(key, "Harm")]) == (4, 4, None)
    assert (named[("Burglary", "Volume")], named[("Burglary", "Harm")]) == (2, 3)
    # Themes and criteria without data rules get no suggestion.
    assert named[("Safeguarding vulnerable people", "Volume")] is None
    assert named[("Violent crime", "Public concern")] is None
