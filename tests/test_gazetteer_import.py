"""`fivews gazetteer import`: places from a GeoNames dump we wrote (tests/resources/geonames_mini.txt)."""
from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from fivews.cli import main
from fivews.places.gazetteer import Gazetteer
from fivews.places.imports import FormatProblem, feature_of, import_geonames, parse_line

DUMP = Path(__file__).parent / "resources" / "geonames_mini.txt"
ISO3 = {"LY": "LBY"}


def test_a_geonames_line_is_read_by_its_columns():
    line = DUMP.read_text(encoding="utf-8").splitlines()[0]
    row = parse_line(line)
    assert (row.geonameid, row.name, row.country, row.feature, row.population) == (90000001, "Qaryat Tamrit", "LY", "city", 1200)
    assert "Tamrit" in row.names and "Tamrit Village" in row.names
    assert row.lat == pytest.approx(31.0512)


def test_malformed_lines_are_refused_with_the_reason():
    with pytest.raises(FormatProblem, match="19 tab-separated columns"):
        parse_line("1\tToo short\t31.0\t14.0")
    with pytest.raises(FormatProblem, match="bad number"):
        parse_line("x" + "\tName" * 18)


def test_feature_levels():
    assert feature_of("P", "PPLA") == "city"
    assert feature_of("A", "ADM1") == "admin1"
    assert feature_of("A", "ADM2") == "admin2"
    assert feature_of("S", "AIRB") == "airport"
    assert feature_of("S", "CHKP") == "landmark"
    assert feature_of("A", "PCLI") is None  # countries come from the packaged index


def test_import_counts_and_is_idempotent(tmp_path):
    target = tmp_path / "imported.sqlite"
    report = import_geonames(DUMP, {90000004}, ISO3, target=target)
    assert report.read == 7
    assert report.malformed == 2 and len(report.first_errors) == 2
    assert report.not_places == 1  # the country line
    assert report.already_packaged == 1  # an id the packaged index holds
    assert report.imported == report.new == 3
    again = import_geonames(DUMP, {90000004}, ISO3, target=target)
    assert again.new == 0 and again.imported == 3
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM place").fetchone()[0] == 3
        names = conn.execute("SELECT count(*) FROM name").fetchone()[0]
    assert names == report.names


def test_imported_places_are_looked_up_with_the_packaged_ones(tmp_path):
    target = tmp_path / "imported.sqlite"
    import_geonames(DUMP, set(), ISO3, target=target)
    packaged = Gazetteer.open_default().path
    gazetteer = Gazetteer(packaged, target)
    found = gazetteer.lookup("Tamrit checkpoint")
    assert [(e.name, e.country, e.feature) for e in found] == [("Tamrit Gate", "LBY", "landmark")]
    assert gazetteer.lookup("qaryat at tamrit")[0].geonameid == 90000001
    assert gazetteer.lookup("Sirte")  # the packaged index still answers
    assert gazetteer.size()["imported places"] == 4


def test_a_zipped_dump_is_read(tmp_path):
    archive = tmp_path / "LY.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(DUMP, "LY.txt")
        zf.writestr("readme.txt", "not places")
    report = import_geonames(archive, set(), ISO3, target=tmp_path / "imported.sqlite")
    assert report.new == 4


def test_cli_import_and_its_errors(tmp_path, monkeypatch):
    monkeypatch.setenv("FIVEWS_DATA_DIR", str(tmp_path / "data"))
    runner = CliRunner()
    result = runner.invoke(main, ["gazetteer", "import", str(DUMP), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["new"] >= 3 and data["malformed"] == 2
    assert (tmp_path / "data" / "imported-places.sqlite").exists()

    missing = runner.invoke(main, ["gazetteer", "import", str(tmp_path / "nope.txt")])
    assert missing.exit_code != 0 and "does not exist" in missing.output

    junk = tmp_path / "junk.txt"
    junk.write_text("this is not\ta GeoNames file\n", encoding="utf-8")
    bad = runner.invoke(main, ["gazetteer", "import", str(junk)])
    assert bad.exit_code == 1 and "GeoNames' format" in bad.output


def test_an_event_is_placed_at_an_imported_village(tmp_path, monkeypatch):
    from fivews.models import Article
    from fivews.pipeline import Pipeline

    text = ("Forces loyal to the Government of National Accord clashed with LNA fighters near Qaryat Tamrit "
            "on Tuesday, a local official said.")
    monkeypatch.setenv("FIVEWS_DATA_DIR", str(tmp_path))
    before = Pipeline().extract(Article(id="t", text=text, published=None))
    assert all(e.location is None or e.location.name != "Qaryat Tamrit" for e in before)
    data = tmp_path / "imported-places.sqlite"
    shutil.copy(DUMP, tmp_path / "LY.txt")
    import_geonames(tmp_path / "LY.txt", set(), ISO3, target=data)
    events = Pipeline().extract(Article(id="t", text=text, published=None))
    clash = next(e for e in events if e.type == "ASSAULT")
    assert clash.location is not None and clash.location.name == "Qaryat Tamrit"
    assert clash.location.country == "LBY" and clash.location.geonameid == 90000001
