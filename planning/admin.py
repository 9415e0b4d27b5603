"""Back-office edits of plan records, with their history (django-simple-history)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from planning.models import (
    Action,
    ActionOwner,
    Measure,
    PlanYear,
    Priority,
    ReportingPeriod,
    Status,
    SubTheme,
    Update,
)


class ReportingPeriodInline(admin.TabularInline):
    model = ReportingPeriod
    extra = 0
    fields = ["code", "start_date", "end_date", "due_date"]


class SubThemeInline(admin.TabularInline):
    model = SubTheme
    extra = 1
    fields = ["name", "order"]


class ActionOwnerInline(admin.TabularInline):
    model = ActionOwner
    extra = 1
    fields = ["organisation", "name_as_written", "order"]
    autocomplete_fields = ["organisation"]


@admin.register(PlanYear)
class PlanYearAdmin(SimpleHistoryAdmin):
    list_display = ["partnership", "slug", "state", "start_date", "end_date", "open_period"]
    list_filter = ["partnership", "state"]
    search_fields = ["slug", "partnership__name"]
    inlines = [ReportingPeriodInline]

    def get_form(self, request, obj=None, **kwargs):  # type: ignore[no-untyped-def]
        form = super().get_form(request, obj, **kwargs)
        field = form.base_fields.get("open_period")
        if field is not None:  # only this year's periods can be open
            field.queryset = (
                ReportingPeriod.objects.filter(plan_year=obj) if obj else ReportingPeriod.objects.none()
            )
        return form


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(SimpleHistoryAdmin):
    list_display = ["plan_year", "code", "start_date", "end_date", "due_date"]
    list_filter = ["plan_year__partnership", "code"]


@admin.register(Status)
class StatusAdmin(SimpleHistoryAdmin):
    list_display = ["name", "partnership", "colour", "order", "is_active"]
    list_filter = ["partnership", "is_active", "colour"]
    search_fields = ["name"]


@admin.register(Priority)
class PriorityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "plan_year", "order"]
    list_filter = ["plan_year__partnership", "plan_year__slug"]
    search_fields = ["title", "description"]
    raw_id_fields = ["carried_from"]
    inlines = [SubThemeInline]


@admin.register(SubTheme)
class SubThemeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "priority", "order"]
    search_fields = ["name", "priority__title"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "priority", "plan_year", "due_date", "order", "version"]
    list_filter = ["plan_year__partnership", "plan_year__slug"]
    search_fields = ["text", "target", "owners__organisation__name", "owners__name_as_written"]
    raw_id_fields = ["carried_from", "priority"]
    readonly_fields = ["version"]
    inlines = [ActionOwnerInline]

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        if change:  # an admin edit is an edit too: raise the version so open forms see a conflict
            obj.version += 1
        super().save_model(request, obj, form, change)


@admin.register(ActionOwner)
class ActionOwnerAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "action", "organisation", "order"]
    search_fields = ["name_as_written", "organisation__name"]
    raw_id_fields = ["action"]


@admin.register(Update)
class UpdateAdmin(SimpleHistoryAdmin):
    list_display = ["action", "period", "status", "author", "modified", "is_example"]
    list_filter = ["action__plan_year__partnership", "period__code", "status", "is_example"]
    search_fields = ["narrative", "action__text"]
    raw_id_fields = ["action", "period", "author"]
    readonly_fields = ["version", "created", "modified"]

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)


@admin.register(Measure)
class MeasureAdmin(SimpleHistoryAdmin):
    list_display = ["name", "display_value", "period_label", "kind", "partnership", "is_example"]
    list_filter = ["partnership", "kind", "is_example"]
    search_fields = ["name", "note"]
    raw_id_fields = ["update", "source_organisation", "plan_year"]
