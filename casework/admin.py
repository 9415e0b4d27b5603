"""Site administrators keep the installation-wide fixed penalty cap (s.52(7)): a later cap is a new
row with its commencement date; the one in force on a notice's day of issue applies."""

from django.contrib import admin

from casework.models import FixedPenaltyCap


@admin.register(FixedPenaltyCap)
class FixedPenaltyCapAdmin(admin.ModelAdmin):
    list_display = ("commences_on", "amount", "source")
    ordering = ("commences_on",)
