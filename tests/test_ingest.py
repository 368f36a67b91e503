"""Readers: news headers, Markdown, HTML, JSON Lines, directories and bad input."""
from __future__ import annotations

import gzip
import io
import json
from datetime import date

from fivews.ingest import IngestError, read_sources
from fivews.ingest.text import parse_news_text, strip_markdown
from fivews.models import Article

NEWS = """Militia convoy ambushed outside Benghazi

By [Staff Writer](https://example.org/staff)

March 03, 2021

A **militia convoy** was ambushed on Tuesday outside [Benghazi](https://example.org/b), officials
said.

Related article: [Another headline that must not be analysed](#)

The attack left three fighters dead and
several vehicles burned, according to a local
council.

Original url:

<https://example.org/news/convoy>
"""


def test_news_header_and_markdown():
    article = parse_news_text(NEWS, origin="x.md")
    assert article.title == "Militia convoy ambushed outside Benghazi"
    assert article.byline == "Staff Writer"
    assert article.published == date(2021, 3, 3)
    assert article.url == "https://example.org/news/convoy"
    assert "**" not in article.text and "](" not in article.text
    assert "A militia convoy was ambushed on Tuesday outside Benghazi, officials said." in article.text
    assert "Another headline" not in article.text
    # a paragraph broken mid-sentence is joined again
    assert "left three fighters dead and several vehicles burned" in article.text
    assert "Original url" not in article.text


def test_same_text_same_id():
    assert parse_news_text(NEWS).id == parse_news_text(NEWS).id
    assert parse_news_text(NEWS).id != parse_news_text(NEWS.replace("three", "four")).id


def test_text_without_header_is_all_body():
    article = parse_news_text("Police arrested two men in Lagos on Friday.\n")
    assert article.title is None and article.published is None
    assert article.text == "Police arrested two men in Lagos on Friday."


def test_strip_markdown_keeps_words():
    assert strip_markdown("See **bold** and _it_ and [a link](http://x.y/(z)) ![img](p.png)") == "See bold and it and a link "


def _collect(paths, **kw):
    items = list(read_sources(paths, **kw))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestError)]


def test_jsonl_records_and_errors(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "a1", "text": "Troops entered the town.", "published": "2022-05-01T10:00:00Z"}) + "\n"
        + "{not json}\n"
        + json.dumps({"id": "a2"}) + "\n"
        + json.dumps({"text": "Rebels fled.", "published": "yesterday"}) + "\n"
        + json.dumps({"text": "Protesters marched in Quito."}) + "\n",
        encoding="utf-8",
    )
    good, bad = _collect([corpus])
    assert [a.id for a in good][0] == "a1" and good[0].published == date(2022, 5, 1)
    assert good[1].text == "Protesters marched in Quito." and len(good[1].id) == 16
    assert [(e.line, e.reason.split(" ")[0]) for e in bad] == [(2, "malformed"), (3, "missing"), (4, "'published'")]


def test_jsonl_gzip(tmp_path):
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g", "text": "Aid arrived in Aden."}) + "\n")
    good, bad = _collect([path])
    assert [a.id for a in good] == ["g"] and not bad


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 10)
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 owners protested.".encode("latin-1"))
    (tmp_path / "good.txt").write_text("Soldiers withdrew from the border on Monday.")
    big = tmp_path / "big.txt"
    big.write_text("word " * 250_000)
    good, bad = _collect([tmp_path, tmp_path / "missing.txt"], max_chars=1_000_000)
    assert [a.text for a in good] == ["Soldiers withdrew from the border on Monday."]
    reasons = {e.origin.rsplit("/", 1)[-1]: e.reason for e in bad}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"].startswith("binary file")
    assert "not valid UTF-8" in reasons["latin.txt"]
    assert reasons["big.txt"].startswith("document too long")
    assert reasons["missing.txt"] == "no such file or directory"


def test_html_page(tmp_path):
    page = tmp_path / "p.html"
    body = " ".join(["Security forces dispersed a rally in the capital on Monday, witnesses said."] * 3)
    page.write_text(
        "<html><head><title>Rally dispersed</title><meta property='article:published_time' content='2023-04-02'>"
        f"</head><body><nav>Home | World</nav><article><h1>Rally dispersed</h1><p>{body}</p>"
        f"<p>{body}</p></article><footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    good, bad = _collect([page])
    assert not bad
    assert good[0].title == "Rally dispersed"
    assert good[0].published == date(2023, 4, 2)
    assert "Security forces dispersed a rally" in good[0].text and "Copyright" not in good[0].text


def test_malformed_html_is_an_error_not_a_crash(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text("<html><body><div><<<>>></body", encoding="utf-8")
    good, bad = _collect([page])
    assert not good and bad and "HTML" in bad[0].reason


def test_stdin_jsonl():
    stream = io.StringIO(json.dumps({"id": "s", "text": "Talks began in Doha."}) + "\n\n")
    good, bad = _collect(["-"], stdin=stream)
    assert [a.id for a in good] == ["s"] and not bad


def test_a_paragraph_break_ends_a_sentence(pipeline):
    doc = pipeline.nlp("Soldiers on patrol near Goma. Photo: Reuters\n\nRebels attacked an army post on Monday.")
    assert [s.text.strip() for s in doc.sents][-1] == "Rebels attacked an army post on Monday."
    doc = pipeline.nlp("Police arrested 20 people in Dhaka on Monday. Officials said the protest was illegal.")
    assert len(list(doc.sents)) == 2


def test_a_single_line_break_in_wrapped_text_ends_no_sentence(pipeline):
    doc = pipeline.nlp("Rebels attacked an army\npost near Goma on Monday.")
    assert len(list(doc.sents)) == 1
