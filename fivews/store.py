"""The event store: the only module that talks to DuckDB.

Articles and events are keyed by content hashes and inserted with ``INSERT OR IGNORE``
inside one transaction per batch, so ingesting the same input twice adds nothing and a
failure never leaves half an article behind.
"""
from __future__ import annotations

import json
import os
from calendar import monthrange
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb

from fivews.models import Article, Event

DEFAULT_DB = "fivews.duckdb"
SCHEMA_VERSION = 1

FLAT_COLUMNS = (
    "event_id", "article_id", "url", "published", "date", "date_end", "date_precision", "date_text",
    "type", "mode", "context", "cameo", "goldstein", "quad_class", "penta_class",
    "acled_event_type", "acled_sub_event_type",
    "source_text", "source_name", "source_code", "source_country", "source_sector", "source_kind", "source_codes",
    "target_text", "target_name", "target_code", "target_country", "target_sector", "target_kind", "target_codes",
    "reported_by_name", "reported_by_code",
    "location_text", "location_name", "location_country", "location_admin1", "lat", "lon", "geonameid", "location_feature",
    "fatalities", "injured", "size", "modality", "historical", "confidence", "trigger", "sentence",
    "sentence_start", "sentence_end",
)

_DDL = f"""
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    article_id VARCHAR PRIMARY KEY, url VARCHAR, title VARCHAR, published DATE, source VARCHAR,
    byline VARCHAR, origin VARCHAR, text VARCHAR, n_events INTEGER, ingested_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, article_id VARCHAR, url VARCHAR, published DATE,
    date VARCHAR, date_end VARCHAR, date_precision VARCHAR, date_text VARCHAR,
    day_first DATE, day_last DATE,
    type VARCHAR, mode VARCHAR, context VARCHAR, cameo VARCHAR, goldstein DOUBLE, quad_class INTEGER,
    penta_class INTEGER, acled_event_type VARCHAR, acled_sub_event_type VARCHAR,
    source_text VARCHAR, source_name VARCHAR, source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR,
    source_kind VARCHAR, source_codes VARCHAR,
    target_text VARCHAR, target_name VARCHAR, target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR,
    target_kind VARCHAR, target_codes VARCHAR,
    reported_by_name VARCHAR, reported_by_code VARCHAR,
    location_text VARCHAR, location_name VARCHAR, location_country VARCHAR, location_admin1 VARCHAR,
    lat DOUBLE, lon DOUBLE, geonameid BIGINT, location_feature VARCHAR,
    fatalities INTEGER, injured INTEGER, size INTEGER, modality VARCHAR, historical BOOLEAN, confidence DOUBLE,
    trigger VARCHAR, sentence VARCHAR, sentence_start INTEGER, sentence_end INTEGER,
    actor_text VARCHAR, record VARCHAR
);
INSERT OR IGNORE INTO meta VALUES ('schema_version', '{SCHEMA_VERSION}');
"""


class StoreError(RuntimeError):
    pass


def default_db_path() -> str:
    return os.environ.get("FIVEWS_DB") or DEFAULT_DB


def _bounds(value: str | None) -> tuple[date | None, date | None]:
    """First and last day a date of any precision covers."""
    if not value:
        return None, None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        d = date(*parts)
        return d, d
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], monthrange(parts[0], parts[1])[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def flatten(event: Event) -> dict:
    """One row per event with actors and place flattened into columns (GDELT/POLECAT style)."""
    row: dict = {}
    rec = event.as_dict()
    for key in ("event_id", "article_id", "url", "published", "date", "date_end", "date_precision", "date_text",
                "type", "mode", "cameo", "goldstein", "quad_class", "penta_class", "acled_event_type",
                "acled_sub_event_type", "fatalities", "injured", "size", "modality", "historical", "confidence",
                "trigger", "sentence", "sentence_start", "sentence_end"):
        row[key] = rec[key]
    row["context"] = ";".join(event.context)
    for side, actors in (("source", event.sources), ("target", event.targets)):
        first = actors[0] if actors else None
        row[f"{side}_text"] = first.text if first else None
        row[f"{side}_name"] = first.name if first else None
        row[f"{side}_code"] = first.code if first else None
        row[f"{side}_country"] = first.country if first else None
        row[f"{side}_sector"] = first.sector if first else None
        row[f"{side}_kind"] = first.kind if first else None
        row[f"{side}_codes"] = ";".join(a.code for a in actors) or None
    row["reported_by_name"] = event.reported_by.name if event.reported_by else None
    row["reported_by_code"] = event.reported_by.code if event.reported_by else None
    loc = event.location
    row["location_text"] = loc.text if loc else None
    row["location_name"] = loc.name if loc else None
    row["location_country"] = loc.country if loc else None
    row["location_admin1"] = loc.admin1 if loc else None
    row["lat"] = loc.lat if loc else None
    row["lon"] = loc.lon if loc else None
    row["geonameid"] = loc.geonameid if loc else None
    row["location_feature"] = loc.feature if loc else None
    return {k: row[k] for k in FLAT_COLUMNS}


@dataclass(frozen=True, slots=True)
class EventQuery:
    actor: str | None = None
    country: str | None = None
    type: str | None = None
    since: date | None = None
    until: date | None = None
    near: tuple[float, float, float] | None = None  # lat, lon, km
    article_id: str | None = None
    limit: int | None = None


class Store:
    def __init__(self, path: str | Path = ":memory:", read_only: bool = False):
        self.path = str(path)
        try:
            if read_only and self.path != ":memory:" and not Path(self.path).exists():
                raise StoreError(f"no fivews store at {self.path}: run `fivews ingest` first or give --db")
            self.conn = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc}") from None
        if not read_only:
            self.conn.execute(_DDL)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------
    def known_articles(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        rows = self.conn.execute("SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0] for r in rows}

    def add(self, batch: Iterable[tuple[Article, list[Event]]]) -> tuple[int, int]:
        """Store articles with their events in one transaction; returns (new articles, new events)."""
        batch = list(batch)
        if not batch:
            return 0, 0
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        before_a = self._count("articles")
        before_e = self._count("events")
        self.conn.execute("BEGIN TRANSACTION")
        try:
            self.conn.executemany(
                "INSERT OR IGNORE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?)",
                [
                    (a.id, a.url, a.title, a.published, a.source, a.byline, a.origin, a.text, len(ev), now)
                    for a, ev in batch
                ],
            )
            rows = []
            for _, events in batch:
                for event in events:
                    flat = flatten(event)
                    first, _ = _bounds(event.date)
                    _, last = _bounds(event.date_end or event.date)
                    actor_text = " | ".join(
                        f"{a.text} {a.name} {a.code}" for a in (*event.sources, *event.targets)
                    )
                    values = dict(flat)
                    values["day_first"] = first
                    values["day_last"] = last
                    values["actor_text"] = actor_text
                    values["record"] = json.dumps(event.as_dict(), ensure_ascii=False)
                    rows.append(values)
            if rows:
                columns = list(rows[0].keys())
                self.conn.executemany(
                    f"INSERT OR IGNORE INTO events ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                    [[r[c] for c in columns] for r in rows],
                )
            self.conn.execute("COMMIT")
        except Exception:
            self.conn.execute("ROLLBACK")
            raise
        return self._count("articles") - before_a, self._count("events") - before_e

    def _count(self, table: str) -> int:
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    # -- reading -------------------------------------------------------------------------
    def _where(self, q: EventQuery) -> tuple[str, list]:
        clauses, params = [], []
        if q.actor:
            clauses.append("actor_text ILIKE ?")
            params.append(f"%{q.actor}%")
        if q.country:
            clauses.append("(source_codes ILIKE ? OR target_codes ILIKE ? OR location_country = ?)")
            params += [f"%{q.country.upper()}%", f"%{q.country.upper()}%", q.country.upper()]
        if q.type:
            clauses.append("(upper(type) = ? OR cameo LIKE ? OR acled_event_type ILIKE ? OR acled_sub_event_type ILIKE ?)")
            params += [q.type.upper(), f"{q.type}%", q.type, q.type]
        if q.since:
            clauses.append("day_last >= ?")
            params.append(q.since)
        if q.until:
            clauses.append("day_first <= ?")
            params.append(q.until)
        if q.near:
            lat, lon, km = q.near
            clauses.append(
                "lat IS NOT NULL AND 2 * 6371.0088 * asin(sqrt(pow(sin(radians(lat - ?) / 2), 2) + "
                "cos(radians(?)) * cos(radians(lat)) * pow(sin(radians(lon - ?) / 2), 2))) <= ?"
            )
            params += [lat, lat, lon, km]
        if q.article_id:
            clauses.append("article_id = ?")
            params.append(q.article_id)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def events(self, query: EventQuery | None = None) -> Iterator[Event]:
        q = query or EventQuery()
        where, params = self._where(q)
        sql = f"SELECT record FROM events{where} ORDER BY day_first NULLS LAST, article_id, sentence_start, event_id"
        if q.limit:
            sql += f" LIMIT {int(q.limit)}"
        for (record,) in self.conn.execute(sql, params).fetchall():
            yield Event.from_dict(json.loads(record))

    def export(self, out: str | Path, fmt: str, query: EventQuery | None = None) -> int:
        """Write flattened events to ``out`` as csv, parquet or jsonl; returns the row count."""
        q = query or EventQuery()
        where, params = self._where(q)
        cols = ", ".join(FLAT_COLUMNS)
        sql = f"SELECT {cols} FROM events{where} ORDER BY day_first NULLS LAST, article_id, sentence_start, event_id"
        count = self.conn.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]
        out = str(out)
        if fmt == "jsonl":
            cursor = self.conn.execute(sql, params)
            names = [d[0] for d in cursor.description]
            with open(out, "w", encoding="utf-8") as fh:
                while True:
                    rows = cursor.fetchmany(1000)
                    if not rows:
                        break
                    for row in rows:
                        fh.write(json.dumps(dict(zip(names, row)), default=str, ensure_ascii=False) + "\n")
            return count
        options = {"csv": "FORMAT csv, HEADER true", "parquet": "FORMAT parquet"}[fmt]
        escaped = out.replace("'", "''")
        self.conn.execute(f"COPY ({sql}) TO '{escaped}' ({options})", params)
        return count

    def stats(self) -> dict[str, int]:
        return {"articles": self._count("articles"), "events": self._count("events")}
