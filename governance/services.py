"""Changes to meetings: series, meetings, agenda items and papers, attendance, minutes and actions.

Every service checks access through `governance.access`, runs in one transaction and saves with
`core.history.save_as`, so history and the audit log name the actor.
"""

import datetime
import hashlib
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from assessment.models import CommunityView
from core.actors import Actor, is_signed_in, person_id
from core.errors import AccessDenied, ServiceError
from core.history import delete_as, save_as
from governance import access
from governance.calendar import (
    ASB_CASE_REVIEW_FIGURES,
    LOCAL_PRACTICE_RULE,
    PLAN_TO_POLICING_BODY,
    STANDARD_DUTIES,
)
from governance.models import (
    PAPER_TYPES,
    PROTECTED_CHARACTERISTICS,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    CalendarFeed,
    Confidentiality,
    Duty,
    Engagement,
    EngagementKind,
    EqualityImpactAssessment,
    GovernanceSettings,
    Meeting,
    MeetingAction,
    MeetingSeries,
    MinutesState,
    PlanSent,
)
from partnership import access as partnership_access
from partnership.models import Membership, Organisation, Partnership
from planning.models import PlanYear, Strategy
from publishing.models import PlanPublication

MAX_PAPER_BYTES = 20 * 1024 * 1024
# The first bytes each stored format starts with (a .docx and .xlsx are ZIP files).
MAGIC = {".pdf": b"%PDF-", ".docx": b"PK\x03\x04", ".xlsx": b"PK\x03\x04"}


def _require_manager(actor: Actor, series: MeetingSeries) -> None:
    if not access.can_manage_series(actor, series):
        raise AccessDenied("Only the partnership coordinator can change this meeting series.")


def _clean(text: str, what: str, example: str) -> str:
    cleaned = (text or "").strip()
    if not cleaned:
        raise ServiceError(f"Enter the {what}, for example “{example}”.")
    return cleaned


def _check_people(partnership: Partnership, users: Iterable[object]) -> list[int]:
    ids = [int(getattr(u, "pk", u)) for u in users]  # type: ignore[call-overload]
    members = set(
        Membership.objects.filter(partnership=partnership, is_active=True, user_id__in=ids).values_list(
            "user_id", flat=True
        )
    )
    if set(ids) - members:
        raise ServiceError("Every member of the series must be a member of the partnership.")
    return ids


def _check_organisations(
    partnership: Partnership, organisations: Iterable[Organisation]
) -> list[Organisation]:
    found = list(organisations)
    if any(o.partnership_id != partnership.pk for o in found):
        raise ServiceError("Every member organisation must belong to the partnership.")
    return found


@dataclass(frozen=True)
class SeriesFields:
    name: str
    purpose: str = ""
    cadence: str = ""
    chair: object | None = None  # a User
    chair_name: str = ""
    confidentiality: str = Confidentiality.PARTNERSHIP
    case_review: bool = False
    prefill_agenda: bool = False
    member_organisations: Sequence[Organisation] = ()
    members: Sequence[object] = ()  # Users
    is_example: bool = False


def _apply(series: MeetingSeries, fields: SeriesFields, actor: Actor) -> MeetingSeries:
    partnership = series.partnership
    name = _clean(fields.name, "series name", "Strategy Group")
    clash = MeetingSeries.objects.filter(partnership=partnership, name__iexact=name).exclude(pk=series.pk)
    if clash.exists():
        raise ServiceError(f"{partnership.name} already has a meeting series called “{name}”.")
    if fields.confidentiality not in Confidentiality.values:
        raise ServiceError("Choose who may see the series: all partnership members, or its members only.")
    member_ids = _check_people(partnership, fields.members)
    if fields.chair is not None:
        _check_people(partnership, [fields.chair])
    organisations = _check_organisations(partnership, fields.member_organisations)
    # Whoever makes a series confidential stays able to see it.
    confidential = fields.confidentiality == Confidentiality.MEMBERS
    if confidential and is_signed_in(actor) and person_id(actor) not in member_ids:
        member_ids.append(person_id(actor))
    series.name = name
    series.purpose = fields.purpose.strip()
    series.cadence = fields.cadence.strip()
    series.chair = fields.chair  # type: ignore[assignment]
    series.chair_name = fields.chair_name.strip()
    series.confidentiality = fields.confidentiality
    series.case_review = fields.case_review
    series.prefill_agenda = fields.prefill_agenda
    series.is_example = fields.is_example
    save_as(series, actor)
    series.member_organisations.set(organisations)
    series.members.set(member_ids)
    return series


@transaction.atomic
def meeting_series_create(*, actor: Actor, partnership: Partnership, fields: SeriesFields) -> MeetingSeries:
    if not partnership_access.is_coordinator(actor, partnership):
        raise AccessDenied("Only the partnership coordinator can add a meeting series.")
    return _apply(MeetingSeries(partnership=partnership), fields, actor)


@transaction.atomic
def meeting_series_edit(*, actor: Actor, series: MeetingSeries, fields: SeriesFields) -> MeetingSeries:
    _require_manager(actor, series)
    return _apply(series, fields, actor)


@dataclass(frozen=True)
class MeetingFields:
    starts_at: datetime.datetime
    duration_minutes: int = 120
    place: str = ""
    online_link: str = ""
    is_example: bool = False


def _check_meeting(fields: MeetingFields) -> None:
    if timezone.is_naive(fields.starts_at):
        raise ServiceError("Enter the meeting's date and time.")
    if not 5 <= fields.duration_minutes <= 24 * 60:
        raise ServiceError("Enter how long the meeting lasts in minutes, between 5 and 1440.")
    if not fields.place.strip() and not fields.online_link.strip():
        raise ServiceError("Enter where the meeting is held, an online meeting link, or both.")
    if fields.online_link and not fields.online_link.startswith("https://"):
        raise ServiceError("The online meeting link must start with https://.")


@transaction.atomic
def meeting_create(
    *, actor: Actor, series: MeetingSeries, fields: MeetingFields, agenda: Sequence[str] = ()
) -> Meeting:
    """A meeting of the series, with an agenda of the titles given (a pre-filled agenda, say)."""
    _require_manager(actor, series)
    _check_meeting(fields)
    meeting = save_as(
        Meeting(
            series=series,
            starts_at=fields.starts_at,
            duration_minutes=fields.duration_minutes,
            place=fields.place.strip(),
            online_link=fields.online_link.strip(),
            is_example=fields.is_example,
        ),
        actor,
    )
    for order, title in enumerate(agenda, start=1):
        save_as(
            AgendaItem(meeting=meeting, order=order, title=title[:300], is_example=fields.is_example), actor
        )
    return meeting


@transaction.atomic
def meeting_edit(*, actor: Actor, meeting: Meeting, fields: MeetingFields) -> Meeting:
    _require_manager(actor, meeting.series)
    _check_meeting(fields)
    meeting.starts_at = fields.starts_at
    meeting.duration_minutes = fields.duration_minutes
    meeting.place = fields.place.strip()
    meeting.online_link = fields.online_link.strip()
    return save_as(meeting, actor)


def _check_link(link: str) -> str:
    cleaned = link.strip()
    if cleaned and (not cleaned.startswith("/") or cleaned.startswith("//") or "\\" in cleaned):
        raise ServiceError(
            "The link must be a page of CSP Hub starting with /, such as /partnerships/your-csp/actions/."
        )
    return cleaned


def _check_paper(upload: UploadedFile) -> str:
    """The stored extension of an acceptable paper, or a ServiceError naming the problem."""
    name = upload.name or "paper"
    extension = Path(name).suffix.lower()
    if extension not in PAPER_TYPES:
        raise ServiceError(f"“{name}” is not a PDF, Word (.docx) or Excel (.xlsx) file.")
    if (upload.size or 0) > MAX_PAPER_BYTES:
        raise ServiceError(f"“{name}” is larger than 20 MB.")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(MAGIC[extension]):
        raise ServiceError(
            f"“{name}” is not a {extension[1:].upper()} file: its contents do not match its name."
        )
    return extension


@transaction.atomic
def agenda_item_save(
    *,
    actor: Actor,
    meeting: Meeting,
    item: AgendaItem | None = None,
    title: str,
    link: str = "",
    paper: UploadedFile | None = None,
    remove_paper: bool = False,
    minutes: str = "",
    decisions: str = "",
) -> AgendaItem:
    """Add an agenda item (item None) or change one: title, link, paper, minutes and decisions."""
    _require_manager(actor, meeting.series)
    if item is not None and item.meeting_id != meeting.pk:
        raise ServiceError("That agenda item belongs to another meeting.")
    if (
        meeting.minutes_state == MinutesState.APPROVED
        and item is not None
        and (item.minutes != minutes or item.decisions != decisions)
    ):
        raise ServiceError("The minutes of this meeting have been approved and can no longer change.")
    if item is None:
        last = (
            AgendaItem.objects.filter(meeting=meeting)
            .order_by("-order")
            .values_list("order", flat=True)
            .first()
        )
        item = AgendaItem(meeting=meeting, order=(last or 0) + 1)
    item.title = _clean(title, "agenda item's title", "Performance report")[:300]
    item.link = _check_link(link)
    item.minutes = minutes.strip()
    item.decisions = decisions.strip()
    old_paper = item.paper.name if item.paper else ""
    if paper is not None:
        extension = _check_paper(paper)
        item.paper.save(f"paper{extension}", paper, save=False)
        item.paper_name = (paper.name or f"paper{extension}")[:200]
    elif remove_paper:
        item.paper = None
        item.paper_name = ""
    save_as(item, actor)
    if old_paper and old_paper != (item.paper.name if item.paper else ""):
        storage = AgendaItem._meta.get_field("paper").storage
        transaction.on_commit(lambda: storage.delete(old_paper))
    if item.minutes and meeting.minutes_state == MinutesState.NONE:
        meeting.minutes_state = MinutesState.DRAFT
        save_as(meeting, actor, update_fields=["minutes_state"])
    return item


@transaction.atomic
def agenda_item_delete(*, actor: Actor, item: AgendaItem) -> None:
    _require_manager(actor, item.meeting.series)
    if item.meeting.minutes_state == MinutesState.APPROVED:
        raise ServiceError("The minutes of this meeting have been approved: its agenda can no longer change.")
    name = item.paper.name if item.paper else ""
    storage = AgendaItem._meta.get_field("paper").storage
    delete_as(item, actor)
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def attendance_record(
    *, actor: Actor, meeting: Meeting, rows: Sequence[tuple[Organisation, str, str]]
) -> list[Attendance]:
    """Attendance per organisation: (organisation, status, substitute's name); status "" clears it."""
    _require_manager(actor, meeting.series)
    partnership_id = meeting.series.partnership_id
    existing = {a.organisation_id: a for a in Attendance.objects.filter(meeting=meeting)}
    kept = []
    for organisation, status, substitute in rows:
        if organisation.partnership_id != partnership_id:
            raise ServiceError("Attendance can only be recorded for the partnership's organisations.")
        substitute = substitute.strip()
        record = existing.get(organisation.pk)
        if not status:
            if record is not None:
                delete_as(record, actor)
            continue
        if status not in AttendanceStatus.values:
            raise ServiceError(f"Choose present, apologies, absent or substitute for {organisation.name}.")
        if status == AttendanceStatus.SUBSTITUTE and not substitute:
            raise ServiceError(f"Enter the name of the substitute who attended for {organisation.name}.")
        if status != AttendanceStatus.SUBSTITUTE and substitute:
            raise ServiceError(f"{organisation.name}: a substitute's name goes with “Substitute sent” only.")
        if record is None:
            record = Attendance(meeting=meeting, organisation=organisation, is_example=meeting.is_example)
        elif record.status == status and record.substitute_name == substitute:
            kept.append(record)
            continue
        record.status = status
        record.substitute_name = substitute
        kept.append(save_as(record, actor))
    return kept


@transaction.atomic
def minutes_approve(*, actor: Actor, meeting: Meeting, approved_at: Meeting) -> Meeting:
    """Record that a later meeting of the same series approved the draft minutes of `meeting`."""
    _require_manager(actor, meeting.series)
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if current.minutes_state == MinutesState.APPROVED:
        raise ServiceError("These minutes have already been approved.")
    if current.minutes_state != MinutesState.DRAFT:
        raise ServiceError("Write the minutes of at least one agenda item before approving them.")
    if approved_at.series_id != meeting.series_id:
        raise ServiceError("Minutes are approved at a later meeting of the same series.")
    if approved_at.starts_at <= meeting.starts_at:
        raise ServiceError(f"Minutes are approved at a later meeting: {approved_at} is not after {meeting}.")
    meeting.minutes_state = MinutesState.APPROVED
    meeting.minutes_approved_at = approved_at
    return save_as(meeting, actor, update_fields=["minutes_state", "minutes_approved_at"])


def check_action_owner(
    meeting: Meeting, owner_organisation: Organisation, owner_person: object | None, due_date: datetime.date
) -> None:
    """An action's owner works for its organisation, both of the partnership; due on or after the meeting."""
    partnership = meeting.series.partnership
    if owner_organisation.partnership_id != partnership.pk:
        raise ServiceError("The owner organisation must belong to the partnership.")
    if owner_person is not None:
        membership = Membership.objects.filter(
            partnership=partnership, user_id=getattr(owner_person, "pk", 0), is_active=True
        ).first()
        if membership is None:
            raise ServiceError("The owner must be a member of the partnership.")
        if membership.organisation_id != owner_organisation.pk:
            raise ServiceError(f"{owner_person} does not work for {owner_organisation.name}.")
    if due_date < meeting.local_start.date():
        raise ServiceError("The due date cannot be before the meeting that agreed the action.")


@transaction.atomic
def meeting_action_create(
    *,
    actor: Actor,
    meeting: Meeting,
    text: str,
    owner_organisation: Organisation,
    owner_person: object | None = None,
    due_date: datetime.date,
    is_example: bool = False,
) -> MeetingAction:
    _require_manager(actor, meeting.series)
    check_action_owner(meeting, owner_organisation, owner_person, due_date)
    return save_as(
        MeetingAction(
            meeting=meeting,
            text=_clean(text, "action", "Circulate the draft plan")[:500],
            owner_organisation=owner_organisation,
            owner_person=owner_person,  # type: ignore[misc]
            due_date=due_date,
            is_example=is_example,
        ),
        actor,
    )


@transaction.atomic
def meeting_action_set_done(
    *, actor: Actor, action: MeetingAction, done: bool, today: datetime.date | None = None
) -> MeetingAction:
    if not access.can_mark_done(actor, action):
        raise AccessDenied("Only the action's owner or the coordinator can mark it done.")
    current = MeetingAction.objects.select_for_update().get(pk=action.pk)
    wanted = (today or timezone.localdate()) if done else None
    if (current.done_on is None) == (wanted is None):
        return current
    action.done_on = wanted
    return save_as(action, actor, update_fields=["done_on"])


# --- The personal calendar feed. ---


def feed_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def calendar_feed_create(*, actor: Actor) -> str:
    """A new secret feed token for the signed-in person (the old one stops working). Only its hash
    is stored: the token is shown once."""
    if not is_signed_in(actor):
        raise AccessDenied("Sign in to make a calendar feed.")
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.filter(user_id=person_id(actor)).delete()
    CalendarFeed.objects.create(user_id=person_id(actor), token_hash=feed_hash(token))
    return token


@transaction.atomic
def calendar_feed_revoke(*, actor: Actor) -> bool:
    if not is_signed_in(actor):
        raise AccessDenied("Sign in to revoke a calendar feed.")
    deleted, _ = CalendarFeed.objects.filter(user_id=person_id(actor)).delete()
    return bool(deleted)


# --- The calendar of duties and the plan sent to the policing body. ---


def _require_coordinator(actor: Actor, partnership: Partnership) -> None:
    if not partnership_access.is_coordinator(actor, partnership):
        raise AccessDenied("Only the partnership coordinator can change the calendar.")


@transaction.atomic
def calendar_set_up(*, actor: Actor, plan_year: PlanYear) -> list[Duty]:
    """Add the standard items the year's calendar does not have yet (running it again adds none).
    The ASB Case Review figures fall due at the end of the plan year; the others have no date."""
    _require_coordinator(actor, plan_year.partnership)
    PlanYear.objects.select_for_update().filter(pk=plan_year.pk).first()
    have = set(Duty.objects.filter(plan_year=plan_year).values_list("key", flat=True))
    made = []
    for standard in STANDARD_DUTIES:
        if standard.key in have:
            continue
        made.append(
            save_as(
                Duty(
                    plan_year=plan_year,
                    key=standard.key,
                    title=standard.title,
                    rule=standard.rule,
                    statutory=standard.statutory,
                    citation=standard.citation,
                    due_date=plan_year.end_date if standard.key == ASB_CASE_REVIEW_FIGURES else None,
                ),
                actor,
            )
        )
    return made


@dataclass(frozen=True)
class DutyFields:
    title: str
    rule: str = ""
    due_date: datetime.date | None = None
    owner_organisation: Organisation | None = None
    owner_person: object | None = None
    is_example: bool = False


def _apply_duty(duty: Duty, fields: DutyFields, actor: Actor) -> Duty:
    partnership = duty.plan_year.partnership
    duty.title = _clean(fields.title, "duty", "Annual strategic assessment")[:200]
    duty.rule = fields.rule.strip()[:300] or (duty.rule if duty.statutory else LOCAL_PRACTICE_RULE)
    if fields.due_date is not None and not (
        duty.plan_year.start_date - datetime.timedelta(days=366)
        <= fields.due_date
        <= duty.plan_year.end_date + datetime.timedelta(days=366)
    ):
        raise ServiceError(f"Choose a due date within a year of {duty.plan_year.label}.")
    duty.due_date = fields.due_date
    if fields.owner_organisation is not None and fields.owner_organisation.partnership_id != partnership.pk:
        raise ServiceError("The owner organisation must belong to the partnership.")
    duty.owner_organisation = fields.owner_organisation
    if fields.owner_person is not None:
        _check_people(partnership, [fields.owner_person])
    duty.owner_person = fields.owner_person  # type: ignore[assignment]
    duty.is_example = fields.is_example
    return save_as(duty, actor)


@transaction.atomic
def duty_create(*, actor: Actor, plan_year: PlanYear, fields: DutyFields) -> Duty:
    """A local-practice item of the year's calendar (only the standard two are statutory)."""
    _require_coordinator(actor, plan_year.partnership)
    return _apply_duty(Duty(plan_year=plan_year, rule=LOCAL_PRACTICE_RULE), fields, actor)


@transaction.atomic
def duty_edit(*, actor: Actor, duty: Duty, fields: DutyFields) -> Duty:
    """Change an item's title, rule, date and owner; a statutory item keeps its title and rule."""
    _require_coordinator(actor, duty.plan_year.partnership)
    if duty.statutory and (fields.title.strip() != duty.title or fields.rule.strip() != duty.rule):
        raise ServiceError("A statutory item keeps its title and rule: set its date and owner only.")
    return _apply_duty(duty, fields, actor)


@transaction.atomic
def duty_complete(
    *,
    actor: Actor,
    duty: Duty,
    done_on: datetime.date,
    publication: PlanPublication | None = None,
    meeting: Meeting | None = None,
    link: str = "",
) -> Duty:
    """Mark an item done by linking its evidence: a published plan version, a meeting or a page."""
    _require_coordinator(actor, duty.plan_year.partnership)
    link = link.strip()
    if publication is None and meeting is None and not link:
        raise ServiceError("Link the evidence: a published plan version, a meeting, or a document's address.")
    if link and not (link.startswith("https://") or (link.startswith("/") and not link.startswith("//"))):
        raise ServiceError(
            "The document's address must start with https:// or be a CSP Hub page starting with /."
        )
    partnership_id = duty.plan_year.partnership_id
    if publication is not None and publication.partnership_id != partnership_id:
        raise ServiceError("That plan version belongs to another partnership.")
    if meeting is not None and meeting.series.partnership_id != partnership_id:
        raise ServiceError("That meeting belongs to another partnership.")
    if done_on > timezone.localdate():
        raise ServiceError("The date it was done cannot be in the future.")
    duty.done_on = done_on
    duty.evidence_publication = publication
    duty.evidence_meeting = meeting
    duty.evidence_link = link[:500]
    return save_as(duty, actor)


@transaction.atomic
def duty_reopen(*, actor: Actor, duty: Duty) -> Duty:
    _require_coordinator(actor, duty.plan_year.partnership)
    duty.done_on = None
    duty.evidence_publication = None
    duty.evidence_meeting = None
    duty.evidence_link = ""
    return save_as(duty, actor)


def plan_recipient(partnership: Partnership) -> str:
    """Who receives the partnership's plan: its own setting, else `settings.PLAN_RECIPIENT`."""
    from django.conf import settings as django_settings

    own = (
        GovernanceSettings.objects.filter(partnership=partnership)
        .values_list("plan_recipient", flat=True)
        .first()
    )
    return own or str(django_settings.PLAN_RECIPIENT)


@transaction.atomic
def plan_recipient_set(*, actor: Actor, partnership: Partnership, recipient: str) -> GovernanceSettings:
    _require_coordinator(actor, partnership)
    cleaned = _clean(recipient, "recipient", "Police and Crime Commissioner for Kent")[:200]
    found = GovernanceSettings.objects.select_for_update().filter(partnership=partnership).first()
    if found is None:
        found = GovernanceSettings(partnership=partnership)
    found.plan_recipient = cleaned
    return save_as(found, actor)


@transaction.atomic
def plan_sent_record(
    *, actor: Actor, publication: PlanPublication, sent_on: datetime.date, recipient: str
) -> PlanSent:
    """Record that a published version went to the policing body; the year's calendar item is done."""
    plan_year = publication.plan_year
    _require_coordinator(actor, plan_year.partnership)
    if sent_on > timezone.localdate():
        raise ServiceError("The date it was sent cannot be in the future.")
    if sent_on < timezone.localtime(publication.published_at).date():
        raise ServiceError(
            f"Version {publication.number} was published on {timezone.localtime(publication.published_at):%-d %B %Y}: "
            "it cannot have been sent before that."
        )
    sent = save_as(
        PlanSent(
            publication=publication,
            sent_on=sent_on,
            recipient=_clean(recipient, "recipient", "Police and Crime Commissioner for Kent")[:200],
            recorded_by_id=person_id(actor) if is_signed_in(actor) else None,
        ),
        actor,
    )
    duty = Duty.objects.select_for_update().filter(plan_year=plan_year, key=PLAN_TO_POLICING_BODY).first()
    if duty is None:
        calendar_set_up(actor=actor, plan_year=plan_year)
        duty = Duty.objects.get(plan_year=plan_year, key=PLAN_TO_POLICING_BODY)
    duty.done_on = sent_on
    duty.evidence_publication = publication
    save_as(duty, actor)
    return sent


# --- The consultation and engagement log, and equality impact assessments. ---


@dataclass(frozen=True)
class EngagementFields:
    kind: str
    title: str
    held_on: datetime.date
    reach: str = ""
    findings: str = ""
    you_said: str = ""
    we_did: str = ""
    community_views: Sequence[CommunityView] = ()


@transaction.atomic
def engagement_save(
    *, actor: Actor, partnership: Partnership, fields: EngagementFields, engagement: Engagement | None = None
) -> Engagement:
    _require_coordinator(actor, partnership)
    if engagement is not None and engagement.partnership_id != partnership.pk:
        raise ServiceError("That entry belongs to another partnership.")
    if fields.kind not in EngagementKind.values:
        raise ServiceError("Choose a survey, an event or a “you said, we did” item.")
    if any(view.assessment.partnership_id != partnership.pk for view in fields.community_views):
        raise ServiceError("Link community views of this partnership's Strategic Assessment only.")
    you_said, we_did = fields.you_said.strip(), fields.we_did.strip()
    if fields.kind == EngagementKind.YOU_SAID_WE_DID and not (you_said and we_did):
        raise ServiceError(
            "A “you said, we did” item needs both what people said and what the partnership did."
        )
    found = engagement or Engagement(partnership=partnership)
    found.kind = fields.kind
    found.title = _clean(fields.title, "title", "Residents' survey 2020")[:200]
    found.held_on = fields.held_on
    found.reach = fields.reach.strip()[:200]
    found.findings = fields.findings.strip()
    found.you_said, found.we_did = you_said, we_did
    if found.kind != EngagementKind.YOU_SAID_WE_DID:
        found.published = False
    save_as(found, actor)
    found.community_views.set(list(fields.community_views))
    return found


@transaction.atomic
def engagement_set_published(*, actor: Actor, engagement: Engagement, published: bool) -> Engagement:
    """Show (or stop showing) a "you said, we did" item on the public page."""
    _require_coordinator(actor, engagement.partnership)
    if published and engagement.kind != EngagementKind.YOU_SAID_WE_DID:
        raise ServiceError("Only “you said, we did” items are published.")
    if published and engagement.is_example:
        raise ServiceError("This item is example data made up for the demo: it cannot be published.")
    if engagement.published != published:
        engagement.published = published
        save_as(engagement, actor, update_fields=["published"])
    return engagement


@dataclass(frozen=True)
class EiaFields:
    characteristics: Sequence[str]
    findings: str
    mitigations: str = ""
    approver: str = ""
    approved_on: datetime.date | None = None
    print_as_appendix: bool = False
    plan_year: PlanYear | None = None
    strategy: Strategy | None = None


@transaction.atomic
def eia_save(
    *,
    actor: Actor,
    partnership: Partnership,
    fields: EiaFields,
    eia: EqualityImpactAssessment | None = None,
) -> EqualityImpactAssessment:
    """An equality impact assessment of one plan year or one strategy of the partnership."""
    _require_coordinator(actor, partnership)
    if (fields.plan_year is None) == (fields.strategy is None):
        raise ServiceError("Choose the plan year or the strategy the assessment is of (one of them).")
    subject = fields.plan_year or fields.strategy
    if subject is not None and subject.partnership_id != partnership.pk:
        raise ServiceError("That plan year or strategy belongs to another partnership.")
    known = {key for key, _ in PROTECTED_CHARACTERISTICS}
    if not fields.characteristics or set(fields.characteristics) - known:
        raise ServiceError("Choose the protected characteristics the assessment considered.")
    if fields.approved_on is not None and not fields.approver.strip():
        raise ServiceError("Enter who approved the assessment, or leave the approval date empty.")
    found = eia or EqualityImpactAssessment(partnership=partnership)
    found.plan_year, found.strategy = fields.plan_year, fields.strategy
    found.characteristics = [key for key, _ in PROTECTED_CHARACTERISTICS if key in fields.characteristics]
    found.findings = _clean(fields.findings, "findings", "No adverse impact on any group was found")
    found.mitigations = fields.mitigations.strip()
    found.approver = fields.approver.strip()[:120]
    found.approved_on = fields.approved_on
    found.print_as_appendix = fields.print_as_appendix
    return save_as(found, actor)
