"""The DuckDB store: idempotent writes, queries, exports."""
from __future__ import annotations

import csv
import json
from datetime import date

import duckdb

from fivews.models import Actor, Article, Event, Place
from fivews.store import EventQuery, Store

LNA = Actor("the LNA", "Libyan National Army", "LBYREB", "LBY", "REB", "armed_group", "lna")
TUR = Actor("Ankara", "Turkey", "TURGOV", "TUR", "GOV", "state", "TUR")
SIRTE = Place("Sirte", "Sirte", "LBY", None, 31.20892, 16.58866, 2210554, "city")
CAIRO = Place("Cairo", "Cairo", "EGY", None, 30.06263, 31.24967, 360630, "city")


def _event(eid, article, etype, sources, day, place, targets=()):
    return Event(
        event_id=eid, article_id=article, url=None, published="2020-01-08", sentence="s.", sentence_start=0,
        sentence_end=2, trigger="t", type=etype, sources=tuple(sources), targets=tuple(targets), date=day,
        date_precision="day" if day and len(day) == 10 else "month", location=place, confidence=0.7,
    )


def _batch():
    a1 = Article("a1", "one", published=date(2020, 1, 8))
    a2 = Article("a2", "two", published=date(2020, 1, 9))
    return [
        (a1, [_event("e1", "a1", "ASSAULT", [LNA], "2020-01-06", SIRTE),
              _event("e2", "a1", "SUPPORT", [TUR], "2020-01", CAIRO, targets=[LNA])]),
        (a2, [_event("e3", "a2", "CONSULT", [TUR], "2019-12-30", CAIRO)]),
    ]


def test_adding_twice_adds_nothing(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        assert store.add(_batch()) == (2, 3)
        assert store.add(_batch()) == (0, 0)
        assert store.stats() == {"articles": 2, "events": 3}
    with Store(path, read_only=True) as store:  # reopened from disk: nothing lost
        assert store.stats() == {"articles": 2, "events": 3}
        assert store.known_articles(["a1", "zz"]) == {"a1"}


def test_round_trip_and_filters():
    with Store(":memory:") as store:
        store.add(_batch())
        events = list(store.events())
        assert [e.event_id for e in events] == ["e3", "e2", "e1"]  # by date; a month sorts at its first day
        assert events[2].sources[0] == LNA and events[2].location == SIRTE
        ids = lambda q: sorted(e.event_id for e in store.events(q))  # noqa: E731
        assert ids(EventQuery(actor="libyan national")) == ["e1", "e2"]
        assert ids(EventQuery(country="EGY")) == ["e2", "e3"]
        assert ids(EventQuery(type="assault")) == ["e1"]
        assert ids(EventQuery(since=date(2020, 1, 15))) == ["e2"]  # the month overlaps
        assert ids(EventQuery(until=date(2019, 12, 31))) == ["e3"]
        assert ids(EventQuery(near=(31.2, 16.6, 20))) == ["e1"]
        assert ids(EventQuery(near=(31.2, 16.6, 1500))) == ["e1", "e2", "e3"]


def test_exports(tmp_path):
    with Store(":memory:") as store:
        store.add(_batch())
        assert store.export(tmp_path / "e.csv", "csv") == 3
        assert store.export(tmp_path / "e.parquet", "parquet", EventQuery(type="ASSAULT")) == 1
        assert store.export(tmp_path / "e.jsonl", "jsonl") == 3
    rows = list(csv.DictReader(open(tmp_path / "e.csv", encoding="utf-8")))
    assert rows[2]["source_code"] == "LBYREB" and rows[2]["source_country"] == "LBY"
    assert rows[1]["target_name"] == "Libyan National Army" and rows[1]["lat"].startswith("30.06")
    parquet = duckdb.sql(f"SELECT type, source_name, lon FROM '{tmp_path / 'e.parquet'}'").fetchall()
    assert parquet == [("ASSAULT", "Libyan National Army", 16.58866)]
    lines = [json.loads(line) for line in open(tmp_path / "e.jsonl", encoding="utf-8")]
    assert [line["event_id"] for line in lines] == ["e3", "e2", "e1"]
