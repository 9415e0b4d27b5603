import pytest

from assessment import services
from tests.assessment.helpers import district


@pytest.fixture
def assessment(world):
    """An assessment 2021-22 of the world's partnership (districts: Tonbridge and Malling)."""
    world.partnership.districts.add(district())
    return services.assessment_create(partnership=world.partnership, slug="2021-22", actor=world.coordinator)
