"""How actor names are compared: the one key every dictionary, table and lookup uses."""

from __future__ import annotations

import re


def phrase_key(text: str) -> str:
    """How names are compared: lower case, single spaces, hyphens and apostrophes unspaced, ``_`` as a space."""
    text = text.replace("_", " ").replace("\u2019", "'").lower()
    text = re.sub(r"\s*-\s*", "-", text)
    return " ".join(text.split())
