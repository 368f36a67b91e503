"""JSON Lines corpora: one document per line (SCHEMA.md, input documents)."""
from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from fivews.ingest.errors import DocumentError, IngestError
from fivews.models import Article, content_id
from fivews.times.calendar import parse_iso_date


def article_from_record(record: object, max_chars: int, origin: str | None = None) -> Article:
    """One JSON object -> Article. The text is kept exactly as given (offsets refer to it)."""
    if not isinstance(record, dict):
        raise DocumentError("expected a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DocumentError("missing or empty 'text' field")
    if len(text) > max_chars:
        raise DocumentError(
            f"document too long ({len(text):,} characters; the limit is {max_chars:,}): split it or raise --max-chars"
        )
    published_raw = record.get("published")
    published = None
    if published_raw not in (None, ""):
        if not isinstance(published_raw, str) or parse_iso_date(published_raw) is None:
            raise DocumentError(f"'published' must be YYYY-MM-DD or an ISO-8601 datetime, not {published_raw!r}")
        published = parse_iso_date(published_raw)
    doc_id = record.get("id")
    return Article(
        id=str(doc_id) if doc_id not in (None, "") else content_id(text),
        text=text,
        title=_opt_str(record.get("title")),
        url=_opt_str(record.get("url")),
        published=published,
        source=_opt_str(record.get("source")),
        language=_opt_str(record.get("language")),
        origin=origin,
    )


def _opt_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def read_jsonl_lines(lines: Iterable[str], origin: str, max_chars: int) -> Iterator[Article | IngestError]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(origin, f"malformed JSON ({exc.msg} at column {exc.colno})", number)
            continue
        try:
            yield article_from_record(record, max_chars, origin=f"{origin}:{number}")
        except DocumentError as exc:
            yield IngestError(origin, str(exc), number)


def read_jsonl_file(path: Path, max_chars: int) -> Iterator[Article | IngestError]:
    origin = str(path)
    try:
        raw = path.open("rb")
        stream = gzip.open(raw) if path.name.endswith(".gz") else raw
        with stream:
            text_stream = io.TextIOWrapper(stream, encoding="utf-8", errors="strict")
            yield from _safe_lines(text_stream, origin, max_chars)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield IngestError(origin, f"cannot read compressed or binary stream ({exc})")


def _safe_lines(stream: io.TextIOBase, origin: str, max_chars: int) -> Iterator[Article | IngestError]:
    number = 0

    def lines() -> Iterator[str]:
        nonlocal number
        while True:
            try:
                line = stream.readline()
            except UnicodeDecodeError as exc:
                number += 1
                raise DocumentError(f"not valid UTF-8 ({exc.reason}) after line {number - 1}") from None
            if not line:
                return
            number += 1
            yield line

    try:
        for item in read_jsonl_lines(lines(), origin, max_chars):
            yield item
    except DocumentError as exc:
        yield IngestError(origin, str(exc), number)
