"""Site administrators keep the installation-wide fixed penalty cap (s.52(7)): a later cap is a new
row with its commencement date; the one in force on a notice's day of issue applies."""

from django.contrib import admin

from casework.models import FixedPenaltyCap
from core.admin import AuditedAdmin


@admin.register(FixedPenaltyCap)
class FixedPenaltyCapAdmin(AuditedAdmin):
    list_display = ("commences_on", "amount", "source")
    ordering = ("commences_on",)
