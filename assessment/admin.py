"""Back-office view of the partnership's assessments, with their history (django-simple-history).

Only site administrators reach the admin (core/admin.py); day-to-day changes happen on the pages.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from assessment.models import Assessment, CandidateIssue, CommunityView, Score, ScoringCriterion


class ScoringCriterionInline(admin.TabularInline):
    model = ScoringCriterion
    extra = 0
    fields = ["name", "weight", "scale_min", "scale_max", "order"]


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["partnership", "slug", "data_from", "data_to", "is_example", "priorities_chosen_at"]
    list_filter = ["partnership", "is_example"]
    search_fields = ["slug", "partnership__name"]
    readonly_fields = ["priorities_chosen_at", "created", "modified"]
    inlines = [ScoringCriterionInline]


@admin.register(ScoringCriterion)
class ScoringCriterionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "assessment", "weight", "scale_min", "scale_max", "order"]
    list_filter = ["assessment__partnership"]
    search_fields = ["name"]


@admin.register(CandidateIssue)
class CandidateIssueAdmin(SimpleHistoryAdmin):
    list_display = ["title", "assessment", "kind", "crime_type", "chosen"]
    list_filter = ["assessment__partnership", "kind", "chosen"]
    search_fields = ["title"]
    raw_id_fields = ["priority"]


@admin.register(Score)
class ScoreAdmin(SimpleHistoryAdmin):
    list_display = ["issue", "criterion", "scorer", "value", "confidence", "is_example", "modified"]
    list_filter = ["issue__assessment__partnership", "confidence", "is_example"]
    search_fields = ["issue__title", "criterion__name", "scorer__username"]
    raw_id_fields = ["issue", "criterion", "scorer"]


@admin.register(CommunityView)
class CommunityViewAdmin(SimpleHistoryAdmin):
    list_display = ["theme", "source", "assessment", "respondents", "percent", "is_example"]
    list_filter = ["assessment__partnership", "is_example"]
    search_fields = ["theme", "source"]
