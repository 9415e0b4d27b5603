"""Plan years, their reporting periods, priorities, actions, updates, statuses and measures."""

import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from partnership.models import Organisation, Partnership

YEAR_SLUG_VALIDATOR = RegexValidator(r"^\d{4}-\d{2}$", "Use the form 2020-21.")


class PlanYearState(models.TextChoices):
    DRAFT = "draft", "Draft"
    LIVE = "live", "Live"
    CLOSED = "closed", "Closed"


class OwnerLayout(models.TextChoices):
    """How a plan year's documents and spreadsheets show an action's owners."""

    SINGLE = "single", "Single Owner/lead agency column"
    LEAD_SUPPORTING = "lead_supporting", "Lead + Supporting"


class PlanYear(models.Model):
    """A partnership's plan year, 1 April to 31 March, slug `2020-21`, shown as 2020/21."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="plan_years")
    slug = models.CharField(max_length=7, validators=[YEAR_SLUG_VALIDATOR])
    start_date = models.DateField()
    end_date = models.DateField()
    state = models.CharField(max_length=10, choices=PlanYearState.choices, default=PlanYearState.DRAFT)
    strategy = models.ForeignKey(
        "Strategy",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_years",
        help_text="The multi-year strategy this year's delivery plan belongs to, if any.",
    )
    owner_layout = models.CharField(
        max_length=20,
        choices=OwnerLayout.choices,
        default=OwnerLayout.SINGLE,
        help_text="One Owner/lead agency column (as the seed plan), or separate Lead and Supporting columns.",
    )
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "-start_date"]
        constraints = [models.UniqueConstraint(fields=["partnership", "slug"], name="plan_year_slug_unique")]

    def __str__(self) -> str:
        return f"{self.partnership.name} {self.label}"

    @property
    def label(self) -> str:
        """ "2020/21" for slug 2020-21."""
        return self.slug.replace("-", "/")

    @property
    def history_name(self) -> str:
        """How history tables name the year ("Current plan year: 2020/21 → 2021/22")."""
        return self.label

    @property
    def long_label(self) -> str:
        """ "2020 – 2021" as the seed's headings write it."""
        return f"{self.start_date.year} – {self.end_date.year}"

    @staticmethod
    def dates_for_slug(slug: str) -> tuple[datetime.date, datetime.date]:
        start = int(slug[:4])
        return datetime.date(start, 4, 1), datetime.date(start + 1, 3, 31)

    @staticmethod
    def slug_for_start(start_year: int) -> str:
        return f"{start_year}-{(start_year + 1) % 100:02d}"


STRATEGY_MAX_YEARS = 10


class Strategy(models.Model):
    """A partnership's community safety strategy over several plan years, with annual delivery plans.

    `start_year` is the year its first plan year starts, `end_year` the year its last one ends:
    2021–2023 covers 2021/22 and 2022/23; 2024–2029 covers five plan years. Slug `2021-2023`.
    """

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="strategies")
    title = models.CharField(max_length=300, help_text='e.g. "Community Safety Strategy"')
    vision = models.TextField(blank=True)
    narrative = models.TextField(blank=True, help_text="The strategy's text (Markdown).")
    start_year = models.PositiveSmallIntegerField(help_text="The year its first plan year starts (1 April).")
    end_year = models.PositiveSmallIntegerField(help_text="The year its last plan year ends (31 March).")
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "-start_year"]
        verbose_name_plural = "strategies"
        constraints = [
            models.UniqueConstraint(fields=["partnership", "start_year"], name="strategy_start_unique"),
            models.CheckConstraint(
                condition=models.Q(end_year__gt=models.F("start_year")), name="strategy_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.label}"

    @property
    def slug(self) -> str:
        """ "2021-2023" (its URLs)."""
        return f"{self.start_year}-{self.end_year}"

    @property
    def label(self) -> str:
        """ "2021–2023" (en dash), as documents write the span."""
        return f"{self.start_year}\u2013{self.end_year}"

    @property
    def history_name(self) -> str:
        return str(self)

    @property
    def plan_year_slugs(self) -> list[str]:
        """The slugs of the plan years the span covers: 2021-2023 → 2021-22, 2022-23."""
        return [PlanYear.slug_for_start(year) for year in range(self.start_year, self.end_year)]

    def covers(self, plan_year: PlanYear) -> bool:
        """Whether the plan year lies inside the strategy's span."""
        return self.start_year <= plan_year.start_date.year < self.end_year

    @staticmethod
    def span_of_slug(slug: str) -> tuple[int, int] | None:
        """(2021, 2023) for "2021-2023"; None for anything else."""
        if len(slug) != 9 or slug[4] != "-" or not (slug[:4].isdigit() and slug[5:].isdigit()):
            return None
        return int(slug[:4]), int(slug[5:])


class PeriodCode(models.TextChoices):
    Q1 = "Q1", "Quarter 1"
    Q2 = "Q2", "Quarter 2"
    Q3 = "Q3", "Quarter 3"
    Q4 = "Q4", "Quarter 4"
    YEAR_END = "year-end", "Year-end review"


PERIOD_ORDER = {code: index for index, code in enumerate(PeriodCode.values)}


class ReportingPeriod(models.Model):
    """Q1–Q4 and the year-end review of a plan year, each with its dates and due date."""

    plan_year = models.ForeignKey(PlanYear, on_delete=models.CASCADE, related_name="periods")
    code = models.CharField(max_length=10, choices=PeriodCode.choices)
    order = models.PositiveSmallIntegerField(default=0)
    start_date = models.DateField()
    end_date = models.DateField()
    due_date = models.DateField(help_text="When updates for this period are due.")
    is_open = models.BooleanField(
        default=False, help_text="Open for updates; several periods may be open at once (Q4 and year-end)."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan_year", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan_year", "code"], name="period_code_unique_in_year")
        ]

    def __str__(self) -> str:
        return f"{self.get_code_display()} {self.plan_year.label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.order = PERIOD_ORDER.get(self.code, 0)
        super().save(*args, **kwargs)

    @property
    def is_year_end(self) -> bool:
        return self.code == PeriodCode.YEAR_END


class StatusColour(models.TextChoices):
    GREEN = "green", "Green"
    AMBER = "amber", "Amber"
    RED = "red", "Red"
    BLUE = "blue", "Blue"
    GREY = "grey", "Grey"
    PURPLE = "purple", "Purple"


class StatusMeaning(models.TextChoices):
    """What a status means, whatever the partnership calls it: every rule uses this, never the name."""

    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    OFF_TRACK = "off_track", "Off track"
    COMPLETED = "completed", "Completed"
    ONGOING = "ongoing", "Ongoing"
    NOT_PROGRESSED = "not_progressed", "Not progressed"


class Status(models.Model):
    """A word in the partnership's status vocabulary ("On track"). Renamed and extended as data;
    its fixed `meaning` is what rules ("not completed", "at risk or off track") look at."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="statuses")
    name = models.CharField(max_length=60)
    colour = models.CharField(max_length=10, choices=StatusColour.choices, default=StatusColour.GREY)
    meaning = models.CharField(
        max_length=20,
        choices=StatusMeaning.choices,
        default=StatusMeaning.ON_TRACK,
        help_text="What the status means for the rules (reports, roll forward, agendas), whatever its name.",
    )
    order = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True, help_text="Inactive statuses stay on old updates.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "order", "name"]
        verbose_name_plural = "statuses"
        constraints = [
            models.UniqueConstraint("partnership", Lower("name"), name="status_name_unique_in_partnership")
        ]

    def __str__(self) -> str:
        return self.name


DEFAULT_STATUSES: list[tuple[str, str, str]] = [
    ("Not started", StatusColour.GREY, StatusMeaning.NOT_STARTED),
    ("On track", StatusColour.GREEN, StatusMeaning.ON_TRACK),
    ("At risk", StatusColour.AMBER, StatusMeaning.AT_RISK),
    ("Off track", StatusColour.RED, StatusMeaning.OFF_TRACK),
    ("Completed", StatusColour.BLUE, StatusMeaning.COMPLETED),
    ("Ongoing", StatusColour.PURPLE, StatusMeaning.ONGOING),
    ("Not progressed", StatusColour.RED, StatusMeaning.NOT_PROGRESSED),
]
NOT_COMPLETED = frozenset(set(StatusMeaning) - {StatusMeaning.COMPLETED})
AT_RISK_OR_OFF_TRACK = frozenset({StatusMeaning.AT_RISK, StatusMeaning.OFF_TRACK})


class Theme(models.Model):
    """A cross-cutting theme of the partnership (e.g. an objective of the PCC's plan) that
    priorities and actions are tagged with; lists, exports and reports filter by it."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "order", "name"]
        constraints = [
            models.UniqueConstraint("partnership", Lower("name"), name="theme_name_unique_in_partnership")
        ]

    def __str__(self) -> str:
        return self.name


class Place(models.Model):
    """A place the partnership works in (a ward, town centre or estate), optionally made of LSOAs."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="places")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=60, blank=True, help_text='e.g. "Ward", "Town centre", "Estate"')
    description = models.TextField(blank=True)
    lsoa_codes = models.JSONField(
        default=list, blank=True, help_text="The LSOAs the place covers (ONS codes), if known."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "name"]
        constraints = [
            models.UniqueConstraint("partnership", Lower("name"), name="place_name_unique_in_partnership")
        ]

    def __str__(self) -> str:
        return self.name


class Priority(models.Model):
    """A priority of a plan year, with its ordered sub-themes, approaches and outcomes."""

    plan_year = models.ForeignKey(PlanYear, on_delete=models.CASCADE, related_name="priorities")
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0)
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="carried_to"
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="priorities")
    places = models.ManyToManyField(Place, blank=True, related_name="priorities")
    history = HistoricalRecords(m2m_fields=[themes, places])

    class Meta:
        ordering = ["plan_year", "order", "pk"]
        verbose_name_plural = "priorities"

    def __str__(self) -> str:
        return self.title


class SubTheme(models.Model):
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="sub_themes")
    name = models.CharField(max_length=200)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["priority", "order", "pk"]

    def __str__(self) -> str:
        return self.name


class Approach(models.Model):
    """An optional level inside a priority ("Early intervention and prevention"); documents group
    the priority's actions under their approach."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="approaches")
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["priority", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class Outcome(models.Model):
    """What the partnership wants to achieve ("We want to …") under a priority or one of its
    approaches."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="outcomes")
    approach = models.ForeignKey(
        Approach, null=True, blank=True, on_delete=models.CASCADE, related_name="outcomes"
    )
    text = models.TextField()
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["priority", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class Action(models.Model):
    """An action of a plan year's action plan under one priority, owned by one or more organisations."""

    plan_year = models.ForeignKey(PlanYear, on_delete=models.CASCADE, related_name="actions")
    priority = models.ForeignKey(Priority, on_delete=models.PROTECT, related_name="actions")
    approach = models.ForeignKey(
        Approach, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    text = models.TextField()
    target = models.TextField(blank=True)
    due_date = models.DateField(null=True, blank=True)
    order = models.PositiveIntegerField(default=0)
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="carried_to"
    )
    version = models.PositiveIntegerField(default=1, help_text="Raised on every edit; stops lost updates.")
    themes = models.ManyToManyField(Theme, blank=True, related_name="actions")
    places = models.ManyToManyField(Place, blank=True, related_name="actions")
    history = HistoricalRecords(m2m_fields=[themes, places])

    class Meta:
        ordering = ["plan_year", "priority__order", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class OwnerRole(models.TextChoices):
    LEAD = "lead", "Lead"
    SUPPORTING = "supporting", "Supporting"


class ActionOwner(models.Model):
    """An owner of an action, with the name written for it in this action ("Look Ahead").

    At most one owner leads; an action without a lead is printed "To be confirmed"."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="owners")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="owned_actions")
    name_as_written = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=12, choices=OwnerRole.choices, default=OwnerRole.SUPPORTING)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["action", "organisation"], name="action_owner_unique"),
            models.UniqueConstraint(
                fields=["action"], condition=models.Q(role="lead"), name="one_lead_owner_per_action"
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.name_as_written or self.organisation.name

    @property
    def is_lead(self) -> bool:
        return self.role == OwnerRole.LEAD


class Update(models.Model):
    """An action's report for one reporting period: at most one per action and period."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="updates")
    narrative = models.TextField(blank=True)
    status = models.ForeignKey(
        Status, null=True, blank=True, on_delete=models.PROTECT, related_name="updates"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="action_updates",
    )
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    is_example = models.BooleanField(default=False, help_text="Example data made up for the demo.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "period__order"]
        constraints = [
            models.UniqueConstraint(fields=["action", "period"], name="one_update_per_action_and_period")
        ]

    def __str__(self) -> str:
        return f"{self.period} update for {self.action}"


class Contribution(models.Model):
    """One owner organisation's own report on a joint action for a period.

    The lead organisation (the first owner) or the coordinator writes the action's update, the
    combined text the plan prints; every other owner adds its contribution here, so each owner's
    missing update is tracked separately."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="contributions")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="contributions")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="contributions")
    narrative = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="action_contributions",
    )
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    is_example = models.BooleanField(default=False, help_text="Example data made up for the demo.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "period__order", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "period", "organisation"], name="one_contribution_per_owner_and_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} contribution to {self.period} update for {self.action}"


class MeasureKind(models.TextChoices):
    KEY_FIGURE = "key_figure", "Key figure"
    UPDATE_FIGURE = "update_figure", "Figure in an update"
    INDICATOR = "indicator", "Partner indicator"
    PROJECT_OUTPUT = "project_output", "Project output"


class MeasureDirection(models.TextChoices):
    """Which way is better: decides the RAG judgement (planning.rag)."""

    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"
    NONE = "none", "No direction"


class Measure(models.Model):
    """One named figure: a key figure, a figure in an update, a partner indicator or project output.

    `value` is the figure as quoted (the headline value: what every page and document printed before
    measures had periodic values); `values` (MeasureValue) is its series over time. The latest value
    is the last periodic value, else the headline value (ADR 0017). A measure may instead take its
    value from a registered figure source (`source_key`, `source_params`; planning.figure_sources).
    """

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="measures")
    kind = models.CharField(max_length=20, choices=MeasureKind.choices, default=MeasureKind.KEY_FIGURE)
    plan_year = models.ForeignKey(
        PlanYear,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="measures",
        help_text="The plan year whose review quotes this figure.",
    )
    update = models.ForeignKey(
        Update, null=True, blank=True, on_delete=models.CASCADE, related_name="measures"
    )
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=60, blank=True, help_text='e.g. "incidents", "referrals", "%"')
    period_label = models.CharField(max_length=60, blank=True, help_text='e.g. "2019/20" or "2017–2020"')
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    value_qualifier = models.CharField(max_length=30, blank=True, help_text='e.g. "over", "about"')
    comparison_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    comparison_period_label = models.CharField(max_length=60, blank=True)
    stated_change = models.CharField(max_length=30, blank=True, help_text='As stated, e.g. "+0.4%"')
    source_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="measures"
    )
    note = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0)
    is_example = models.BooleanField(default=False)
    direction = models.CharField(
        max_length=10, choices=MeasureDirection.choices, default=MeasureDirection.NONE
    )
    baseline_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_period_label = models.CharField(max_length=60, blank=True)
    target_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    target_period_label = models.CharField(max_length=60, blank=True)
    source_key = models.CharField(
        max_length=60,
        blank=True,
        help_text="A registered figure source (planning.figure_sources); blank = typed.",
    )
    source_params = models.JSONField(default=dict, blank=True)
    priorities = models.ManyToManyField(Priority, blank=True, related_name="measures")
    approaches = models.ManyToManyField(Approach, blank=True, related_name="measures")
    outcomes = models.ManyToManyField(Outcome, blank=True, related_name="measures")
    actions = models.ManyToManyField(Action, blank=True, related_name="measures")
    history = HistoricalRecords()  # links are not tracked: core.history lists field changes only

    class Meta:
        ordering = ["partnership", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.name}: {self.display_value}"

    @staticmethod
    def format_number(value: Decimal | None) -> str:
        if value is None:
            return ""
        if value == value.to_integral_value():
            return f"{int(value):,}"
        return f"{value:,.2f}".rstrip("0").rstrip(".")

    @property
    def display_value(self) -> str:
        """ "over 190", "8%", "8,394 incidents"."""
        number = self.format_number(self.value)
        text = f"{self.value_qualifier} {number}".strip()
        if self.unit == "%":
            return f"{text}%"
        return f"{text} {self.unit}".strip()

    @property
    def display_comparison(self) -> str:
        if self.comparison_value is None:
            return ""
        number = self.format_number(self.comparison_value)
        if self.unit == "%":
            number += "%"
        return f"{number} ({self.comparison_period_label})" if self.comparison_period_label else number

    def display_number(self, value: Decimal | None) -> str:
        """Another number of this measure (baseline, target, a periodic value) in its unit."""
        if value is None:
            return ""
        number = self.format_number(value)
        if self.unit == "%":
            return f"{number}%"
        return f"{number} {self.unit}".strip()


class MeasureValue(models.Model):
    """One value of a measure for one period ("Q1 2021/22"), in the measure's unit; ordered."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="values")
    period_label = models.CharField(max_length=60)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    value = models.DecimalField(max_digits=14, decimal_places=2)
    note = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["measure", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.period_label}: {self.value}"


class UpdateRound(models.Model):
    """The round of updates for one reporting period: opened with the period, with its own due
    date (the period's, or one the coordinator set on opening when that had passed). Its round
    notices, reminders, chasers and digests are partnership messages keyed by `message_key`."""

    period = models.OneToOneField(ReportingPeriod, on_delete=models.CASCADE, related_name="update_round")
    due_date = models.DateField()
    opened_on = models.DateField()
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period__start_date", "period__order"]

    def __str__(self) -> str:
        return f"{self.period} update round"

    @property
    def message_key(self) -> str:
        """What its messages are about: "round:<id>" (unique per recipient and kind with it)."""
        return f"round:{self.pk}"

    @property
    def label(self) -> str:
        return str(self.period)
