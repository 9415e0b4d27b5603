"""The outcome letter in plain English, as a tagged PDF and a Word document (core.documents)."""

from dataclasses import dataclass

from django.template.loader import render_to_string

from casereviews.selectors import ApplicationFile
from core.documents import word
from core.documents.pdf import html_to_pdf


@dataclass(frozen=True)
class Letter:
    title: str
    partnership: str
    to: str
    date: str
    reference: str
    paragraphs: tuple[str, ...]
    recommendations: tuple[str, ...]
    closing: tuple[str, ...]
    is_example: bool


def _day(value: object) -> str:
    return f"{value:%-d %B %Y}" if value else ""


def letter_of(file: ApplicationFile) -> Letter:
    """The letter's words from the application and its review (the review must exist)."""
    application, review = file.application, file.review
    if review is None:
        raise ValueError("An outcome letter needs a review.")
    partnership = application.partnership
    paragraphs = [
        f"Thank you for your application for an ASB Case Review, which we received on "
        f"{_day(application.application_date)}. Your reference is {application.reference}.",
    ]
    if review.meeting_date:
        paragraphs.append(
            f"The organisations involved met on {_day(review.meeting_date)} to look again at how they "
            "responded to the anti-social behaviour you reported."
        )
    if review.outcome:
        paragraphs.append("What the review found:")
        paragraphs.extend(line.strip() for line in review.outcome.splitlines() if line.strip())
    recommendations = tuple(
        f"{item.owner} will: {item.text.strip()} (by {_day(item.due_date)})" for item in file.recommendations
    )
    if not recommendations:
        paragraphs.append("The review did not make any recommendations for further action.")
    closing = [
        "If you are unhappy with how your application was handled, you can ask for this to be looked at again."
        + (
            f" {file.procedure.dissatisfaction_body} will consider your request."
            if file.procedure and file.procedure.dissatisfaction_body
            else ""
        ),
    ]
    if application.contact_officer:
        closing.append(f"Your contact for this review is {application.contact_officer}.")
    if partnership.phone or partnership.email:
        ways = " or ".join(x for x in (partnership.phone, partnership.email) if x)
        closing.append(f"You can contact us on {ways}.")
    closing.append(f"Yours sincerely,\n{partnership.name}")
    return Letter(
        title=f"Outcome of your ASB Case Review ({application.reference})",
        partnership=partnership.name,
        to=application.applicant_name,
        date=_day(review.outcome_letter_date or review.meeting_date),
        reference=application.reference,
        paragraphs=tuple(paragraphs),
        recommendations=recommendations,
        closing=tuple(closing),
        is_example=application.is_example,
    )


def letter_html(letter: Letter) -> str:
    return render_to_string("casereviews/letter.html", {"letter": letter})


def letter_pdf(letter: Letter) -> bytes:
    return html_to_pdf(letter_html(letter))


def letter_docx(letter: Letter) -> bytes:
    document = word.new_document(
        title=letter.title, author=letter.partnership, subject="ASB Case Review outcome", draft=False
    )
    if letter.is_example:
        word.add_paragraph(document, "Example data — not a real letter")
    word.add_heading(document, letter.title, 1)
    word.add_paragraph(document, letter.date)
    word.add_paragraph(document, f"Dear {letter.to},")
    for text in letter.paragraphs:
        word.add_paragraph(document, text)
    if letter.recommendations:
        word.add_heading(document, "What will happen next", 2)
        for text in letter.recommendations:
            word.add_paragraph(document, text, style="List Bullet")
    for text in letter.closing:
        word.add_paragraph(document, text)
    return word.to_bytes(document)
