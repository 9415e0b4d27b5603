import pytest
from django.core.cache import cache

from assessment import services
from tests.assessment.helpers import district


@pytest.fixture
def assessment(world):
    """An assessment 2021-22 of the world's partnership (districts: Tonbridge and Malling)."""
    world.partnership.districts.add(district())
    return services.assessment_create(partnership=world.partnership, slug="2021-22", actor=world.coordinator)


@pytest.fixture(autouse=True)
def _fresh_analysis_cache():
    """Each test starts with an empty cache (the analysis is cached by crime-data version)."""
    cache.clear()
    yield
    cache.clear()
