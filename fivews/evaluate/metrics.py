"""Counting and arithmetic shared by the scorers: precision/recall/F1, distances, reports."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

EARTH_RADIUS_KM = 6371.0088


class FormatError(ValueError):
    """An annotated file is not in the format its scorer reads."""


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class PRF:
    """True positives, false positives and false negatives, with the usual figures."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        if self.tp == 0:  # nothing right: 0 when anything was expected or predicted
            return 0.0 if self.fp + self.fn else None
        return f1(self.precision, self.recall)

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def count(self, ok: bool) -> None:
        self.total += 1
        self.right += int(ok)

    @property
    def value(self) -> float | None:
        return ratio(self.right, self.total)

    def as_dict(self) -> dict[str, Any]:
        return {"accuracy": self.value, "right": self.right, "total": self.total}


def set_prf(predicted: Iterable, gold: Iterable) -> PRF:
    """Counts for two sets of items (token indices, say)."""
    p, g = set(predicted), set(gold)
    return PRF(tp=len(p & g), fp=len(p - g), fn=len(g - p))


def confusion(gold: Sequence[int], predicted: Sequence[int], labels: Sequence[int]) -> list[list[int]]:
    """Rows are gold labels, columns predicted labels, in the order of ``labels``."""
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted):
        matrix[index[g]][index[p]] += 1
    return matrix


def per_class_prf(gold: Sequence[int], predicted: Sequence[int], labels: Sequence[int]) -> dict[int, PRF]:
    pairs = Counter(zip(gold, predicted))
    out: dict[int, PRF] = {}
    for label in labels:
        tp = pairs[(label, label)]
        fp = sum(n for (g, p), n in pairs.items() if p == label and g != label)
        fn = sum(n for (g, p), n in pairs.items() if g == label and p != label)
        out[label] = PRF(tp, fp, fn)
    return out


@dataclass
class Table:
    """A small table of a report: a title, column names and rows of cells."""

    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"title": self.title, "columns": self.columns, "rows": self.rows}


@dataclass
class Report:
    """What a scorer found: headline figures, tables, and optional per-item details."""

    name: str
    source: str
    figures: dict[str, Any] = field(default_factory=dict)
    tables: list[Table] = field(default_factory=list)
    details: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self, with_details: bool = False) -> dict[str, Any]:
        out = {"eval": self.name, "source": self.source, "figures": self.figures,
               "tables": [t.as_dict() for t in self.tables]}
        if with_details:
            out["details"] = self.details
        return out


CONFIDENCE_BANDS = (0.0, 0.5, 0.7, 0.85, 1.01)


def calibration(scored: Sequence[tuple[float, bool]], what: str) -> tuple[Table, dict[str, Any]]:
    """How often a prediction is right in each band of its confidence: the check that
    the score means something (higher is more often right). Returns the table and the
    figures: the share right per band, and whether it rises from band to band."""
    table = Table(f"{what} right by confidence", ["confidence", "predictions", "right", "share right"])
    shares: dict[str, float | None] = {}
    for low, high in zip(CONFIDENCE_BANDS, CONFIDENCE_BANDS[1:]):
        inside = [ok for conf, ok in scored if low <= conf < high]
        label = f"{low:.2f}-{min(high, 1.0):.2f}"
        share = ratio(sum(inside), len(inside))
        shares[label] = share
        table.rows.append([label, len(inside), sum(inside), share])
    known = [v for v in shares.values() if v is not None]
    rising = all(a <= b for a, b in zip(known, known[1:]))
    return table, {"share_right_by_confidence": shares, "confidence_rises": rising}


def fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)
