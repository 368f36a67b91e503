"""The command line, through click's runner: formats, exit codes, bad input, the store."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from fivews.cli import main


@pytest.fixture()
def runner():
    return CliRunner()


def test_demo_prints_a_table(runner):
    result = runner.invoke(main, ["demo"])
    assert result.exit_code == 0, result.output
    assert "ASSAULT" in result.output and "Sirte" in result.output and "Istanbul" in result.output


def test_extract_formats(runner, articles_dir):
    path = str(articles_dir / "battle_ukraine_2022.txt")
    jsonl = runner.invoke(main, ["extract", path, "--format", "jsonl", "-q"])
    assert jsonl.exit_code == 0, jsonl.output
    records = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert records and all(r["article_id"] == records[0]["article_id"] for r in records)
    as_json = runner.invoke(main, ["extract", path, "--format", "json", "-q"])
    assert json.loads(as_json.stdout) == records
    as_csv = runner.invoke(main, ["extract", path, "--format", "csv", "-q"])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(rows) == len(records) and "source_code" in rows[0]


def test_extract_bad_input_exit_code(runner, tmp_path, articles_dir):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "c.jsonl").write_text('{"text": "Police detained ten protesters in Minsk on Sunday."}\n{oops\n')
    result = runner.invoke(main, ["extract", str(tmp_path), str(tmp_path / "nope.md"), "--format", "jsonl", "-q"])
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.stderr
    assert "c.jsonl:2: malformed JSON" in result.stderr
    assert "nope.md: no such file or directory" in result.stderr
    assert "Traceback" not in result.output
    assert any(json.loads(line)["type"] == "COERCE" for line in result.stdout.splitlines())


def test_extract_empty_json_is_a_list(runner, tmp_path):
    (tmp_path / "calm.txt").write_text("The weather was mild and the markets were quiet.")
    result = runner.invoke(main, ["extract", str(tmp_path / "calm.txt"), "--format", "json", "-q"])
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_places_jsonl_offsets(runner, tmp_path):
    text = "Shelling was reported near Kharkiv and in Donetsk, Ukraine, on Monday."
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "k1", "text": text}) + "\n")
    result = runner.invoke(main, ["places", str(tmp_path / "c.jsonl"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    mentions = [json.loads(line) for line in result.stdout.splitlines()]
    by_text = {m["text"]: m for m in mentions}
    assert text[by_text["Kharkiv"]["start"]: by_text["Kharkiv"]["end"]] == "Kharkiv"
    assert by_text["Kharkiv"]["country"] == "UKR" and by_text["Kharkiv"]["lat"] == pytest.approx(49.98, abs=0.2)
    assert by_text["Donetsk"]["country"] == "UKR"


def test_actor_command(runner):
    result = runner.invoke(main, ["actor", "Italian Prime Minister Giuseppe Conte", "--date", "2020-01-08"])
    assert result.exit_code == 0, result.output
    coded = json.loads(result.stdout)
    assert coded["code"] == "ITAGOV" and coded["country"] == "ITA" and coded["kind"] == "person"


def test_actor_stdin_keeps_order_and_nulls(runner):
    lines = '{"text": "the Kremlin", "date": "2020-01-08"}\nqwzx blorp\nNATO\n'
    result = runner.invoke(main, ["actor", "-"], input=lines)
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["code"] if o else None for o in out] == ["RUSGOV", None, out[2]["code"]]
    assert out[2]["code"].startswith("IGO")


def test_ingest_is_idempotent_and_queryable(runner, tmp_path, articles_dir):
    db = str(tmp_path / "e.duckdb")
    count = len(list(articles_dir.glob("*.txt")))
    first = runner.invoke(main, ["ingest", str(articles_dir), "--db", db, "-q"])
    assert first.exit_code == 0, first.output
    assert f"{count} articles stored" in first.stderr
    again = runner.invoke(main, ["ingest", str(articles_dir), "--db", db, "-q"])
    assert f"0 articles stored, {count} already stored, 0 new events" in again.stderr
    listed = runner.invoke(main, ["events", "--db", db, "--country", "UKR", "--format", "jsonl"])
    records = [json.loads(line) for line in listed.stdout.splitlines()]
    assert records and all("UKR" in json.dumps(r) for r in records)
    out = tmp_path / "e.csv"
    exported = runner.invoke(main, ["export", str(out), "--db", db])
    assert exported.exit_code == 0 and out.exists()
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and {"source_name", "source_code", "source_country", "target_code", "lat", "lon"} <= set(rows[0])


def test_ingest_bad_document_keeps_the_store(runner, tmp_path, articles_dir):
    db = str(tmp_path / "e.duckdb")
    runner.invoke(main, ["ingest", str(articles_dir / "protest_iran_2022.txt"), "--db", db, "-q"])
    before = runner.invoke(main, ["events", "--db", db, "--format", "jsonl"]).stdout
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00garbage")
    result = runner.invoke(main, ["ingest", str(tmp_path / "bad.txt"), str(articles_dir / "protest_iran_2022.txt"),
                                  "--db", db, "-q"])
    assert result.exit_code == 1 and "bad.txt" in result.stderr
    assert runner.invoke(main, ["events", "--db", db, "--format", "jsonl"]).stdout == before


def test_events_without_store_is_a_clean_error(runner, tmp_path):
    result = runner.invoke(main, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "fivews ingest" in result.stderr and "Traceback" not in result.output


def test_usage_errors_exit_2(runner):
    assert runner.invoke(main, ["events", "--near", "abc"]).exit_code == 2
    assert runner.invoke(main, ["extract"]).exit_code == 2


def test_info(runner):
    result = runner.invoke(main, ["info", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "places" in data["gazetteer"] and data["spacy model"].startswith("en_core_web")
