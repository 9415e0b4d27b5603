"""The error every bad input raises: it names the file, and the line and column when known."""

from core.errors import ServiceError


class ImportValidationError(ServiceError):
    def __init__(self, file: str, message: str, line: int | None = None, column: str | None = None) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.reason = message
        where = [file]
        if line is not None:
            where.append(f"line {line}")
        if column:
            where.append(f"column {column}")
        super().__init__(f"{', '.join(where)}: {message}")
