"""An LMS's CSV export, read as its cells and written back in its own dialect.

Canvas writes `,` or, where the user's locale writes decimals with a comma, `;`, and may start
the file with a UTF-8 byte-order mark (lib/csv_with_i18n.rb); its importer takes either
separator (lib/gradebook_importer.rb). Moodle's worksheet is comma-separated and starts with
the mark (Spout's CSV writer). Both end lines with `\\n`. The file written back keeps the
separator and the mark, and quotes a field only where it must, as Canvas does (Moodle's
`fputcsv` also quotes fields with a space; its importer reads either way).
"""

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from autograder.atomic import write_text
from autograder.lms import LmsError

SEPARATORS = (",", ";")


@dataclass
class LmsCsv:
    path: Path
    rows: list[list[str]]
    separator: str
    bom: bool

    def with_rows(self, rows: list[list[str]]) -> "LmsCsv":
        return LmsCsv(self.path, rows, self.separator, self.bom)


def _separator(first_line: str) -> str:
    """The separator that splits the header into more fields (what Canvas's importer decides by)."""
    return max(SEPARATORS, key=lambda sep: len(next(csv.reader([first_line], delimiter=sep), [])))


def read_lms_csv(path: Path) -> LmsCsv:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LmsError(f"{path} is not UTF-8 text, as the LMS exports it") from None
    if not text.strip():
        raise LmsError(f"{path} is empty")
    separator = _separator(next(line for line in text.splitlines() if line.strip()))
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True))
    except csv.Error as error:
        raise LmsError(f"{path} is not a well-formed CSV file ({error})") from None
    # Lines of bare separators carry nothing; both importers skip them, and so does this.
    rows = [row for row in rows if any(value.strip() for value in row)]
    return LmsCsv(path, rows, separator, data.startswith(codecs.BOM_UTF8))


def write_lms_csv(table: LmsCsv, path: Path) -> None:
    """Write `table` whole or not at all, in the separator and with the byte-order mark it was read with."""
    buffer = io.StringIO()
    if table.bom:
        buffer.write("\ufeff")
    csv.writer(buffer, delimiter=table.separator, lineterminator="\n").writerows(table.rows)
    write_text(buffer.getvalue(), path)
