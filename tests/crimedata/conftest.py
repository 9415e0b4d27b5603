import pytest


@pytest.fixture(autouse=True)
def crime_store(tmp_path, settings):  # type: ignore[no-untyped-def]
    """Every test gets its own Parquet folder and media folder."""
    settings.CRIME_DATA_DIR = tmp_path / "store"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.CRIME_DATA_DIR
