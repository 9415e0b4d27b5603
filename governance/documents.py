"""Approved minutes as a tagged PDF and a Word document (core.documents), like the plan's documents.

User text reaches the PDF only through Django's autoescaping template and `core.documents.pdf`
(`xml_safe`), and the Word document only through the `core.documents.word` helpers."""

from dataclasses import dataclass

from django.template.loader import render_to_string

from core.documents import word
from core.documents.pdf import html_to_pdf
from governance.models import AgendaItem, Attendance, Meeting, MeetingAction


@dataclass(frozen=True)
class Minutes:
    meeting: Meeting
    items: list[AgendaItem]
    attendance: list[Attendance]
    actions: list[tuple[MeetingAction, str]]  # the action and its owner's label

    @property
    def title(self) -> str:
        return f"Minutes: {self.meeting.series.name}, {self.meeting.local_start:%-d %B %Y}"

    @property
    def approved_line(self) -> str:
        approved = self.meeting.minutes_approved_at
        return f"Approved at the meeting of {approved.local_start:%-d %B %Y}." if approved else ""

    @property
    def has_example(self) -> bool:
        return self.meeting.is_example or any(i.is_example for i in self.items)


def minutes_html(minutes: Minutes) -> str:
    return render_to_string("governance/minutes_document.html", {"minutes": minutes})


def minutes_pdf(minutes: Minutes) -> bytes:
    return html_to_pdf(minutes_html(minutes))


def minutes_docx(minutes: Minutes) -> bytes:
    meeting = minutes.meeting
    document = word.new_document(
        title=minutes.title, author=meeting.series.partnership.name, subject="Approved minutes", draft=False
    )
    word.add_heading(document, minutes.title, 0)
    word.add_paragraph(document, f"{meeting.local_start:%A %-d %B %Y, %H:%M}. {meeting.place or 'Online'}.")
    word.add_paragraph(document, minutes.approved_line)
    if minutes.has_example:
        word.add_paragraph(document, "Example data — not official minutes.")
    if minutes.attendance:
        word.add_heading(document, "Attendance", 1)
        word.add_table(
            document,
            ["Organisation", "Attendance"],
            [
                [
                    a.organisation.name,
                    a.get_status_display() + (f": {a.substitute_name}" if a.substitute_name else ""),
                ]
                for a in minutes.attendance
            ],
            row_headers=True,
        )
    for number, item in enumerate(minutes.items, start=1):
        word.add_heading(document, f"{number}. {item.title}", 1)
        for line in (item.minutes or "No minutes recorded.").split("\n"):
            if line.strip():
                word.add_paragraph(document, line)
        if item.decisions:
            word.add_heading(document, "Decisions", 2)
            for line in item.decisions.split("\n"):
                if line.strip():
                    word.add_paragraph(document, line)
    if minutes.actions:
        word.add_heading(document, "Actions", 1)
        word.add_table(
            document,
            ["Action", "Owner", "Due"],
            [[a.text, owner, f"{a.due_date:%-d %B %Y}"] for a, owner in minutes.actions],
        )
    return word.to_bytes(document)
