"""Building a document has a time budget; running out of it is a clear message, never a hang."""

import time

import pytest
from django.test import override_settings

from core.documents.pdf import html_to_pdf
from core.documents.time_limit import DocumentTooSlow, document_time_limit


def test_a_slow_build_is_stopped_with_a_sentence():
    started = time.monotonic()
    with (
        pytest.raises(DocumentTooSlow, match="took longer than 0.2 seconds"),
        document_time_limit("PDF", 0.2),
    ):
        while True:
            time.sleep(0.01)
    assert time.monotonic() - started < 2


def test_the_alarm_is_cleared_after_a_quick_build():
    with document_time_limit("PDF", 0.5):
        pass
    time.sleep(0.7)  # no stray alarm fires after the block


@override_settings(DOCUMENT_TIME_LIMIT_SECONDS=0.05)
def test_weasyprint_is_interrupted_by_the_budget():
    body = "".join(f"<p>{'word ' * 200}</p>" for _ in range(400))
    with pytest.raises(DocumentTooSlow):
        html_to_pdf(f"<html lang='en'><title>t</title><body>{body}</body></html>")


@pytest.mark.django_db
def test_a_page_that_runs_out_of_time_says_so(client, world, monkeypatch):
    import publishing.render.pdf as pdf

    def too_slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise DocumentTooSlow("Building the PDF took longer than 60 seconds and was stopped.")

    monkeypatch.setattr(pdf, "html_to_pdf", too_slow)
    client.force_login(world.member)
    response = client.get(f"/partnerships/{world.partnership.slug}/plan-documents/2020-21/draft.pdf")
    assert response.status_code == 503, response.status_code
    assert "took longer than 60 seconds" in response.content.decode()
