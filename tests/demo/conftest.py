import pytest


@pytest.fixture
def crime_store(tmp_path, settings):  # type: ignore[no-untyped-def]
    """A test's own Parquet folder and media folder (the demo's crime data import writes there)."""
    settings.CRIME_DATA_DIR = tmp_path / "store"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.CRIME_DATA_DIR
