"""Coded, explained messages for everything a user can get wrong.

Every problem a user can meet has a short code (``H101``), a sentence saying what
went wrong, where (file, line or record) and what to do. Readers report bad
records as :class:`Problem` values and keep going; :class:`HarbingerError` is
raised only when nothing sensible can continue (unknown reader, missing file).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    WARNING = "warning"  # the record was kept, with a flag
    ERROR = "error"  # the record was skipped


# code -> (severity, template). Templates are filled with keyword arguments.
MESSAGES: dict[str, tuple[Severity, str]] = {
    "H101": (Severity.ERROR, "file is empty"),
    "H102": (Severity.ERROR, "file looks binary (NUL bytes or no text), not read"),
    "H103": (Severity.WARNING, "not valid UTF-8; decoded as {encoding} instead — check accents and quotes"),
    "H104": (Severity.ERROR, "malformed JSON: {reason}"),
    "H105": (Severity.ERROR, "record has no text in field '{field}' (fields present: {present})"),
    "H106": (Severity.ERROR, "CSV has no column '{field}' (columns: {present}); use --text-field to choose one"),
    "H107": (Severity.ERROR, "article is {size} characters, over the limit of {limit}; split it or raise --max-chars"),
    "H108": (Severity.WARNING, "no document date; kept with flag 'no_date' — relative dates will not be resolved"),
    "H109": (Severity.WARNING, "date '{value}' could not be parsed; kept with flag 'bad_date' and no date"),
    "H110": (Severity.WARNING, "date {value} is in the future (today is {today}); kept with flag 'future_date'"),
    "H111": (Severity.ERROR, "seed-format file has no 'date YYYY-MM-DD' line at the start"),
    "H112": (Severity.ERROR, "JSON record is a {kind}, not an object"),
    "H113": (Severity.ERROR, "could not read file: {reason}"),
    "H114": (Severity.ERROR, "HTML page has no extractable main text"),
    "H115": (Severity.ERROR, "Parquet file could not be read: {reason}"),
    "H116": (Severity.ERROR, "gzip stream is corrupt: {reason}"),
    "H117": (Severity.WARNING, "skipped while reading a folder: not a news file type ({suffix}); name it directly to read it"),
    "H201": (Severity.ERROR, "stage '{stage}' failed on article {article}: {reason}"),
}


@dataclass(frozen=True)
class Problem:
    """One bad or doubtful input record: where it is, what is wrong, what happened to it."""

    code: str
    where: str  # "path:line" or "path#record"
    message: str
    severity: Severity

    @classmethod
    def make(cls, code: str, where: str, **fields: object) -> "Problem":
        severity, template = MESSAGES[code]
        return cls(code=code, where=where, message=template.format(**fields), severity=severity)

    def __str__(self) -> str:
        return f"{self.code} {self.severity.value}: {self.where}: {self.message}"

    def to_dict(self) -> dict:
        return {"code": self.code, "where": self.where, "message": self.message, "severity": self.severity.value}


class HarbingerError(Exception):
    """A failure the user can fix; the CLI prints it without a traceback."""

    def __init__(self, code: str, message: str, hint: str = ""):
        self.code = code
        self.hint = hint
        super().__init__(message)

    def __str__(self) -> str:
        text = f"{self.code}: {self.args[0]}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text


class NotImplementedFeature(HarbingerError):
    """A feature that has a name but no implementation yet: say so plainly."""

    def __init__(self, feature: str):
        super().__init__("H900", f"{feature} is not implemented in this version of Harbinger")
