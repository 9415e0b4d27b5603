"""How long hostile Markdown takes to become a PDF and a Word file (the parser's limits at work).

    .venv/bin/python benchmarks/pathological_markdown.py [--sizes 10000 40000]

Each case is one narrative of repeated `unit`, rendered as the documents do: render_markdown →
HTML → WeasyPrint (PDF/UA-1), and add_markdown → python-docx. Prints seconds per step.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csphub.test_settings")

UNITS = ["*a", "**a", "*a* a ", "[a](b) ", "`a` ", "> ", "- ", "a  \n"]


def main() -> None:
    import django

    django.setup()
    from core.documents.markdown_docx import add_markdown
    from core.documents.pdf import html_to_pdf
    from core.documents.word import new_document, to_bytes
    from core.text import render_markdown

    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 40_000])
    args = parser.parse_args()
    html_to_pdf("<html lang='en'><title>warm-up</title><p>fonts</p></html>")
    for unit in UNITS:
        for size in args.sizes:
            text = unit * (size // len(unit))
            start = time.perf_counter()
            body = render_markdown(text)
            html_to_pdf(f"<html lang='en'><title>t</title><body>{body}</body></html>")
            pdf = time.perf_counter() - start
            start = time.perf_counter()
            document = new_document(title="t", author="a", subject="s", draft=False)
            add_markdown(document, text)
            to_bytes(document)
            word = time.perf_counter() - start
            print(f"{unit!r:>10} {size:>6} chars   PDF {pdf:6.2f} s   Word {word:6.2f} s", flush=True)


if __name__ == "__main__":
    main()
