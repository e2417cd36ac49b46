"""Coded, explained messages for everything a user can get wrong.

Every problem a user can meet has a short code (``H101``), a sentence saying what
went wrong, where (file, line or record) and what to do. Readers report bad
records as :class:`Problem` values and keep going; :class:`HarbingerError` is
raised only when nothing sensible can continue (unknown reader, missing file).
:data:`MESSAGES` catalogues every code of both kinds; ``scripts/cli_reference.py``
renders it into the README, and an uncatalogued code fails as soon as it is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    WARNING = "warning"  # the record was kept, with a flag
    ERROR = "error"  # the record was skipped
    FATAL = "fatal"  # nothing sensible could continue: raised as HarbingerError


@dataclass(frozen=True)
class Message:
    """One catalogued code: how bad it is, what went wrong (one line) and what the user should do."""

    severity: Severity
    title: str
    fix: str
    template: str = ""  # a Problem's message, filled with Problem.make's keyword arguments; HarbingerError writes its own


def _warning(template: str, title: str, fix: str) -> Message:
    return Message(Severity.WARNING, title, fix, template)


def _error(template: str, title: str, fix: str) -> Message:
    return Message(Severity.ERROR, title, fix, template)


def _fatal(title: str, fix: str) -> Message:
    return Message(Severity.FATAL, title, fix)


MESSAGES: dict[str, Message] = {
    # --- usage and setup (HarbingerError) ------------------------------------------
    "H001": _fatal(
        "unknown reader, stage, scorer or other registered name",
        "use one of the names the error lists; `harbinger stages` shows them all",
    ),
    "H002": _fatal("input file or folder does not exist", "check the path, or pass `-` to read standard input"),
    "H003": _fatal(
        "spaCy pipeline is not installed",
        "run `make setup`, or pass `--model` naming an installed pipeline",
    ),
    "H004": _fatal(
        "stages are in an order that breaks a stage's requirements",
        "put the stages the error names before it in `--stages`",
    ),
    "H005": _fatal("actor dictionary file given with `--actors` does not exist", "check the path to the dictionary"),
    "H006": _fatal("`--since`/`--until` value is not a date", "write dates as YYYY-MM-DD"),
    "H007": _fatal(
        "a `run` option is out of range",
        "give `--threshold` above 0 and at most 1, and `--batch-size`/`--batch-words` of at least 1",
    ),
    "H008": _fatal(
        "settings given for stages that do not run",
        "add those stages to `--stages`, or drop their settings",
    ),
    "H009": _warning(
        "no such file or folder; skipped, the other inputs are read",
        "an input path does not exist: skipped, the others are read (the run exits 1)",
        "check the path, then run the same command again: what is stored already is skipped",
    ),
    # --- reading input (Problem: the run goes on) ------------------------------------
    "H101": _error("file is empty", "file is empty", "check the file was written completely"),
    "H102": _error(
        "file looks binary (NUL bytes or no text), not read",
        "file looks binary",
        "pass text, JSON, CSV, HTML or Parquet files",
    ),
    "H103": _warning(
        "not valid UTF-8; decoded as {encoding} instead — check accents and quotes",
        "not UTF-8: decoded with the detected encoding",
        "check accents and quotes in the output; re-save the file as UTF-8",
    ),
    "H104": _error(
        "malformed JSON: {reason}",
        "malformed JSON line",
        "fix the JSON at the line given; the other lines are read",
    ),
    "H105": _error(
        "record has no text in field '{field}' (fields present: {present})",
        "record has no text in the text field",
        "fill the field, or choose another with `--text-field`",
    ),
    "H106": _error(
        "CSV has no column '{field}' (columns: {present}); use --text-field to choose one",
        "CSV/Parquet has no text column",
        "choose the column holding the text with `--text-field`",
    ),
    "H107": _error(
        "article is {size} characters, over the limit of {limit}; split it or raise --max-chars",
        "article longer than `--max-chars` (default 1,000,000)",
        "split the article, or raise `--max-chars`",
    ),
    "H108": _warning(
        "no document date; kept with flag 'no_date' — relative dates will not be resolved",
        "no document date: kept, flagged `no_date`; relative dates stay unresolved",
        "give each record a date (`date` field or line) so relative dates resolve",
    ),
    "H109": _warning(
        "date '{value}' could not be parsed; kept with flag 'bad_date' and no date",
        "date cannot be parsed: kept, flagged `bad_date`",
        "write the date as YYYY-MM-DD",
    ),
    "H110": _warning(
        "date {value} is in the future (today is {today}); kept with flag 'future_date'",
        "date in the future: kept, flagged `future_date`",
        "check the record's date",
    ),
    "H111": _error(
        "seed-format file has no 'date YYYY-MM-DD' line at the start",
        "seed-format file without its `date` line",
        "start the file with a line `date YYYY-MM-DD`",
    ),
    "H112": _error(
        "JSON record is a {kind}, not an object",
        "JSON record is not an object",
        "write one JSON object per record",
    ),
    "H113": _error(
        "could not read file: {reason}",
        "file cannot be read (permissions, I/O)",
        "check the file's permissions and disk",
    ),
    "H114": _error(
        "HTML page has no extractable main text",
        "HTML page with no extractable main text",
        "pass the article page itself, not an index or a script-only page",
    ),
    "H115": _error(
        "Parquet file could not be read: {reason}",
        "Parquet file cannot be read",
        "check the file is complete Parquet (re-export it)",
    ),
    "H116": _error("gzip stream is corrupt: {reason}", "corrupt gzip stream", "re-download or re-compress the file"),
    "H117": _warning(
        "skipped while reading a folder: not a news file type ({suffix}); name it directly to read it",
        "a file in a folder that is not a news file type (`.md`, `.png`, …) was skipped",
        "name the file directly to read it anyway",
    ),
    "H118": _error(
        "more than {limit} bytes (after any decompression), the most one document may be at --max-chars {max_chars}; "
        "not read — split it, or raise --max-chars",
        "file too large for one document (`--max-chars` × 16 bytes): a decompression bomb or an unsplit dump",
        "split the file into one article per file (or use JSON Lines), or raise `--max-chars`",
    ),
    "H119": _error(
        "record is more than {limit} bytes, the most one record may be at --max-chars {max_chars}; {outcome}",
        "JSON or CSV record too large to read (`--max-chars` × 16 bytes)",
        "split the record, or raise `--max-chars`; a CSV file is read no further than such a line",
    ),
    "H120": _error(
        "JSON record is nested more than {limit} levels deep; skipped",
        "JSON record nested too deeply",
        "flatten the record: a news record needs a few levels at most",
    ),
    "H121": _error("malformed CSV row: {reason}; skipped", "malformed CSV row", "fix the row at the line given; the other rows are read"),
    "H122": _warning(
        "date {value} is outside the years {first}–{last} (a placeholder for 'no date'?); kept with flags 'no_date', 'bad_date'",
        "date out of range (0001-01-01, 9999-12-31): kept, flagged `bad_date`, with no date",
        "give the record its real date, or leave the date empty",
    ),
    # --- running stages (Problem) ----------------------------------------------------
    "H201": _error(
        "stage '{stage}' failed on article {article}: {reason}",
        "a pipeline stage failed on one article (the rest of its batch is kept)",
        "the other articles are kept; report the failure with the article, as a stage should never fail",
    ),
    # --- the store (HarbingerError) --------------------------------------------------
    "H301": _fatal("no store at the given path", "run `harbinger run PATH` first, or pass `--db`"),
    "H302": _fatal(
        "the store cannot be opened",
        "check the file is a Harbinger DuckDB store and no other process holds it open",
    ),
    "H303": _fatal(
        "a batch could not be written to the store (it was rolled back)",
        "check disk space and permissions, then run again: whole batches already written are kept",
    ),
    "H304": _fatal("no such table in the store", "use one of the tables the error lists"),
    "H305": _fatal(
        "no `<table>.parquet` files in the folder to import",
        "import a folder written by `harbinger export --format parquet`",
    ),
    "H306": _fatal(
        "Parquet import failed (nothing was imported)",
        "check the files come from `harbinger export --format parquet` of a compatible version",
    ),
    "H307": _fatal(
        "the store is in use by another process (one process can write a store at a time)",
        "wait for the other `harbinger` process the error names to finish (or stop it), then run again",
    ),
    "H308": _warning(
        "run {run_id} ({command}, started {started}) never finished: its process was killed; marked 'killed'",
        "an earlier run on the store never finished (its process was killed); it is marked `killed`",
        "run that run's command again: its whole batches are kept and the rest is added",
    ),
    # --- evaluation (HarbingerError) -------------------------------------------------
    "H401": _fatal("no gold file at the given path", "check the path to the gold file"),
    "H402": _fatal("malformed gold record", "fix the record at the line given: JSON with `text` and `expected`"),
    "H403": _fatal("seed gold has no `doc` naming its article", "add `doc` with the article's file name"),
    "H404": _fatal("a gold article cannot be read", "fix the article file (the error lists its problems)"),
    "H405": _fatal("gold article not found", "pass `--texts DIR` with the folder holding the gold articles"),
    "H406": _fatal(
        "the pipeline failed on gold texts",
        "fix the failing stage (the error lists the problems), then evaluate again",
    ),
    # --- queries, analysis and the API (HarbingerError) ------------------------------
    "H501": _fatal("unknown period for `--by`", "use day, week or month"),
    "H502": _fatal("unknown event mode", "use occurred, all or one of the modes the error lists"),
    "H503": _fatal("unknown level", "use country or code"),
    "H504": _fatal("`since` is after `until`", "swap the two dates"),
    "H505": _fatal("bad alert settings", "change the settings the error names to within their limits"),
    "H506": _fatal("unknown event order", "use one of the orders the error lists"),
    "H507": _fatal(
        "store schema is older than the API needs",
        "run `harbinger run` on the store once (that migrates it), then serve it again",
    ),
    "H508": _fatal("`since`..`until` spans more than 50 years", "narrow the date range"),
    "H509": _fatal("option value is not one of the allowed choices", "use one of the values the error lists"),
    "H510": _fatal(
        "the event tables name a CAMEO code that is not in cameo_codes.csv",
        "fix the verb patterns or lexicon data (or the --tables folder) that name the code",
    ),
    "H511": _fatal(
        "the store has no events table, or one older than the command needs",
        "run `harbinger run` on the store once (that migrates it), then ask again",
    ),
    "H512": _fatal("unknown PLOVER event type", "use one of the types the error lists (`--type ASSAULT,COERCE`)"),
    "H513": _fatal("unknown event timing", "use current, historical, future or all"),
    "H515": _fatal("`--dyad` is not SOURCE:TARGET", "write the dyad as two actor codes or countries joined by a colon: `USA:RUS`"),
    # --- exports (HarbingerError) ------------------------------------------------------
    "H521": _fatal("export output path is unusable", "give a file path for file formats and a folder path for parquet"),
    "H522": _fatal("this format cannot be written to standard output", "give an output path (`--out`/`-o`)"),
    "H523": _fatal("the export could not be written", "check the output folder exists or can be created, is writable and has space"),
    "H530": _fatal(
        "a series or timeline would have more periods than the limit (5,000)",
        "narrow `since`/`until` (one left out defaults to the first or last event), or count per week or month",
    ),
    "H531": _fatal(
        "alerts would score more dyad-weeks than the limit",
        "pass `since` (only recent weeks are then scored), a `source` or `target`, or use level country",
    ),
    "H532": _fatal("more rows asked for than the limit", "ask for at most the limit the error names"),
    "H533": _fatal(
        "the request's Host header is not an allowed host (DNS rebinding guard)",
        "open the dashboard as http://127.0.0.1:PORT/ or http://localhost:PORT/, or start `harbinger serve` with `--allow-host NAME`",
    ),
    "H534": _fatal(
        "the store cannot be served: another process is writing it",
        "wait for the `harbinger run` that writes it to finish (or stop it), or serve a copy of the file",
    ),
    "H535": _fatal("the store cannot be opened: not a DuckDB file, damaged or unreadable", "check the path names a store written by `harbinger run`"),
    "H536": _fatal("the store could not answer the request (out of memory or busy)", "retry, or narrow the request"),
    # --- actor dictionaries (HarbingerError) -----------------------------------------
    "H601": _fatal("actor dictionary cannot be read", "check the file's path and permissions"),
    "H602": _fatal(
        "actor dictionary entry has no name or no code",
        "give every entry a name and a code (fields: name, aliases, code, role, from, to)",
    ),
    "H603": _fatal("actor dictionary entry has a bad date", "write `from`/`to` dates as YYYY-MM-DD"),
    "H604": _warning(
        "office-holder row skipped: {reason}",
        "office-holder row skipped (`actors update`)",
        "fix the row (columns: person_qid, name, position_label, country_iso3, igo, role, start, end) and update again",
    ),
    "H605": _fatal("office-holder table cannot be read or installed", "give a readable CSV or JSON file and a writable data folder"),
    "H606": _fatal("office-holder table has no valid rows", "check the file's columns against docs/actors-update.md"),
    # --- scale-out, continuous ingestion and recoding -----------------------------------
    "H701": _fatal(
        "the Dask scheduler does not answer",
        "check the address (tcp://host:8786) and that `dask scheduler` is running there, or use --workers N for a local cluster",
    ),
    "H702": _error(
        "partition {partition} ({records} records) was lost: {reason}",
        "a partition failed on every try (its worker died or raised); its records were not stored",
        "the rest of the run is stored; run the same command again to retry it, or read that file alone to find the record",
    ),
    "H703": _fatal(
        "the run's scale-out options cannot be used together or on this input",
        "--workers N (N >= 1) or --scheduler ADDRESS, not both; both read files, not standard input",
    ),
    "H704": _fatal("the watched folder does not exist or went away", "create the folder (or mount it again) and start `harbinger watch` again"),
    "H705": _error(
        "feed {feed}: {reason}",
        "a feed could not be read (HTTP error, not RSS/Atom, unreachable)",
        "check the feed's address; the other feeds are read, and this one is tried again next round",
    ),
    "H706": _error(
        "article {url}: {reason}",
        "an article page could not be fetched or held no text",
        "the other articles are stored; this one is tried again next round",
    ),
    "H707": _warning(
        "{url}: robots.txt of {host} disallows fetching it; skipped",
        "a site's robots.txt disallows fetching a page",
        "nothing to do: Harbinger respects robots.txt; read the article from a file instead",
    ),
    "H708": _fatal("a file of feed addresses cannot be read or lists none", "give feed URLs as arguments or a file with one URL per line"),
}


def _entry(code: str, severities: tuple[Severity, ...], raiser: str) -> Message:
    entry = MESSAGES.get(code)
    if entry is None or entry.severity not in severities:
        kinds = "/".join(s.value for s in severities)
        raise LookupError(f"{raiser} code {code!r} is not catalogued as {kinds} in harbinger.errors.MESSAGES; add it there")
    return entry


@dataclass(frozen=True)
class Problem:
    """One bad or doubtful input record: where it is, what is wrong, what happened to it."""

    code: str
    where: str  # "path:line" or "path#record"
    message: str
    severity: Severity

    @classmethod
    def make(cls, code: str, where: str, **fields: object) -> "Problem":
        entry = _entry(code, (Severity.WARNING, Severity.ERROR), "Problem")
        return cls(code=code, where=where, message=entry.template.format(**fields), severity=entry.severity)

    def __str__(self) -> str:
        return f"{self.code} {self.severity.value}: {self.where}: {self.message}"

    def to_dict(self) -> dict:
        return {"code": self.code, "where": self.where, "message": self.message, "severity": self.severity.value}


class HarbingerError(Exception):
    """A failure the user can fix; the CLI prints it without a traceback."""

    def __init__(self, code: str, message: str, hint: str = ""):
        _entry(code, (Severity.FATAL,), "HarbingerError")
        self.code = code
        self.hint = hint
        super().__init__(message)

    def __str__(self) -> str:
        text = f"{self.code}: {self.args[0]}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text
