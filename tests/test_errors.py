"""The error catalogue is complete: every code the package uses is catalogued with its kind, and nothing catalogued is dead."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import harbinger
from harbinger.errors import MESSAGES, HarbingerError, Problem, Severity

PACKAGE = Path(harbinger.__file__).parent
CODE = re.compile(r"H\d{3}")
PROBLEM_KINDS = {Severity.WARNING, Severity.ERROR}


def _call_kind(node: ast.Call) -> str | None:
    """'problem' for ``Problem.make(...)``, 'fatal' for ``HarbingerError(...)``, else None."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    if name == "HarbingerError":
        return "fatal"
    if name == "make" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "Problem":
        return "problem"
    return None


def _codes_in_source() -> list[tuple[str, str | None, str]]:
    """``(code, kind, where)`` for every code-shaped string literal in the package outside the catalogue itself.

    ``kind`` is the call the literal is the first argument of, or None for a code handed to a helper that raises
    it (``_choice(by, PERIODS, "period", "H501")``).
    """
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "errors.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        kinds = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                kinds[id(node.args[0])] = _call_kind(node)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.fullmatch(node.value):
                where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
                found.append((node.value, kinds.get(id(node)), where))
    return found


SOURCE_CODES = _codes_in_source()


def test_errors_scan_finds_both_kinds():
    kinds = {kind for _, kind, _ in SOURCE_CODES}
    assert {"problem", "fatal", None} <= kinds


def test_errors_every_code_in_source_is_catalogued():
    missing = sorted({f"{code} at {where}" for code, _, where in SOURCE_CODES if code not in MESSAGES})
    assert missing == [], "add these codes to harbinger.errors.MESSAGES"


def test_errors_every_catalogued_code_is_used():
    used = {code for code, _, _ in SOURCE_CODES}
    assert sorted(set(MESSAGES) - used) == [], "catalogued codes nothing raises: remove them"


def test_errors_each_code_is_used_as_its_catalogued_kind():
    wrong = []
    for code, kind, where in SOURCE_CODES:
        severity = MESSAGES[code].severity
        if (kind == "problem" and severity not in PROBLEM_KINDS) or (kind in ("fatal", None) and severity is not Severity.FATAL):
            wrong.append(f"{code} ({severity.value}) used as {kind or 'a raised code'} at {where}")
    assert wrong == []


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_errors_entry_is_complete(code):
    entry = MESSAGES[code]
    assert entry.title and entry.fix and "\n" not in entry.title + entry.fix
    assert bool(entry.template) == (entry.severity in PROBLEM_KINDS), "problems carry a template; HarbingerError writes its own"


@pytest.mark.parametrize("code", ["H999", "H101"])
def test_errors_harbinger_error_rejects_uncatalogued_or_problem_code(code):
    with pytest.raises(LookupError, match=code):
        HarbingerError(code, "message")


def test_errors_problem_make_rejects_fatal_code():
    with pytest.raises(LookupError, match="H001"):
        Problem.make("H001", "here")


@pytest.mark.parametrize(
    ("code", "fields", "text"),
    [
        ("H101", {}, "H101 error: f.txt:1: file is empty"),
        ("H107", {"size": "12", "limit": "10"}, "H107 error: f.txt:1: article is 12 characters, over the limit of 10; split it or raise --max-chars"),
        ("H110", {"value": "2099-01-01", "today": "2026-01-01"}, "H110 warning: f.txt:1: date 2099-01-01 is in the future (today is 2026-01-01); kept with flag 'future_date'"),
    ],
)
def test_errors_problem_make_fills_template(code, fields, text):
    assert str(Problem.make(code, "f.txt:1", **fields)) == text


def test_errors_harbinger_error_keeps_message_and_hint():
    error = HarbingerError("H504", "since 2022-03-01 is after until 2022-01-01", hint="swap the two dates")
    assert (error.code, str(error)) == ("H504", "H504: since 2022-03-01 is after until 2022-01-01\n  hint: swap the two dates")
