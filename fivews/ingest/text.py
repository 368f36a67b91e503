"""Plain-text and Markdown news articles: header (title, byline, date, url) and clean body.

The body fivews analyses and reports is the article text with Markdown links, images and
emphasis removed, reader boilerplate lines ("Related article: ...") dropped, and paragraphs
that a scraper broke mid-sentence joined again. All offsets refer to that body.
"""
from __future__ import annotations

import re
from pathlib import Path

from fivews.ingest.errors import DocumentError
from fivews.models import Article, content_id
from fivews.times.calendar import parse_date_line

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_BYLINE = re.compile(r"^\s*(?:by|from)\s+\S", re.I)
_URL_LINE = re.compile(r"^\s*(?:original\s+url|source\s+url|url|source)\s*:\s*(.*)$", re.I)
_BOILERPLATE = re.compile(
    r"^\s*(?:related(?:\s+(?:article|story|stories|coverage|content))?|read\s+more|see\s+also|also\s+read|"
    r"recommended|more\s+on\s+this(?:\s+story)?|advertisement|share\s+this(?:\s+article)?)\s*(?::|$)",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?:;\"'”’)\]]\s*$")


def strip_markdown(text: str) -> str:
    """Markdown inline markup -> the words a reader sees."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    for _ in range(2):
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", text)
    return _HEADING.sub("", text)


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return [" ".join(p) for p in paragraphs if p]


def _join_broken(paragraphs: list[str]) -> list[str]:
    """Join a paragraph that stops mid-sentence with the next one that starts in lower case."""
    joined: list[str] = []
    for para in paragraphs:
        if joined and not _SENTENCE_END.search(joined[-1]) and para[:1].islower():
            joined[-1] = f"{joined[-1]} {para}"
        else:
            joined.append(para)
    return joined


def parse_news_text(raw: str, origin: str | None = None, article_id: str | None = None) -> Article:
    """Parse a news article in plain text or Markdown into an :class:`Article`."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    url = None
    # trailing "Original url:" block
    for i in range(len(lines) - 1, max(-1, len(lines) - 8), -1):
        match = _URL_LINE.match(lines[i])
        if match:
            rest = " ".join(line.strip() for line in [match.group(1), *lines[i + 1:]] if line.strip())
            found = re.search(r"https?://[^\s<>]+", rest)
            if found or not rest:
                url = found.group(0) if found else None
                lines = lines[:i]
            break
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    title = byline = None
    published = None
    body_start = 0
    head = nonempty[:5]
    header_marks = [i for i in head if _BYLINE.match(strip_markdown(lines[i])) or parse_date_line(lines[i])]
    if header_marks:
        last = max(header_marks)
        for i in head:
            if i > last:
                break
            clean = strip_markdown(lines[i]).strip()
            if published is None and parse_date_line(clean):
                published = parse_date_line(clean)
            elif byline is None and _BYLINE.match(clean):
                byline = re.sub(r"^(?:by|from)\s+", "", clean, flags=re.I).strip()
            elif title is None:
                title = clean.lstrip("# ").strip()
        body_start = last + 1
    body_lines = [line for line in lines[body_start:] if not _BOILERPLATE.match(strip_markdown(line))]
    paragraphs = _join_broken([strip_markdown(p) for p in _paragraphs(body_lines)])
    text = "\n\n".join(p for p in paragraphs if p.strip())
    if not text.strip():
        raise DocumentError("no article text (the document is empty or holds only a header)")
    return Article(
        id=article_id or content_id(text),
        text=text,
        title=title,
        url=url,
        published=published,
        byline=byline,
        origin=origin,
    )


def decode_text(data: bytes, origin: str) -> str:
    """Bytes of a text file -> str, refusing binary files and undecodable bytes."""
    if not data.strip():
        raise DocumentError("empty file")
    if b"\x00" in data[:8192]:
        raise DocumentError("binary file, not text (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"not valid UTF-8 (undecodable byte 0x{data[exc.start]:02x} at byte {exc.start}); "
            "convert the file to UTF-8"
        ) from None


def read_text_file(path: Path, max_chars: int) -> Article:
    data = path.read_bytes()
    raw = decode_text(data, str(path))
    if len(raw) > max_chars:
        raise DocumentError(
            f"document too long ({len(raw):,} characters; the limit is {max_chars:,}): "
            "split it or raise --max-chars"
        )
    return parse_news_text(raw, origin=str(path))
