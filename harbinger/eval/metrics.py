"""Counts and the figures derived from them: precision, recall, F1, accuracy."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MetricRow:
    """One line of an evaluation report: a stage, what was measured, the counts and the rates."""

    stage: str
    metric: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    n: int = 0  # gold items considered
    note: str = ""

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        def rate(value: float | None) -> float | None:
            return None if value is None else round(value, 4)

        return {
            "stage": self.stage,
            "metric": self.metric,
            "n": self.n,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": rate(self.precision),
            "recall": rate(self.recall),
            "f1": rate(self.f1),
            "note": self.note,
        }


COLUMNS = ["stage", "metric", "n", "tp", "fp", "fn", "precision", "recall", "f1", "note"]


def accuracy_row(stage: str, metric: str, correct: int, total: int, note: str = "") -> MetricRow:
    """An accuracy as a row: every item has a gold answer, so P = R = F1 = accuracy."""
    return MetricRow(stage, metric, tp=correct, fp=total - correct, fn=total - correct, n=total, note=note)
