"""The fivews command line: each command builds one object and calls one method."""
from __future__ import annotations

import json
import logging
import sys
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path

import click

from fivews import __version__
from fivews.output import EVENT_TABLE, FORMATS, RecordWriter, event_table_row

LOGGER = logging.getLogger(__name__)
format_option = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                             help="table for people; jsonl, json or csv for programs")


def _err(message: str) -> None:
    click.echo(message, err=True)


class Failures:
    """Counts documents that failed and reports each on stderr."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, where: str, reason: str) -> None:
        self.count += 1
        _err(f"error: {where}: {reason}")


@contextmanager
def user_errors():
    """Library errors become one clean line and exit code 1, never a traceback."""
    from fivews.nlp import ModelNotFound
    from fivews.store import StoreError

    try:
        yield
    except (ModelNotFound, StoreError, FileNotFoundError, ValueError) as exc:
        _err(f"error: {exc}")
        sys.exit(1)
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("use YYYY-MM-DD") from None


def _options(model, actors, triggers=()):
    from fivews.pipeline import PipelineOptions

    return PipelineOptions(model=model, actor_files=tuple(actors), trigger_files=tuple(triggers))


def _read(paths, max_chars, failures: Failures):
    from fivews.ingest import IngestError, read_sources

    for item in read_sources(paths, max_chars=max_chars):
        if isinstance(item, IngestError):
            failures.report(item.origin + (f":{item.line}" if item.line else ""), item.reason)
        else:
            yield item


@contextmanager
def progress(quiet: bool, label: str):
    """A progress bar on stderr (rich); a no-op callable when quiet."""
    if quiet:
        yield lambda n=1: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda n=1: bar.advance(task, n)


def _results(articles, options, workers, failures: Failures, tick):
    from fivews.parallel import Failure, map_extract

    for result in map_extract(articles, options, workers=workers):
        tick()
        if isinstance(result, Failure):
            failures.report(result.article.origin or result.article.id, result.reason)
            continue
        yield result


common_model = [
    click.option("--model", default=None, help="spaCy model to use (default: installed en_core_web_*, FIVEWS_MODEL)"),
    click.option("--actors", "actors", multiple=True, type=click.Path(dir_okay=False),
                 help="extra actor file (YAML); may repeat; FIVEWS_ACTORS too"),
]


def with_model(func):
    for option in reversed(common_model):
        func = option(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fivews")
@click.option("-v", "--verbose", count=True, help="more log output on stderr")
def main(verbose: int) -> None:
    """fivews: who did what to whom, when and where, read from the news."""
    logging.basicConfig(level=logging.WARNING - 10 * min(verbose, 2), format="%(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)


def _write_events(fmt, events_iter):
    from fivews.store import FLAT_COLUMNS, flatten

    writer = RecordWriter(fmt, table_columns=EVENT_TABLE, csv_columns=FLAT_COLUMNS)
    for event in events_iter:
        if fmt == "table":
            writer.write(event_table_row(event))
        elif fmt == "csv":
            writer.write(flatten(event))
        else:
            writer.write(event.as_dict())
    writer.close()
    return writer.count


@main.command()
@click.argument("paths", nargs=-1, required=True)
@format_option
@with_model
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="worker processes")
@click.option("--max-chars", type=click.IntRange(1000), default=1_000_000, show_default=True,
              help="longest document accepted, in characters")
@click.option("-q", "--quiet", is_flag=True, help="no progress bar")
def extract(paths, fmt, model, actors, workers, max_chars, quiet):
    """Extract events from news articles (.txt, .md, .html, .jsonl[.gz], directories, - for stdin)."""
    failures = Failures()
    with user_errors(), progress(quiet, "extracting") as tick:
        options = _options(model, actors)
        articles = _read(paths, max_chars, failures)
        events = (e for _, evs in _results(articles, options, workers, failures, tick) for e in evs)
        _write_events(fmt, events)
    sys.exit(1 if failures.count else 0)


@main.command()
@format_option
@with_model
def demo(fmt, model, actors):
    """Code the sample article that ships with fivews and print its events."""
    from fivews.ingest.text import parse_news_text
    from fivews.pipeline import load_pipeline

    sample = resources.files("fivews").joinpath("data/samples/libya_january_2020.txt")
    with user_errors():
        article = parse_news_text(sample.read_text(encoding="utf-8"), origin="sample")
        if fmt == "table":
            _err(f"{article.title} ({article.published}) - {len(article.text.split())} words")
        pipeline = load_pipeline(_options(model, actors))
        _write_events(fmt, pipeline.extract(article))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@format_option
@with_model
@click.option("--max-chars", type=click.IntRange(1000), default=1_000_000, show_default=True)
def places(paths, fmt, model, actors, max_chars):
    """List toponym mentions with offsets and coordinates."""
    from fivews.pipeline import load_pipeline

    failures = Failures()
    columns = (("article_id", "Article"), ("start", "Start"), ("end", "End"), ("text", "Text"), ("name", "Name"),
               ("country", "Country"), ("lat", "Lat"), ("lon", "Lon"), ("feature", "Feature"))
    with user_errors():
        pipeline = load_pipeline(_options(model, actors))
        writer = RecordWriter(fmt, table_columns=columns, csv_columns=[c for c, _ in columns] + ["admin1", "geonameid"])
        for article in _read(paths, max_chars, failures):
            try:
                mentions = pipeline.places(article)
            except Exception as exc:  # noqa: BLE001 - one bad document never stops the batch
                failures.report(article.origin or article.id, f"place extraction failed ({exc})")
                continue
            for mention in mentions:
                writer.write(mention.as_dict())
        writer.close()
    sys.exit(1 if failures.count else 0)


@main.command()
@click.argument("text")
@click.option("--date", "day", callback=_date, default=None, help="code as of this date (YYYY-MM-DD)")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@with_model
def actor(text, day, fmt, model, actors):
    """How a name or description is coded ('-' reads JSON Lines or names from stdin)."""
    from fivews.actors.api import ActorService

    with user_errors():
        service = ActorService(model=model, actor_files=tuple(actors))
        columns = (("text", "Text"), ("name", "Name"), ("code", "Code"), ("country", "Country"),
                   ("sector", "Sector"), ("kind", "Kind"), ("id", "Id"))
        if text != "-":
            coded = service.code(text, day)
            if fmt == "json":
                click.echo(json.dumps(coded.as_dict() if coded else None, ensure_ascii=False, indent=2))
                sys.exit(0 if coded else 1)
            writer = RecordWriter(fmt, table_columns=columns)
            if coded:
                writer.write(coded.as_dict())
            writer.close()
            sys.exit(0 if coded else 1)
        bad = 0
        for number, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            name, when = line.strip(), day
            if line.lstrip().startswith("{"):
                try:
                    record = json.loads(line)
                    name = str(record["text"])
                    when = date.fromisoformat(record["date"]) if record.get("date") else day
                except (ValueError, KeyError, TypeError) as exc:
                    _err(f"error: <stdin>:{number}: {exc}")
                    bad += 1
                    click.echo("null")
                    continue
            coded = service.code(name, when)
            click.echo(json.dumps(coded.as_dict() if coded else None, ensure_ascii=False))
        sys.exit(1 if bad else 0)


def _db_option(func):
    return click.option("--db", default=None, help="DuckDB file (default ./fivews.duckdb or FIVEWS_DB)")(func)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@with_model
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True)
@click.option("--max-chars", type=click.IntRange(1000), default=1_000_000, show_default=True)
@click.option("-q", "--quiet", is_flag=True, help="no progress bar")
def ingest(paths, db, model, actors, workers, max_chars, quiet):
    """Extract events and store them (idempotent: known articles are skipped)."""
    from fivews.parallel import batched
    from fivews.store import Store, default_db_path

    failures = Failures()
    seen = skipped = new_articles = new_events = 0
    with user_errors(), Store(db or default_db_path()) as store, progress(quiet, "ingesting") as tick:
        options = _options(model, actors)

        def fresh():
            nonlocal seen, skipped
            for batch in batched(_read(paths, max_chars, failures), 64):
                known = store.known_articles(a.id for a in batch)
                for article in batch:
                    seen += 1
                    if article.id in known:
                        skipped += 1
                        tick()
                        continue
                    known.add(article.id)
                    yield article

        for chunk in batched(_results(fresh(), options, workers, failures, tick), 32):
            a, e = store.add(chunk)
            new_articles += a
            new_events += e
        totals = store.stats()
    _err(f"{seen} documents read: {new_articles} articles stored, {skipped} already stored, {new_events} new events, "
         f"{failures.count} failed; the store {db or default_db_path()} holds {totals['articles']} articles "
         f"and {totals['events']} events")
    sys.exit(1 if failures.count else 0)


def _query_options(func):
    options = [
        click.option("--actor", default=None, help="actor name, text or code (substring)"),
        click.option("--country", default=None, help="ISO3 code of a source, target or location country"),
        click.option("--type", "etype", default=None, help="PLOVER type, CAMEO code prefix or ACLED (sub-)type"),
        click.option("--since", callback=_date, default=None, help="YYYY-MM-DD"),
        click.option("--until", callback=_date, default=None, help="YYYY-MM-DD"),
        click.option("--near", default=None, help="LAT,LON,KM: events within KM kilometres"),
        click.option("--limit", type=click.IntRange(1), default=None),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _near(value):
    if value is None:
        return None
    try:
        lat, lon, km = (float(v) for v in value.split(","))
    except ValueError:
        raise click.BadParameter("use LAT,LON,KM, e.g. 32.9,13.2,50", param_hint="--near") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise click.BadParameter("latitude, longitude or distance out of range", param_hint="--near")
    return lat, lon, km


@main.command()
@_db_option
@_query_options
@format_option
def events(db, actor, country, etype, since, until, near, limit, fmt):
    """Query stored events."""
    from fivews.store import EventQuery, Store, default_db_path

    query = EventQuery(actor, country, etype, since, until, _near(near), None, limit)
    with user_errors(), Store(db or default_db_path(), read_only=True) as store:
        _write_events(fmt, store.events(query))


@main.command()
@click.argument("out", type=click.Path(dir_okay=False, writable=True))
@click.option("--format", "fmt", type=click.Choice(("csv", "parquet", "jsonl")), default=None,
              help="output format (default: from the file name)")
@_db_option
@_query_options
def export(out, fmt, db, actor, country, etype, since, until, near, limit):
    """Export stored events, one row per event with actors flattened into columns."""
    from fivews.store import EventQuery, Store, default_db_path

    if fmt is None:
        suffix = Path(out).suffix.lower().lstrip(".")
        if suffix not in ("csv", "parquet", "jsonl"):
            raise click.UsageError("give --format csv|parquet|jsonl or an OUT ending in one of those")
        fmt = suffix
    query = EventQuery(actor, country, etype, since, until, _near(near), None, limit)
    with user_errors(), Store(db or default_db_path(), read_only=True) as store:
        count = store.export(out, fmt, query)
    _err(f"exported {count} events to {out} ({fmt})")


EVALUATIONS = {
    "places": ("fivews.evaluate.places", "evaluate_places"),
    "penta": ("fivews.evaluate.penta", "evaluate_penta"),
    "roles": ("fivews.evaluate.roles", "evaluate_roles"),
    "gold": ("fivews.evaluate.gold", "evaluate_gold"),
    "actors": ("fivews.evaluate.actors", "evaluate_actors"),
}


@main.command(name="eval")
@click.argument("kind", type=click.Choice(tuple(EVALUATIONS)))
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(1), default=None, help="score only the first N items")
@click.option("--details", is_flag=True, help="also list every error (missed, misplaced, wrong field)")
@with_model
def evaluate(kind, path, fmt, limit, details, model, actors):
    """Score fivews on annotated data.

    \b
    places FILE.xml   toponyms in GeoWebNews XML: recognition P/R/F1, accuracy within 161 km
    penta  FILE.tsv   sentence<TAB>PentaClass 0-4: accuracy, per-class and macro F1, confusion
    roles  FILE.txt   token BIO file with S/T/R spans: source and target P/R/F1 by token overlap
    gold   FILE.jsonl whole articles with expected events (docs/gold.md): event P/R/F1, field accuracy
    actors FILE.jsonl names with a date and the expected country and sector: accuracy
    """
    import importlib

    from fivews.evaluate.render import write_report
    from fivews.pipeline import load_pipeline

    module, function = EVALUATIONS[kind]
    scorer = getattr(importlib.import_module(module), function)
    with user_errors():
        pipeline = load_pipeline(_options(model, actors))
        report = scorer(path, pipeline, limit=limit, with_details=details)
    write_report(report, sys.stdout, fmt, details)


@main.group()
def gazetteer():
    """The place-name index: add places from GeoNames dumps."""


@gazetteer.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--min-population", type=click.IntRange(0), default=0, show_default=True,
              help="skip populated places smaller than this (other features are kept)")
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True)
def gazetteer_import(path, min_population, fmt):
    """Add the places of a GeoNames dump (allCountries.txt, LY.txt or LY.zip).

    Imported places are kept apart from the packaged index, survive its rebuilds and are
    stored once per GeoNames id, so importing again updates rather than duplicates."""
    from fivews.places.imports import import_dump, imports_path

    with user_errors():
        report = import_dump(path, min_population)
    data = {"file": str(path), "into": str(imports_path()), **report.as_dict()}
    if fmt == "json":
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(f"{report.imported:,} places from {path} ({report.new:,} new, {report.imported - report.new:,} updated, "
               f"{report.names:,} names) into {imports_path()}")
    click.echo(f"skipped: {report.already_packaged:,} already in the packaged index, "
               f"{report.not_places:,} features not imported, {report.malformed:,} malformed lines")
    for problem in report.first_errors or []:
        _err(f"warning: {path}: {problem}")


@main.command()
@_db_option
@click.option("--model", default=None)
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True)
def info(db, model, fmt):
    """Versions, spaCy model, knowledge base and gazetteer sizes, store path."""
    from fivews.info import collect_info

    with user_errors():
        data = collect_info(db, model)
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, default=str))
        return
    for key, value in data.items():
        click.echo(f"{key:<22} {value}")


if __name__ == "__main__":  # pragma: no cover
    main()
