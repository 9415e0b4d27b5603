"""The crime-data pages: site administrators only; upload runs the import as a background task."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from crimedata.models import ForceMonth, ImportRun, WeightSet
from tests.crimedata.helpers import HEADER, row

pytestmark = pytest.mark.django_db


def street_upload(rows: list[str], name: str = "2019-09-kent-street.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, ("\r\n".join([HEADER, *rows]) + "\r\n").encode(), content_type="text/csv")


@pytest.mark.parametrize("url_name", ["crimedata:index", "crimedata:upload", "crimedata:reference"])
def test_others_get_404(client, world, url_name):
    client.force_login(world.coordinator)
    assert client.get(reverse(url_name)).status_code == 404


def test_upload_runs_task_and_shows_progress(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.site_admin)
    assert client.get(reverse("crimedata:upload")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("crimedata:upload"), {"file": street_upload([row(), row()])})
    run = ImportRun.objects.get()
    assert response.url == reverse("crimedata:run", args=[run.pk])
    assert (run.status, run.progress, run.rows, run.force_months) == ("done", 100, 2, 1)
    page = client.get(response.url).content.decode()
    assert "Done" in page and "kent 2019-09: 2 rows" in page and 'http-equiv="refresh"' not in page
    assert ForceMonth.objects.get().imported_by == world.site_admin
    index = client.get(reverse("crimedata:index")).content.decode()
    assert "Kent Police" in index and "September 2019" in index
    client.force_login(world.coordinator)
    assert client.get(response.url).status_code == 404


def test_failed_upload_shows_located_error(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.site_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("crimedata:upload"), {"file": street_upload([row(lon="x")])})
    run = ImportRun.objects.get()
    assert run.status == "failed" and "2019-09-kent-street.csv, line 2, column 5" in run.message
    assert "Failed" in client.get(response.url).content.decode()
    assert not ForceMonth.objects.exists()


def test_running_page_refreshes_and_polls(client, world):
    from tests.crimedata.test_input_safety import lock_held_elsewhere

    run = ImportRun.objects.create(file_name="x.zip", status="running", progress=40)
    client.force_login(world.site_admin)
    with lock_held_elsewhere():  # the import is alive in a worker
        page = client.get(reverse("crimedata:run", args=[run.pk])).content.decode()
        fragment = client.get(
            reverse("crimedata:run", args=[run.pk]), HTTP_HX_REQUEST="true"
        ).content.decode()
    assert 'http-equiv="refresh"' in page and 'value="40"' in page and "hx-get" in page
    assert fragment.startswith('<div id="run-status"')


def test_wrong_file_type_is_a_form_error(client, world):
    client.force_login(world.site_admin)
    response = client.post(reverse("crimedata:upload"), {"file": SimpleUploadedFile("a.txt", b"x")})
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()


def test_reference_upload_page(client, world):
    client.force_login(world.site_admin)
    data = {
        "weights-file": SimpleUploadedFile("w.csv", b"crime type,weight\nBurglary,2\n"),
        "weights-name": "Test", "weights-version": "1", "weights-source": "Made up", "weights-is_example": "on",
    }  # fmt: skip
    response = client.post(reverse("crimedata:reference_upload", args=["weights"]), data)
    assert response.status_code == 302 and WeightSet.objects.get().is_example
    data["weights-file"] = SimpleUploadedFile("w.csv", b"crime type,weight\nBurglary,-2\n")
    page = client.post(reverse("crimedata:reference_upload", args=["weights"]), data).content.decode()
    assert "govuk-error-summary" in page and "w.csv, line 2" in page
