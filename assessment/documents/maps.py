"""The crime map in the Word document: a heading kept with the picture (alt text = the SVG's title
and description), the shading classes and the highest areas as tables."""

import io
from typing import Any

from django.contrib.humanize.templatetags.humanize import intcomma
from docx.shared import Cm

from core.documents.word import add_heading, add_paragraph, add_table
from core.text import xml_safe

ROWS = 10


def add_map(document: Any, r: dict[str, Any], *, level: int = 2) -> None:
    m = r["map"]
    heading = add_heading(document, f"Map: {r['title']}", level=level)
    heading.paragraph_format.keep_with_next = True
    picture = document.add_picture(io.BytesIO(m.png()), width=Cm(15))
    doc_pr = picture._inline.docPr
    doc_pr.set("title", xml_safe(m.title))
    doc_pr.set("descr", xml_safe(m.desc))
    document.paragraphs[-1].paragraph_format.keep_with_next = True
    for note in r["notes"]:
        add_paragraph(document, note)
    unit = "LSOAs" if r["kind"] == "lsoa" else "Hexagons"
    add_table(
        document,
        ["Class", unit, r["what"].capitalize()],
        [[c["text"], str(intcomma(c["areas"])), str(intcomma(c["count"]))] for c in r["classes"]],
        row_headers=True,
    )
    rows = r["rows"][:ROWS]
    if not rows:
        return
    if r["kind"] == "lsoa":
        headers = ["LSOA", "Code", r["what"].capitalize()]
        if r["population_table"]:
            headers += ["Population", "Per 1,000 residents"]
        body = []
        for row in rows:
            line = [row["name"], row["code"], str(intcomma(row["count"]))]
            if r["population_table"]:
                line += [
                    "No figure" if row["population"] is None else str(intcomma(row["population"])),
                    "No figure" if row["value"] is None else str(row["value"]),
                ]
            body.append(line)
    else:
        headers = ["Around", "LSOA", "Latitude, longitude", r["what"].capitalize()]
        body = [
            [row["name"], row["code"], f"{row['lat']:.4f}, {row['lon']:.4f}", str(intcomma(row["count"]))]
            for row in rows
        ]
    add_paragraph(
        document,
        f"The {len(rows)} {'LSOAs' if r['kind'] == 'lsoa' else 'hexagons'} with the most {r['map'].measure}:",
    )
    add_table(document, headers, body, row_headers=True)
