"""Keep the docs honest: the README's CLI reference is the CLI's own help, every error code is documented, the public API exists."""

from __future__ import annotations

import subprocess
import sys

import harbinger
from harbinger.errors import MESSAGES
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_cli_reference_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "cli_reference.py")], capture_output=True, text=True, check=True)
    assert result.stdout.strip() in README, "README CLI reference is stale: run `make docs`"


def test_readme_quick_start_has_exactly_two_commands():
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]


def test_readme_error_codes_are_current():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "cli_reference.py"), "--errors"], capture_output=True, text=True, check=True)
    assert result.stdout.strip() in README, "README error-code table is stale: run `make docs`"


def test_readme_documents_every_error_code():
    missing = [code for code in MESSAGES if f"| {code} |" not in README]
    assert missing == []


def test_public_api_names_exist():
    assert sorted(harbinger.__all__) == sorted(set(harbinger.__all__))
    for name in harbinger.__all__:
        assert hasattr(harbinger, name), name
