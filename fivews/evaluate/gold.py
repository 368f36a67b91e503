"""Whole articles against the events an analyst expects (the format in docs/gold.md)."""
from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fivews.evaluate.metrics import PRF, Accuracy, FormatError, Report, Table, calibration, haversine_km
from fivews.events.ontology import PLOVER_TYPES
from fivews.models import Article, Event
from fivews.times.calendar import parse_iso_date

DEFAULT_RADIUS_KM = 50.0
SCORED_FIELDS = ("type", "sources", "targets", "date", "place", "fatalities", "injured")
WORD = re.compile(r"\w+")


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class GoldEvent:
    index: int
    evidence: tuple[str, ...]
    type: str
    accept_types: tuple[str, ...] = ()
    trigger: str | None = None
    fields: dict[str, Any] = dataclasses.field(default_factory=dict)  # only the fields the gold scores
    optional: bool = False

    def label(self) -> str:
        return f"#{self.index} {self.type} «{self.evidence[0]}»"


@dataclass(frozen=True)
class GoldArticle:
    article: Article
    events: tuple[GoldEvent, ...]


def _codes(value: Any, where: str) -> tuple[frozenset[str], ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FormatError(f"{where}: actors must be a list of code strings")
    return tuple(frozenset(alt.replace(" ", "").upper() for alt in v.split("|")) for v in value)


def _event(data: Any, index: int, where: str) -> GoldEvent:
    if not isinstance(data, dict):
        raise FormatError(f"{where}: an event must be an object")
    evidence = data.get("evidence")
    evidence = (evidence,) if isinstance(evidence, str) else tuple(evidence or ())
    if not evidence or not all(isinstance(e, str) and e.strip() for e in evidence):
        raise FormatError(f"{where}: 'evidence' must be a non-empty string or list of strings")
    etype = data.get("type")
    accept = tuple(data.get("accept_types") or ())
    for t in (etype, *accept):
        if t not in PLOVER_TYPES:
            raise FormatError(f"{where}: unknown PLOVER type {t!r}")
    fields: dict[str, Any] = {"type": etype}
    for role in ("sources", "targets"):
        if role in data:
            fields[role] = _codes(data[role], f"{where}: {role}")
    if "date" in data and data["date"] is not None:
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(data["date"])):
            raise FormatError(f"{where}: date must be YYYY, YYYY-MM or YYYY-MM-DD")
        fields["date"] = data["date"]
    place = data.get("place")
    if place is not None:
        try:
            fields["place"] = (float(place["lat"]), float(place["lon"]),
                               float(place.get("radius_km") or DEFAULT_RADIUS_KM), place.get("name"))
        except (KeyError, TypeError, ValueError) as exc:
            raise FormatError(f"{where}: place needs numeric lat and lon") from exc
    for count in ("fatalities", "injured"):
        if count in data:
            fields[count] = data[count]
    return GoldEvent(index, tuple(_fold(e) for e in evidence), etype, accept, data.get("trigger"), fields,
                     bool(data.get("optional")))


def read_gold(path: str | Path) -> list[GoldArticle]:
    from fivews.ingest.text import parse_news_text

    path = Path(path)
    out = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise FormatError(f"{where}: not JSON ({exc.msg})") from exc
            if not isinstance(data, dict) or "id" not in data or "events" not in data:
                raise FormatError(f"{where}: an article needs 'id' and 'events'")
            if "text" in data:
                article = Article(id=str(data["id"]), text=data["text"], title=data.get("title"))
            elif "path" in data:
                source = (path.parent / data["path"]).resolve()
                try:
                    raw = source.read_text(encoding="utf-8")
                except OSError as exc:
                    raise FormatError(f"{where}: cannot read {source} ({exc.strerror})") from exc
                article = parse_news_text(raw, origin=str(source), article_id=str(data["id"]))
            else:
                raise FormatError(f"{where}: an article needs 'text' or 'path'")
            if data.get("published"):
                day = parse_iso_date(str(data["published"]))
                if day is None:
                    raise FormatError(f"{where}: published must be YYYY-MM-DD")
                article = dataclasses.replace(article, published=day)
            events = tuple(_event(e, i, f"{where}: event {i}") for i, e in enumerate(data["events"], 1))
            text = _fold(article.text)
            for event in events:
                if not any(e in text for e in event.evidence):
                    raise FormatError(f"{where}: evidence of event {event.index} not in the article: {event.evidence[0]!r}")
            out.append(GoldArticle(article, events))
    return out


def field_checks(gold: GoldEvent, event: Event) -> dict[str, bool]:
    """For each field the gold event scores, whether the prediction has it right."""
    out: dict[str, bool] = {}
    for name, want in gold.fields.items():
        if name == "type":
            out[name] = event.type == want
        elif name in ("sources", "targets"):
            got = {a.code.replace(" ", "").upper() for a in getattr(event, name)}
            out[name] = _codes_match(want, got)
        elif name == "date":
            out[name] = event.date == want
        elif name == "place":
            lat, lon, radius, _ = want
            loc = event.location
            out[name] = loc is not None and loc.lat is not None and haversine_km(lat, lon, loc.lat, loc.lon) <= radius
        elif name in ("fatalities", "injured"):
            out[name] = getattr(event, name) == want
    return out


def _codes_match(want: tuple[frozenset[str], ...], got: set[str]) -> bool:
    if len(want) != len(got):
        return False
    remaining = set(got)
    for alternatives in want:
        hit = next((code for code in sorted(remaining) if code in alternatives), None)
        if hit is None:
            return False
        remaining.discard(hit)
    return True


def _words(text: str | None) -> set[str]:
    return {w.lower() for w in WORD.findall(text or "")}


def _candidates(gold: GoldEvent, events: list[Event], taken: set[int]) -> list[tuple[int, int, Event]]:
    """(agreement, index, event) for predictions that can match the gold event."""
    out = []
    for i, event in enumerate(events):
        if i in taken or not any(e in _fold(event.sentence) for e in gold.evidence):
            continue
        type_ok = event.type == gold.type or event.type in gold.accept_types
        trigger_ok = bool(gold.trigger) and bool(_words(gold.trigger) & _words(event.trigger))
        if gold.trigger and not trigger_ok:
            continue
        if not (type_ok or trigger_ok):
            continue
        agreement = sum(field_checks(gold, event).values()) + 2 * type_ok + 2 * trigger_ok
        out.append((agreement, -i, event))
    return sorted(out, key=lambda c: c[:2], reverse=True)


def match_article(gold: GoldArticle, events: list[Event]) -> tuple[list[tuple[GoldEvent, Event | None]], list[Event]]:
    """Pairs of gold events with their matched prediction (or None), and the unmatched predictions.

    Gold events are matched most constrained first (fewest candidates), so that a
    prediction is not used up by a gold event that had other options.
    """
    taken: set[int] = set()
    pairs: dict[int, Event | None] = {}
    order = sorted(gold.events, key=lambda g: (len(_candidates(g, events, set())), g.index))
    for g in order:
        options = _candidates(g, events, taken)
        if options:
            _, neg_i, event = options[0]
            taken.add(-neg_i)
            pairs[g.index] = event
        else:
            pairs[g.index] = None
    unmatched = [e for i, e in enumerate(events) if i not in taken]
    return [(g, pairs[g.index]) for g in gold.events], unmatched


def evaluate_gold(path: str | Path, pipeline, limit: int | None = None, with_details: bool = False) -> Report:
    golds = read_gold(path)
    if limit:
        golds = golds[:limit]
    by_id = {g.article.id: g for g in golds}
    events_prf = PRF()
    fields = {name: Accuracy() for name in SCORED_FIELDS}
    type_accepted = Accuracy()
    per_article = Table("By article", ["article", "gold", "predicted", "matched", "precision", "recall", "f1"])
    details: list[dict[str, Any]] = []
    scored: list[tuple[float, bool]] = []  # (confidence, matched a gold event) for every prediction
    for article, events in pipeline.extract_many([g.article for g in golds]):
        gold = by_id[article.id]
        pairs, unmatched = match_article(gold, events)
        wrong_ids = {id(e) for e in unmatched}
        scored += [(e.confidence, id(e) not in wrong_ids) for e in events]
        counts = PRF()
        for g, event in pairs:
            if g.optional:
                continue
            if event is None:
                counts.fn += 1
            else:
                counts.tp += 1
                type_accepted.count(event.type == g.type or event.type in g.accept_types)
                for name, ok in field_checks(g, event).items():
                    fields[name].count(ok)
        counts.fp = len(unmatched)
        events_prf.add(counts)
        per_article.rows.append([article.id, sum(not g.optional for g in gold.events), len(events), counts.tp,
                                 counts.precision, counts.recall, counts.f1])
        if with_details:
            for g, event in pairs:
                row: dict[str, Any] = {"article": article.id, "gold": g.label(), "optional": g.optional}
                if event is None:
                    row["result"] = "missed"
                else:
                    wrong = [n for n, ok in field_checks(g, event).items() if not ok]
                    row["result"] = "matched" if not wrong else "matched, wrong " + ", ".join(wrong)
                    row["predicted"] = _describe(event)
                    if wrong:
                        row["expected"] = {n: _show(g.fields[n]) for n in wrong}
                details.append(row)
            for event in unmatched:
                details.append({"article": article.id, "result": "false positive", "predicted": _describe(event)})
    figures: dict[str, Any] = {"articles": len(golds), "gold_events": events_prf.tp + events_prf.fn,
                               "predicted_events": events_prf.tp + events_prf.fp,
                               "event_precision": events_prf.precision, "event_recall": events_prf.recall,
                               "event_f1": events_prf.f1, "type_accepted": type_accepted.value}
    for name in SCORED_FIELDS:
        figures[f"{name}_accuracy"] = fields[name].value
    report = Report("gold", str(path), figures=figures)
    field_table = Table("Field accuracy on matched events", ["field", "scored", "right", "accuracy"])
    for name in SCORED_FIELDS:
        acc = fields[name]
        field_table.rows.append([name, acc.total, acc.right, acc.value])
    bands, shares = calibration(scored, "Predicted events")
    report.figures.update(shares)
    report.tables += [per_article, field_table, bands]
    report.details = details
    return report


def _describe(event: Event) -> dict[str, Any]:
    loc = event.location
    return {"type": event.type, "trigger": event.trigger, "sources": [a.code for a in event.sources],
            "targets": [a.code for a in event.targets], "date": event.date,
            "place": None if loc is None else f"{loc.name} ({loc.lat}, {loc.lon})",
            "fatalities": event.fatalities, "sentence": event.sentence[:120]}


def _show(value: Any) -> Any:
    if isinstance(value, tuple) and value and isinstance(value[0], frozenset):
        return ["|".join(sorted(v)) for v in value]
    if isinstance(value, tuple):
        return list(value)
    return value
