"""Import data.police.uk street-level CSV files: find them (files, folders, zip archives), validate
every file first, write Parquet with DuckDB and switch the database over in one transaction."""

from crimedata.importer.errors import ImportValidationError
from crimedata.importer.files import StreetFile, discover
from crimedata.importer.load import ImportSummary, import_street_files

__all__ = ["ImportSummary", "ImportValidationError", "StreetFile", "discover", "import_street_files"]
