"""Sentence-level PentaClass: one label per sentence, 0 to 4.

The file is ``sentence<TAB>label`` per line (0 neutral statement, 1 verbal cooperation,
2 material cooperation, 3 verbal conflict, 4 material conflict). fivews labels a sentence
with the PentaClass of its main event — the one whose trigger stands highest in the parse
(nearest the main verb), then the most confident — and with 0 when it finds no event.
The main events are also counted by their confidence: the share whose class is right in
each band of confidence shows whether the score means something.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fivews.evaluate.metrics import FormatError, Report, Table, calibration, confusion, per_class_prf
from fivews.models import Article, Event

LABELS = (0, 1, 2, 3, 4)
LABEL_NAMES = {0: "neutral", 1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    line: int
    text: str
    label: int


def read_labelled(path: str | Path) -> Iterator[LabelledSentence]:
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.rstrip("\n")
            if not line.strip():
                continue
            text, sep, label = line.rpartition("\t")
            if not sep or label.strip() not in {str(x) for x in LABELS}:
                raise FormatError(f"{path}:{number}: expected 'sentence<TAB>label' with a label 0-4")
            yield LabelledSentence(number, text.strip(), int(label))


def main_event(events: list[Event]) -> Event | None:
    if not events:
        return None
    return min(events, key=lambda e: (e.extra.get("depth", 99), -e.confidence, e.sentence_start))


def sentence_class(events: list[Event]) -> int:
    event = main_event(events)
    if event is None or event.penta_class is None:
        return 0
    return event.penta_class


def evaluate_penta(path: str | Path, pipeline, limit: int | None = None, with_details: bool = False) -> Report:
    items = list(read_labelled(path))
    if limit:
        items = items[:limit]
    articles = [Article(id=f"line-{s.line}", text=s.text) for s in items]
    predicted: list[int] = []
    details = []
    scored: list[tuple[float, bool]] = []  # (confidence of the main event, its class right)
    for item, (_, events) in zip(items, pipeline.extract_many(articles)):
        label = sentence_class(events)
        predicted.append(label)
        event = main_event(events)
        if event is not None:
            scored.append((event.confidence, label == item.label))
        if with_details and label != item.label:
            event = main_event(events)
            details.append({"line": item.line, "gold": item.label, "predicted": label, "sentence": item.text,
                            "event": None if event is None else f"{event.type}/{event.mode or ''} «{event.trigger}»"})
    gold = [s.label for s in items]
    per_class = per_class_prf(gold, predicted, LABELS)
    f1s = [per_class[c].f1 or 0.0 for c in LABELS]
    right = sum(g == p for g, p in zip(gold, predicted))
    report = Report("penta", str(path), figures={
        "sentences": len(items),
        "accuracy": right / len(items) if items else None,
        "macro_f1": sum(f1s) / len(f1s),
        "macro_f1_events": sum(f1s[1:]) / 4,
        "gold_distribution": dict(sorted(Counter(gold).items())),
        "predicted_distribution": dict(sorted(Counter(predicted).items())),
    })
    classes = Table("Per class", ["class", "name", "gold", "predicted", "precision", "recall", "f1"])
    for c in LABELS:
        prf = per_class[c]
        classes.rows.append([c, LABEL_NAMES[c], prf.tp + prf.fn, prf.tp + prf.fp, prf.precision, prf.recall, prf.f1])
    matrix = Table("Confusion (rows gold, columns predicted)", ["gold"] + [str(c) for c in LABELS])
    for c, row in zip(LABELS, confusion(gold, predicted, LABELS)):
        matrix.rows.append([c, *row])
    bands, shares = calibration(scored, "Main events' class")
    report.figures.update(shares)
    report.tables += [classes, matrix, bands]
    report.details = details
    return report

