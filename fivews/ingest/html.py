"""HTML pages: main text and metadata through trafilatura."""
from __future__ import annotations

import logging
import re

from fivews.ingest.errors import DocumentError
from fivews.ingest.text import decode_text
from fivews.models import Article, content_id
from fivews.times.calendar import parse_iso_date

LOGGER = logging.getLogger(__name__)


def parse_html(html: str, origin: str | None = None, article_id: str | None = None) -> Article:
    """Extract the article from an HTML page; raise DocumentError when there is none."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura raises assorted parser errors on broken markup
        raise DocumentError(f"cannot parse HTML ({type(exc).__name__}: {exc})") from None
    if doc is None:
        raise DocumentError("no article text found in the HTML page")
    data = doc if isinstance(doc, dict) else doc.as_dict()
    text = (data.get("text") or "").strip()
    if not re.search(r"[^\W\d_]{2,}", text):
        raise DocumentError("no article text found in the HTML page")
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    text = "\n\n".join(paragraphs)
    return Article(
        id=article_id or content_id(text),
        text=text,
        title=data.get("title") or None,
        url=data.get("url") or None,
        published=parse_iso_date(data.get("date") or ""),
        source=data.get("sitename") or data.get("hostname") or None,
        language=data.get("language") or None,
        byline=data.get("author") or None,
        origin=origin,
    )


def read_html_file(path, max_chars: int) -> Article:
    raw = decode_text(path.read_bytes(), str(path))
    if len(raw) > max_chars * 4:
        raise DocumentError(f"HTML page too large ({len(raw):,} characters); raise --max-chars")
    return parse_html(raw, origin=str(path))
