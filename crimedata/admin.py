from django.contrib import admin

from core.admin import AuditedAdmin
from crimedata.models import (
    BoundarySet,
    CrimeCount,
    CrimeWeight,
    DistrictAlias,
    ForceMonth,
    ImportRun,
    LsoaDistrict,
    PopulationFigure,
    PopulationTable,
    WeightSet,
)


@admin.register(ForceMonth)
class ForceMonthAdmin(AuditedAdmin):
    list_display = ["force", "month", "row_count", "is_example", "source_name", "imported_at"]
    list_filter = ["force", "is_example"]
    readonly_fields = [
        "force",
        "month",
        "parquet_path",
        "row_count",
        "source_name",
        "is_example",
        "imported_by",
    ]

    def has_add_permission(self, request) -> bool:
        return False  # rows come from the importer (it writes the Parquet file too)


@admin.register(CrimeCount)
class CrimeCountAdmin(AuditedAdmin):
    list_display = ["month", "district_name", "district_code", "crime_type", "count"]
    list_filter = ["crime_type"]
    search_fields = ["district_name", "district_code"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(DistrictAlias)
class DistrictAliasAdmin(AuditedAdmin):
    list_display = ["alias", "district"]
    search_fields = ["alias", "district__name"]


@admin.register(LsoaDistrict)
class LsoaDistrictAdmin(AuditedAdmin):
    list_display = ["lsoa_code", "lsoa_name", "district_code", "district_name", "vintage"]
    search_fields = ["lsoa_code", "lsoa_name", "district_name"]


class PopulationFigureInline(admin.TabularInline):
    model = PopulationFigure
    extra = 0


@admin.register(PopulationTable)
class PopulationTableAdmin(AuditedAdmin):
    list_display = ["name", "is_example", "imported_at"]
    inlines = [PopulationFigureInline]


class CrimeWeightInline(admin.TabularInline):
    model = CrimeWeight
    extra = 0


@admin.register(WeightSet)
class WeightSetAdmin(AuditedAdmin):
    list_display = ["name", "version", "is_example", "imported_at"]
    inlines = [CrimeWeightInline]


@admin.register(BoundarySet)
class BoundarySetAdmin(AuditedAdmin):
    """Installed LSOA boundaries: listed and deleted here, imported from GeoJSON (the shapes are
    not edited by hand)."""

    list_display = ["name", "vintage", "is_example", "imported_at"]
    readonly_fields = ["vintage", "imported_at"]

    def has_add_permission(self, request) -> bool:
        return False  # through import_lsoa_boundaries or the Reference data page


@admin.register(ImportRun)
class ImportRunAdmin(AuditedAdmin):
    list_display = ["file_name", "status", "progress", "rows", "created_by", "created_at"]
    readonly_fields = ["status", "progress", "message", "file_name", "upload_path", "rows", "force_months",
                       "created_by", "finished_at"]  # fmt: skip


# The admin index links to the crime data pages (upload with progress, imported months, reference
# tables). core/admin.py only replaces has_permission and login, so the index template is free here.
if admin.site.index_template is None:
    admin.site.index_template = "crimedata/admin_index.html"
