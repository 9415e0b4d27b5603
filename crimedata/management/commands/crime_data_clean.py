"""`python manage.py crime_data_clean`: fail imports whose worker died, remove leftovers."""

from typing import Any

from django.core.management.base import BaseCommand

from crimedata.cleanup import crime_data_clean


class Command(BaseCommand):
    help = (
        "Mark police.uk import runs whose background worker died as failed (removing their uploads), "
        "and delete Parquet files, .staging-* folders and uploads that no committed import uses. "
        "The store is left alone while an import is running."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write("\n".join(crime_data_clean().lines()))
