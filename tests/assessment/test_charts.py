"""Charts: readable axes, text contrast, the same title and description in the SVG and the Word file."""

import io
import re
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from PIL import Image

from assessment import charts
from assessment.charts.layout import Text, layout
from assessment.charts.model import BACKGROUND, CURRENT, FONT_SIZE, PREVIOUS, TEXT, WIDTH, tick_text
from assessment.charts.png import OUTPUT_SCALE, font

MONTHS = ["Apr 2019", "May 2019", "Jun 2019", "Jul 2019", "Aug 2019", "Sep 2019"]
MONTHS += ["Oct 2019", "Nov 2019", "Dec 2019", "Jan 2020", "Feb 2020", "Mar 2020"]
COUNTS = [930, 983, 982, 1026, 1005, 941, 928, 889, 876, 853, 843, 899]
BEFORE = [912, 951, 968, 1000, 981, 924, 901, 864, 849, 836, 820, 879]


def trend() -> charts.Chart:
    return charts.line_chart(
        "Crime by month <TM>",
        MONTHS,
        COUNTS,
        previous=BEFORE,
        current_label="2019/20",
        previous_label="2018/19",
    )


def test_trend_axis_fits_the_data_not_zero():
    ticks = charts.axis_ticks([*COUNTS, *BEFORE])
    assert ticks == [800, 850, 900, 950, 1000, 1050]
    assert [tick_text(t, ticks) for t in ticks][-2:] == ["1,000", "1,050"]
    assert "runs from 800 to 1,050, not from zero" in trend().desc


@pytest.mark.parametrize(
    ("values", "from_zero", "expected"),
    [
        ([3860, 120, 5], True, [0, 1000, 2000, 3000, 4000]),  # bars always start at zero
        ([10, 9, 8], False, [0, 2, 4, 6, 8, 10]),  # small whole numbers: a step of 1 is not a slump
        ([5, 40], False, [0, 10, 20, 30, 40]),  # lowest under 40% of the highest
        ([66, 84], False, [65, 70, 75, 80, 85]),
        ([0.2, 0.3], False, [0.2, 0.22, 0.24, 0.26, 0.28, 0.3]),
        ([], False, [0, 1]),
        ([0, 0], False, [0, 1]),
    ],
)
def test_axis_ticks(values, from_zero, expected):
    assert charts.axis_ticks(values, from_zero=from_zero) == pytest.approx(expected)


def test_tick_labels_show_the_decimals_the_step_needs():
    assert [tick_text(t, [0.2, 0.22]) for t in (0.2, 0.22)] == ["0.20", "0.22"]
    assert tick_text(2.5, [0, 2.5]) == "2.5"


def test_text_is_large_and_dark_enough():
    assert FONT_SIZE * 480 / WIDTH >= 12  # ≥ 12 px whenever the chart is drawn at least 480 px wide
    assert charts.contrast(TEXT, BACKGROUND) >= 4.5
    assert charts.contrast(CURRENT, BACKGROUND) >= 4.5 and charts.contrast(PREVIOUS, BACKGROUND) >= 4.5
    assert round(charts.contrast("#000000", "#ffffff"), 1) == 21.0


def test_svg_has_title_desc_readable_text_and_no_rotated_labels():
    svg = str(trend())
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "<title id=" in svg and "Crime by month &lt;TM&gt;</title>" in svg
    assert re.search(r"<desc id=\"[^\"]+\">Line chart of 12 months from Apr 2019 to Mar 2020\.", svg)
    assert f'font-size="{FONT_SIZE}"' in svg and f'fill="{TEXT}"' in svg
    assert f'<rect width="{WIDTH}"' in svg and f'fill="{BACKGROUND}"' in svg  # the text's background
    assert "rotate" not in svg
    labels = re.findall(r">([^<>]+)</text>", svg)
    assert labels[:6] == ["800", "850", "900", "950", "1,000", "1,050"]
    assert "Apr" in labels and "2019" in labels and "2020" in labels and labels.count("2019") == 1
    assert "2019/20" in labels and "2018/19" in labels  # the legend
    assert "stroke-dasharray" in svg  # the previous period


def test_labels_do_not_overlap():
    for chart in (trend(), charts.bar_chart("Types", ["Violence and sexual offences", "Drugs"], [3860, 166])):
        _, _, shapes = layout(chart)
        boxes = []
        for t in shapes:
            if isinstance(t, Text):
                width = font(FONT_SIZE).getlength(t.text)
                left = {"start": t.x, "middle": t.x - width / 2, "end": t.x - width}[t.anchor]
                boxes.append((left, t.y - FONT_SIZE, left + width, t.y + 4, t.text))
        for i, a in enumerate(boxes):
            assert a[0] >= 0 and a[2] <= WIDTH, a
            for b in boxes[i + 1 :]:
                assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_png_is_drawn_with_the_same_layout():
    chart = trend()
    width, height, _ = layout(chart)
    image = Image.open(io.BytesIO(chart.png()))
    assert image.format == "PNG" and image.size == (width * OUTPUT_SCALE, height * OUTPUT_SCALE)
    pixels = image.convert("RGB")
    colours = {pixels.getpixel((x, y)) for x in range(0, image.width, 3) for y in range(0, image.height, 3)}
    assert (0x1D, 0x70, 0xB8) in colours  # the current line
    assert any(max(c) < 60 for c in colours)  # dark text


def test_bar_chart_lists_the_largest_in_its_description():
    chart = charts.bar_chart("By type", ["Burglary", "Drugs", "Robbery"], [10, 30, 0])
    assert chart.desc == "Bar chart. Drugs 30; Burglary 10; Robbery 0"
    assert chart.ticks[0] == 0


@pytest.mark.django_db
def test_word_document_has_the_charts_with_alt_text_and_tables(client, world, assessment):
    from assessment.analysis import Period
    from assessment.report import build_document
    from tests.assessment.helpers import fill_period

    fill_period(Period.plan_year(2019), {"Burglary": 10, "Shoplifting": 30, "Anti-social behaviour": 5})
    fill_period(Period.plan_year(2018), {"Burglary": 8, "Shoplifting": 30, "Anti-social behaviour": 4})
    client.force_login(world.member)
    response = client.get(f"/partnerships/test-csp/assessment/{assessment.slug}/document.docx")
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
    document_data = build_document(assessment)
    analysis, series = document_data["analysis"], document_data["x"]["series"]
    charts_in_order = [
        analysis["trend_chart"],
        analysis["type_chart"],
        series["monthly_chart"],
        series["seasonal_chart"],
    ]
    assert len(media) == 4 and all(n.endswith(".png") for n in media)
    document = docx.Document(io.BytesIO(response.content))
    body = list(document.element.body)
    pictures = [(i, e) for i, e in enumerate(body) if e.findall(f".//{qn('wp:docPr')}")]
    assert len(pictures) == 4
    for (index, paragraph), chart in zip(pictures, charts_in_order, strict=True):
        doc_pr = paragraph.find(f".//{qn('wp:docPr')}")
        assert doc_pr.get("descr") and doc_pr.get("descr") == chart.desc
        assert doc_pr.get("title") == chart.title
        assert body[index + 1].tag == qn("w:tbl")  # the table of the same numbers right after it
