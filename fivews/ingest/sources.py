"""Dispatch: paths, directories and standard input -> a stream of Articles and IngestErrors.

A reader never raises for a bad document: it yields an :class:`IngestError` and goes on.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from fivews.ingest.errors import DocumentError, IngestError
from fivews.ingest.html import read_html_file
from fivews.ingest.jsonl import read_jsonl_file, read_jsonl_lines
from fivews.ingest.text import read_text_file
from fivews.models import Article

DEFAULT_MAX_CHARS = 1_000_000
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

__all__ = ["IngestError", "read_sources", "read_path", "DEFAULT_MAX_CHARS"]


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def read_path(path: Path, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | IngestError]:
    """Articles from one file (any supported kind); unknown suffixes are read as text."""
    kind = _kind(path) or "text"
    try:
        if kind == "jsonl":
            yield from read_jsonl_file(path, max_chars)
        elif kind == "html":
            yield read_html_file(path, max_chars)
        else:
            yield read_text_file(path, max_chars)
    except DocumentError as exc:
        yield IngestError(str(path), str(exc))
    except IsADirectoryError:
        yield IngestError(str(path), "is a directory")
    except PermissionError:
        yield IngestError(str(path), "permission denied")
    except OSError as exc:
        yield IngestError(str(path), f"cannot read ({exc.strerror or exc})")


def read_sources(
    paths: Iterable[str | Path], max_chars: int = DEFAULT_MAX_CHARS, stdin=None
) -> Iterator[Article | IngestError]:
    """Every document in the given paths, in order; '-' reads JSON Lines from standard input."""
    for item in paths:
        if str(item) == "-":
            stream = stdin if stdin is not None else sys.stdin
            yield from read_jsonl_lines(stream, "<stdin>", max_chars)
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _kind(p) and not p.name.startswith("."))
            if not files:
                yield IngestError(str(path), "directory holds no .txt, .md, .html or .jsonl files")
            for file in files:
                yield from read_path(file, max_chars)
        elif path.exists():
            yield from read_path(path, max_chars)
        else:
            yield IngestError(str(path), "no such file or directory")
