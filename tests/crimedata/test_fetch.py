"""fetch_police_uk against a local HTTP server serving a generated archive."""

import functools
import http.server
import threading
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command

from crimedata.models import ForceMonth
from tests.crimedata.helpers import HEADER, row

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive_server(tmp_path):  # type: ignore[no-untyped-def]
    served = tmp_path / "served"
    served.mkdir()
    with zipfile.ZipFile(served / "2019-11.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for month in ("2019-09", "2019-10", "2019-11"):
            for force in ("kent", "essex"):
                z.writestr(f"{month}/{month}-{force}-street.csv", HEADER + "\r\n" + row(month=month) + "\r\n")
                z.writestr(f"{month}/{month}-{force}-outcomes.csv", "not read")
    requests: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # type: ignore[no-untyped-def]
            requests.append(self.path)

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(served))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{{month}}.zip", requests
    server.shutdown()
    server.server_close()


def test_fetch_imports_missing_months_then_skips(archive_server, settings):
    url, requests = archive_server
    settings.POLICE_UK_ARCHIVE_URL = url
    out = StringIO()
    call_command("fetch_police_uk", "--force", "kent", "--from", "2019-09", "--to", "2019-12", stdout=out)
    text = out.getvalue()
    # 2019-12's archive is missing (404); 2019-11's holds the three earlier months.
    assert "Imported 3 force-month(s)" in text and "Not in the archives: kent 2019-12" in text
    assert sorted(f"{m:%Y-%m}" for m in ForceMonth.objects.values_list("month", flat=True)) == [
        "2019-09",
        "2019-10",
        "2019-11",
    ]
    assert not ForceMonth.objects.filter(force__slug="essex").exists()
    requests.clear()
    out = StringIO()
    call_command("fetch_police_uk", "--force", "kent", "--from", "2019-09", "--to", "2019-11", stdout=out)
    assert "0 force-month(s)" in out.getvalue() and "3 already imported" in out.getvalue()
    assert requests == []
