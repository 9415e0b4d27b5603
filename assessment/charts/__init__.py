"""Accessible charts: SVG (role="img", <title>, <desc>) on pages and in the PDF, PNG with the same
alt text in the Word document. The template or document always shows the numbers in a table too."""

from assessment.charts.model import Chart, Series, axis_ticks, bar_chart, contrast, line_chart

__all__ = ["Chart", "Series", "axis_ticks", "bar_chart", "contrast", "line_chart"]
