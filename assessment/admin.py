"""Reference data of the analysis that site administrators manage in the admin: most similar groups
(imported with `import_comparator_group`) and the LSOA → ward lookup (`import_ward_lookup`)."""

from django.contrib import admin

from assessment.models import ComparatorGroup, ComparatorMember, LsoaWard
from core.admin import AuditedAdmin


class ComparatorMemberInline(admin.TabularInline):
    model = ComparatorMember
    extra = 0


@admin.register(ComparatorGroup)
class ComparatorGroupAdmin(AuditedAdmin):
    list_display = ["name", "is_example", "imported_at"]
    inlines = [ComparatorMemberInline]


@admin.register(LsoaWard)
class LsoaWardAdmin(AuditedAdmin):
    list_display = ["lsoa_code", "ward_code", "ward_name", "district_code"]
    search_fields = ["lsoa_code", "ward_code", "ward_name"]
