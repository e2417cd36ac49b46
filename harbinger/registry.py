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
        self._table = catalogue.create("harbinger", kind)
        self._entry_points_read = False

    def _read_entry_points(self) -> None:
        """Add what other packages offer through the ``harbinger_<kind>`` entry point group, once per process:
        catalogue would re-read every installed package's entry points on each lookup (about 0.2 ms)."""
        if self._entry_points_read:
            return
        self._entry_points_read = True
        offered = catalogue.Registry(("harbinger", self.kind), entry_points=True).get_entry_points()
        for name, func in offered.items():
            self._table.register(name, func=func)

    def register(self, name: str, func: Any = None) -> Callable:
        return self._table.register(name, func=func)

    def get(self, name: str) -> Any:
        self._read_entry_points()
        if name not in self._table:
            known = ", ".join(sorted(self._table.get_all())) or "none"
            raise HarbingerError("H001", f"unknown {self.kind} '{name}'", hint=f"known {self.kind}: {known}")
        return self._table.get(name)

    def names(self) -> list[str]:
        self._read_entry_points()
        return sorted(self._table.get_all())

    def items(self) -> list[tuple[str, Any]]:
        self._read_entry_points()
        return sorted(self._table.get_all().items())


readers = Registry("readers")
stages = Registry("stages")
scorers = Registry("scorers")
exporters = Registry("exporters")
