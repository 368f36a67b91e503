"""Actor coding against expected codings: one name, a date, the country and sector an
analyst gives it (JSON Lines: {"text", "date", "country", "sector", "accept"?}).

A coding is right when fivews's (country, sector) is the expected pair or one of the
``accept`` alternatives; a name fivews cannot code counts as (null, null).
"""
from __future__ import annotations

import json

from dataclasses import dataclass
from pathlib import Path

from fivews.evaluate.metrics import Accuracy, FormatError, Report, Table
from fivews.times.calendar import parse_iso_date


@dataclass(frozen=True, slots=True)
class ExpectedActor:
    line: int
    text: str
    date: str | None
    wanted: tuple[tuple[str | None, str | None], ...]  # (country, sector), first is the main answer


def read_expected(path: str | Path) -> list[ExpectedActor]:
    out = []
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                data = json.loads(raw)
                text = data["text"]
                main = (data.get("country"), data.get("sector"))
                alts = tuple(tuple(pair) for pair in data.get("accept") or ())
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise FormatError(f"{path}:{number}: expected {{\"text\", \"date\", \"country\", \"sector\"}}") from exc
            day = data.get("date")
            if day is not None and parse_iso_date(str(day)) is None:
                raise FormatError(f"{path}:{number}: date must be YYYY-MM-DD")
            out.append(ExpectedActor(number, text, day, (main, *alts)))
    return out


def evaluate_actors(path: str | Path, pipeline=None, limit: int | None = None, with_details: bool = False,
                    service=None) -> Report:
    from fivews.actors.api import ActorService

    items = read_expected(path)
    if limit:
        items = items[:limit]
    if service is None:
        options = getattr(pipeline, "options", None)
        service = ActorService(getattr(options, "model", None), getattr(options, "actor_files", ()),
                               nlp=getattr(pipeline, "nlp", None))
    total = Accuracy()
    country = Accuracy()
    by_sector: dict[str, Accuracy] = {}
    details = []
    for item in items:
        actor = service.code(item.text, parse_iso_date(item.date) if item.date else None)
        got = (actor.country, actor.sector) if actor else (None, None)
        right = got in item.wanted
        total.count(right)
        country.count(got[0] in {w[0] for w in item.wanted})
        by_sector.setdefault(str(item.wanted[0][1]), Accuracy()).count(right)
        if with_details and not right:
            details.append({"line": item.line, "text": item.text, "date": item.date,
                            "expected": list(item.wanted[0]), "got": list(got), "code": actor.code if actor else None})
    report = Report("actors", str(path), figures={"names": total.total, "accuracy": total.value,
                                                  "country_accuracy": country.value})
    table = Table("By expected sector", ["sector", "names", "right", "accuracy"])
    for sector, acc in sorted(by_sector.items(), key=lambda kv: -kv[1].total):
        table.rows.append([sector, acc.total, acc.right, acc.value])
    report.tables.append(table)
    report.details = details
    return report



