"""Toponym recognition and resolution on GeoWebNews-style XML.

The corpus marks every toponym with character offsets, a fine-grained type and, for
places that can be put on a map, coordinates. The fine types fall into four groups:

- literal: the place itself ("fighting in Sirte", "Sirte's mayor" as a modifier);
- metonymic: the place standing for people or an institution ("Ankara said");
- demonym: "Turkish", "Libyans";
- non-locational: a place name used as the name of something else (a person, a
  club, a language) — a prediction here is a false positive.

Common-noun "expressions" ("the town", "residents") are in the file for other uses and
are ignored: a prediction that only overlaps one is neither right nor wrong.

Figures: recognition precision/recall/F1 by span overlap against the first three groups
(and recall without the toponyms embedded in other names, "The Washington Post");
resolution accuracy within 161 km on the gold toponyms found that have coordinates; and
end-to-end recall within 161 km (found and placed right / all with coordinates).
"""
from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fivews.evaluate.metrics import PRF, FormatError, Accuracy, Report, Table, f1, haversine_km
from fivews.models import Article, PlaceMention

GROUPS = {
    "Literal": "literal", "Mixed": "literal", "Coercion": "literal", "Literal_Modifier": "literal",
    "Embedded_Literal": "literal",
    "Metonymic": "metonymic", "Non_Literal_Modifier": "metonymic", "Embedded_Non_Lit": "metonymic",
    "Demonym": "demonym",
    "Homonym": "non-locational", "Non_Toponym": "non-locational", "Language": "non-locational",
}
TOPONYM_GROUPS = ("literal", "metonymic", "demonym")
GROUP_ORDER = TOPONYM_GROUPS + ("non-locational",)
ACCURACY_KM = 161.0
EMBEDDED = {"Embedded_Literal", "Embedded_Non_Lit"}  # toponyms inside other names ("The Washington Post")


def _recall_without(found_by_type: dict, excluded: set[str]) -> float | None:
    kept = [acc for ty, acc in found_by_type.items() if GROUPS.get(ty) in TOPONYM_GROUPS and ty not in excluded]
    total = sum(a.total for a in kept)
    return sum(a.right for a in kept) / total if total else None


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    type: str
    lat: float | None
    lon: float | None

    @property
    def group(self) -> str | None:
        return GROUPS.get(self.type)


@dataclass(frozen=True, slots=True)
class GoldArticle:
    article: Article
    toponyms: tuple[GoldToponym, ...]


def _float(node: ET.Element, tag: str) -> float | None:
    child = node.find(tag)
    if child is None or not (child.text or "").strip():
        return None
    return float(child.text)


def read_gwn(path: str | Path) -> Iterator[GoldArticle]:
    """Articles and their toponyms from a GeoWebNews XML file."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise FormatError(f"{path}: not well-formed XML ({exc})") from exc
    articles = root.findall("article")
    if not articles:
        raise FormatError(f"{path}: no <article> elements: not a GeoWebNews file")
    for node in articles:
        text = node.findtext("text") or ""
        ident = node.get("file") or str(len(text))
        toponyms = []
        for t in node.iter("toponym"):
            try:
                start, end = int(t.findtext("start")), int(t.findtext("end"))
            except (TypeError, ValueError) as exc:
                raise FormatError(f"{path}: article {ident}: toponym without start/end offsets") from exc
            toponyms.append(GoldToponym(start, end, text[start:end], (t.findtext("type") or "").strip(),
                                        _float(t, "latitude"), _float(t, "longitude")))
        yield GoldArticle(Article(id=f"gwn-{ident}", text=text, title=node.findtext("title")), tuple(toponyms))


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


@dataclass
class _Tally:
    recognition: PRF
    found: dict[str, Accuracy]  # per group: gold toponyms found
    found_by_type: dict[str, Accuracy]
    resolved: dict[str, Accuracy]  # per group: found toponyms placed within 161 km
    end_to_end: Accuracy
    errors_km: list[float]


def score_article(gold: GoldArticle, predicted: list[PlaceMention], tally: _Tally, details: list | None) -> None:
    toponyms = [t for t in gold.toponyms if t.group in TOPONYM_GROUPS]
    negatives = [t for t in gold.toponyms if t.group == "non-locational"]
    ignored = [t for t in gold.toponyms if t.group is None]
    for p in predicted:
        if any(_overlaps(p.start, p.end, t.start, t.end) for t in toponyms):
            tally.recognition.tp += 1
        elif any(_overlaps(p.start, p.end, t.start, t.end) for t in negatives) or not any(
                _overlaps(p.start, p.end, t.start, t.end) for t in ignored):
            tally.recognition.fp += 1
            if details is not None:
                details.append({"article": gold.article.id, "kind": "false_positive", "text": gold.article.text[p.start:p.end],
                                "start": p.start, "end": p.end})
    for t in gold.toponyms:
        if t.group is None:
            continue
        hits = [p for p in predicted if _overlaps(p.start, p.end, t.start, t.end)]
        tally.found.setdefault(t.group, Accuracy()).count(bool(hits))
        tally.found_by_type.setdefault(t.type, Accuracy()).count(bool(hits))
        if t.group not in TOPONYM_GROUPS:
            continue
        if not hits:
            tally.recognition.fn += 1
        if t.lat is None or t.lon is None:
            if details is not None and not hits:
                details.append({"article": gold.article.id, "kind": "missed", "text": t.text, "type": t.type})
            continue
        best = _closest(hits, t)
        km = haversine_km(t.lat, t.lon, best.place.lat, best.place.lon) if best and best.place.lat is not None else None
        right = km is not None and km <= ACCURACY_KM
        if hits:
            tally.resolved.setdefault(t.group, Accuracy()).count(right)
            if km is not None:
                tally.errors_km.append(km)
        tally.end_to_end.count(right)
        if details is not None and not right:
            details.append({"article": gold.article.id, "kind": "missed" if not hits else "misplaced", "text": t.text,
                            "type": t.type, "gold": [t.lat, t.lon],
                            "predicted": None if not best else [best.place.name, best.place.country, best.place.lat,
                                                                best.place.lon],
                            "km": None if km is None else round(km)})


def _closest(hits: list[PlaceMention], t: GoldToponym) -> PlaceMention | None:
    """The overlapping prediction that matches the gold span best (longest overlap)."""
    if not hits:
        return None
    return max(hits, key=lambda p: min(p.end, t.end) - max(p.start, t.start))


def evaluate_places(path: str | Path, pipeline, limit: int | None = None, with_details: bool = False) -> Report:
    articles = list(read_gwn(path))
    if limit:
        articles = articles[:limit]
    tally = _Tally(PRF(), {}, {}, {}, Accuracy(), [])
    details: list | None = [] if with_details else None
    gold_by_id = {g.article.id: g for g in articles}
    for article, mentions in pipeline.places_many([g.article for g in articles]):
        score_article(gold_by_id[article.id], mentions, tally, details)
    resolved_all = Accuracy(sum(a.right for a in tally.resolved.values()), sum(a.total for a in tally.resolved.values()))
    literal = tally.resolved.get("literal", Accuracy())
    found_all = Accuracy(sum(tally.found.get(g, Accuracy()).right for g in TOPONYM_GROUPS),
                         sum(tally.found.get(g, Accuracy()).total for g in TOPONYM_GROUPS))
    report = Report("places", str(path), figures={
        "articles": len(articles),
        "gold_toponyms": found_all.total,
        "recognition_precision": tally.recognition.precision,
        "recognition_recall": found_all.value,
        "recognition_recall_not_embedded": _recall_without(tally.found_by_type, EMBEDDED),
        "recognition_f1": f1(tally.recognition.precision, found_all.value),
        "accuracy_161km": resolved_all.value,
        "accuracy_161km_literal": literal.value,
        "end_to_end_recall_161km": tally.end_to_end.value,
        "median_error_km": round(statistics.median(tally.errors_km), 1) if tally.errors_km else None,
        "predicted_mentions": tally.recognition.tp + tally.recognition.fp,
    })
    groups = Table("By toponym group", ["group", "gold", "found", "recall", "with coords found", "within 161 km",
                                        "accuracy"])
    for group in GROUP_ORDER:
        found = tally.found.get(group, Accuracy())
        res = tally.resolved.get(group, Accuracy())
        groups.rows.append([group, found.total, found.right, found.value, res.total, res.right, res.value])
    types = Table("By corpus type", ["type", "group", "gold", "found", "recall"])
    for ty, acc in sorted(tally.found_by_type.items(), key=lambda kv: (GROUP_ORDER.index(GROUPS[kv[0]]), kv[0])):
        types.rows.append([ty, GROUPS[ty], acc.total, acc.right, acc.value])
    report.tables += [groups, types]
    report.details = details or []
    return report
