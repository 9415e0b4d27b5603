"""Forms that add a record to a case (people, risk, incidents, tasks, notes, documents, access,
enforcement), marking a task done, and a document's file served through the case's door."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from casework import access, selectors, services
from casework.forms import (
    DocumentForm,
    EnforcementForm,
    GrantForm,
    IncidentForm,
    LinkPersonForm,
    NewPersonForm,
    NoteForm,
    RiskForm,
    TaskForm,
)
from casework.models import Case
from casework.storage import document_response
from casework.views.common import case_url, case_work_view, crumbs
from core.access import NotFound, Purpose
from core.views import run_service
from partnership.models import Partnership


@dataclass(frozen=True)
class Kind:
    title: str
    purpose: Purpose
    form: Callable[[HttpRequest, Partnership, Case], forms.Form]
    save: Callable[[HttpRequest, Case, dict[str, Any]], Any]
    done: str
    files: bool = False


def _orgs(request: HttpRequest, p: Partnership) -> Any:
    return selectors.organisations(request.user, p)


def _data(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


KINDS: dict[str, Kind] = {
    "person_add": Kind(
        "Add a new person to the case",
        Purpose.REPORT,
        lambda r, p, c: NewPersonForm(_data(r), bases=selectors.lawful_bases(r.user, p)),
        lambda r, c, d: services.person_add_to_case(actor=r.user, case=c, **d),
        "Person added.",
    ),
    "person_link": Kind(
        "Add someone already known to the case",
        Purpose.REPORT,
        lambda r, p, c: LinkPersonForm(_data(r), people=selectors.linkable_people(r.user, p)),
        lambda r, c, d: services.person_link(actor=r.user, case=c, person=d["person"], role=d["role"]),
        "Person added.",
    ),
    "risk": Kind(
        "Assess the risk",
        Purpose.REPORT,
        lambda r, p, c: RiskForm(_data(r), questions=c.case_type.risk_questions or []),
        lambda r, c, d: services.risk_assess(
            actor=r.user,
            case=c,
            assessed_on=d["assessed_on"],
            answers={k[2:]: v for k, v in d.items() if k.startswith("q_")},
        ),
        "Risk assessed.",
    ),
    "incident": Kind(
        "Add an incident or complaint",
        Purpose.REPORT,
        lambda r, p, c: IncidentForm(_data(r), organisations=_orgs(r, p)),
        lambda r, c, d: services.incident_add(actor=r.user, case=c, **d),
        "Incident added.",
    ),
    "task": Kind(
        "Add a task",
        Purpose.REPORT,
        lambda r, p, c: TaskForm(_data(r), organisations=_orgs(r, p), people=selectors.case_workers(p)),
        lambda r, c, d: services.task_add(actor=r.user, case=c, **d),
        "Task added.",
    ),
    "note": Kind(
        "Add a note",
        Purpose.REPORT,
        lambda r, p, c: NoteForm(_data(r)),
        lambda r, c, d: services.note_add(actor=r.user, case=c, **d),
        "Note added.",
    ),
    "document": Kind(
        "Add a document",
        Purpose.REPORT,
        lambda r, p, c: DocumentForm(_data(r), r.FILES if r.method == "POST" else None),
        lambda r, c, d: services.document_upload(actor=r.user, case=c, title=d["title"], upload=d["upload"]),
        "Document added.",
        files=True,
    ),
    "grant": Kind(
        "Give access to this case",
        Purpose.MANAGE,
        lambda r, p, c: GrantForm(_data(r), people=selectors.case_workers(p), organisations=_orgs(r, p)),
        lambda r, c, d: services.case_grant_add(actor=r.user, case=c, **d),
        "Access given.",
    ),
    "enforcement": Kind(
        "Record enforcement",
        Purpose.REPORT,
        lambda r, p, c: EnforcementForm(
            _data(r), people=selectors.case_people(r.user, c), organisations=_orgs(r, p)
        ),
        lambda r, c, d: services.enforcement_add(actor=r.user, case=c, **d),
        "Enforcement recorded.",
    ),
}


def _record_view(kind_name: str) -> Callable[..., HttpResponseBase]:
    kind = KINDS[kind_name]

    @case_work_view
    def view(request: HttpRequest, p: Partnership, pk: int) -> HttpResponse:
        case = access.access_case_by_id(request.user, pk, for_=kind.purpose, partnership=p)
        form = kind.form(request, p, case)
        if request.method == "POST" and form.is_valid():
            _, ok = run_service(form, lambda **_: kind.save(request, case, form.cleaned_data))
            if ok:
                messages.success(request, kind.done)
                return redirect(case_url(p, case.pk))
        return render(
            request,
            "casework/form.html",
            {
                "partnership": p,
                "form": form,
                "case": case,
                "multipart": kind.files,
                "page_title": kind.title,
                "caption": f"Case {case.reference}",
                "breadcrumbs": crumbs(p, (f"Case {case.reference}", case_url(p, case.pk))),
                "cancel": case_url(p, case.pk),
                "submit": "Save",
            },
        )

    view.__name__ = kind_name
    return view


person_add = _record_view("person_add")
person_link = _record_view("person_link")
risk_assess = _record_view("risk")
incident_add = _record_view("incident")
task_add = _record_view("task")
note_add = _record_view("note")
document_add = _record_view("document")
grant_add = _record_view("grant")
enforcement_add = _record_view("enforcement")


@case_work_view
@require_POST
def task_done(request: HttpRequest, p: Partnership, pk: int, task: int) -> HttpResponse:
    case = access.access_case_by_id(request.user, pk, for_=Purpose.REPORT, partnership=p)
    found = access.access_task_by_id(request.user, task, for_=Purpose.REPORT, case=case)
    _, ok = run_service(None, services.task_done, actor=request.user, task=found)
    if ok:
        messages.success(request, f"Task “{found.title}” marked done.")
    if request.POST.get("next") == "list":
        return redirect("casework:cases", partnership=p.slug)
    return redirect(case_url(p, case.pk))


@case_work_view
def document_file(request: HttpRequest, p: Partnership, pk: int, document: int) -> HttpResponseBase:
    """The file, only after the case's door and the document's door (both audited)."""
    case = access.access_case_by_id(request.user, pk, partnership=p)
    found = access.access_case_document_by_id(request.user, document, case=case)
    name = found.file.name or ""
    if not name or not found.file.storage.exists(name):
        raise NotFound("The document's file is missing.")
    suffix = name[name.rfind(".") :] if "." in name else ""
    return document_response(found.file, filename=f"case-{case.reference}-document-{found.pk}{suffix}")
