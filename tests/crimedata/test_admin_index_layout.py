"""Issue 8.8: the admin home page's crime-data links read as lines of text, not one letter per line.

The admin dashboard's CSS (`dashboard.css`) gives a module table's `th` `width: 100%` and its `td`
`white-space: nowrap`: a link in a `th` beside a long description in a `td` was squeezed to one letter
per line. The links are a list, outside that rule.
"""

import re
from pathlib import Path

import django
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

DASHBOARD_CSS = Path(django.__file__).parent / "contrib/admin/static/admin/css/dashboard.css"


def test_crime_data_links_are_a_list_not_a_dashboard_table(client, world):
    client.force_login(world.site_admin)
    page = client.get(reverse("admin:index")).content.decode()
    module = re.search(r'<div class="module" id="csp-crime-data">(.*?)</div>', page, re.DOTALL)
    assert module, "the crime data module is on the admin index"
    html = module.group(1)
    assert "<table" not in html and "<th" not in html and "<td" not in html
    for name in ("crimedata:upload", "crimedata:index", "crimedata:reference"):
        assert re.search(rf'<li><a href="{re.escape(reverse(name))}">[^<]+</a>: [^<]+</li>', html), name
    # The rule that squeezed the table is still Django's: the list must stay out of it.
    assert ".dashboard .module table td" in DASHBOARD_CSS.read_text()
