"""The analysis never opens on a year of zeros; documents keep their headings in order."""

import datetime
import io

import pytest
from django.urls import reverse

from assessment.analysis import Period
from assessment.selectors.crime import default_analysis_period
from tests.assessment.helpers import fill_period, kent

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2021, 6, 1)


def test_default_period_is_the_plan_year_with_data():
    force = [kent().pk]
    assert default_analysis_period(2020, force, TODAY) == Period.plan_year(
        2020
    )  # nothing imported: last complete year
    fill_period(Period(datetime.date(2019, 4, 1), datetime.date(2019, 6, 1)), {"Burglary": 1})
    assert default_analysis_period(2020, force, TODAY) == Period.plan_year(2019)  # latest data is 2019/20
    assert default_analysis_period(None, force, TODAY) == Period.plan_year(2019)
    fill_period(Period(datetime.date(2020, 4, 1), datetime.date(2020, 4, 1)), {"Burglary": 1})
    assert default_analysis_period(2020, force, TODAY) == Period.plan_year(2020)  # current year has data


def test_analysis_page_opens_on_data_and_says_what_is_missing(client, world, assessment):
    plan_year = world.partnership.plan_years.get(slug="2020-21")
    world.partnership.current_plan_year = plan_year
    world.partnership.save()
    fill_period(Period(datetime.date(2019, 4, 1), datetime.date(2019, 9, 1)), {"Burglary": 2})
    client.force_login(world.member)
    page = client.get(reverse("assessment:analysis", args=["test-csp"])).content.decode()
    assert "Tonbridge and Malling, 2019/20, compared with 2018/19" in page
    assert "6 of the 12 months of 2019/20 have not been imported" in page
    empty = client.get(
        reverse("assessment:analysis", args=["test-csp"]), {"start": "2020-04", "end": "2021-03"}
    )
    assert "No month of 2020/21 has been imported" in empty.content.decode()


def test_word_headings_never_skip_a_level_and_pdf_says_document(client, world, assessment):
    import docx

    fill_period(Period.plan_year(2019), {"Burglary": 2})
    client.force_login(world.member)
    response = client.get(reverse("assessment:docx", args=["test-csp", "2021-22"]))
    document = docx.Document(io.BytesIO(response.content))
    levels = [
        int(p.style.name.split()[-1]) for p in document.paragraphs if p.style.name.startswith("Heading ")
    ]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))
    from assessment import report
    from assessment.documents.pdf import assessment_html

    assessment.is_example = True
    html = assessment_html(report.build_document(assessment, with_hotspots=False))
    assert "This document uses made-up example data" in html and "This page uses" not in html
