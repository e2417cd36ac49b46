"""Named registries for the parts a user can choose: readers, stages, scorers, exporters.

Each registry maps a name to a function or class (catalogue, as spaCy uses it).
Looking up an unknown name raises a :class:`HarbingerError` that lists the
known names, so a typo on the command line is one clear line, not a traceback.
"""

from __future__ import annotations

from typing import Any, Callable

import catalogue

from harbinger.errors import HarbingerError


class Registry:
    def __init__(self, kind: str):
        self.kind = kind
        self._table = catalogue.create("harbinger", kind, entry_points=True)

    def register(self, name: str, func: Any = None) -> Callable:
        return self._table.register(name, func=func)

    def get(self, name: str) -> Any:
        if name not in self._table:
            known = ", ".join(sorted(self._table.get_all())) or "none"
            raise HarbingerError("H001", f"unknown {self.kind} '{name}'", hint=f"known {self.kind}: {known}")
        return self._table.get(name)

    def names(self) -> list[str]:
        return sorted(self._table.get_all())

    def items(self) -> list[tuple[str, Any]]:
        return sorted(self._table.get_all().items())


readers = Registry("readers")
stages = Registry("stages")
scorers = Registry("scorers")
exporters = Registry("exporters")
