"""Temporal expressions -> TimeRef, resolved against the publication date and the tense of
the clause ("on Monday" in a Wednesday article is two days before; "on Sunday" in
"declare a ceasefire on Sunday" is the Sunday after)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from fivews.models import TimeRef
from fivews.times.calendar import MONTHS, WEEKDAYS, find_explicit_date

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
FUTURE_LEMMAS = {"plan", "intend", "expect", "aim", "schedule", "set", "due", "prepare", "vow", "pledge", "promise",
                 "threaten", "urge", "call", "ask", "demand", "agree", "propose", "want", "hope", "seek"}
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(sorted((w for w in WEEKDAYS if len(w) > 3), key=len, reverse=True)) + r")\b", re.I)
_MONTH_RE = re.compile(r"\b(" + "|".join(sorted((m for m in MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True)) + r")\b", re.I)
_MONTH_DAY = re.compile(r"\b(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b|\b(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.I)
_YEAR = re.compile(r"\b((?:1[89]|20)\d\d)s?\b")
_VAGUE = re.compile(r"\b(months|years|decades|weeks|days|coming|recent|past few|next few|the past|future|ago)\b", re.I)


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int  # token offsets in the Doc
    end: int
    start_char: int
    end_char: int
    ref: TimeRef
    anchor: int  # index of the token the expression attaches to (its governing word)


def clause_tense(token: Token) -> str:
    """'future', 'past' or 'present' for the clause governing ``token``."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX or any(a.lower_ == "going" for a in auxes):
        return "future"
    if verb.tag_ == "VB" and "to" in words:
        governor = verb.head
        if governor.lemma_ in FUTURE_LEMMAS or verb.dep_ in ("xcomp", "advcl") and governor.tag_ in ("VB", "VBZ", "VBP"):
            return "future"
    if verb.tag_ in ("VBD", "VBN") or words & {"had", "has", "have", "did", "was", "were"}:
        return "past"
    if verb.tag_ == "VBG" and words & {"is", "are", "am"}:
        return "present"
    return "past" if verb.tag_ != "VB" else "future"


def _weekday_date(weekday: int, published: date, tense: str) -> date:
    delta = (published.weekday() - weekday) % 7
    if delta == 0:
        return published
    if tense == "future":
        return published + timedelta(days=7 - delta)
    return published - timedelta(days=delta)


def _month_iso(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def resolve_expression(text: str, published: date | None, tense: str) -> TimeRef | None:
    """One temporal expression -> TimeRef, or None when it names no point in time."""
    low = text.lower().strip()
    explicit = find_explicit_date(text)
    if explicit:
        return TimeRef(text, explicit[0].isoformat(), None, "day")
    if published is None:
        year = _YEAR.search(low)
        return TimeRef(text, year.group(1), None, "year") if year and not year.group(0).endswith("s") else None
    since = low.startswith("since ") or low.startswith("from ")
    match = _MONTH_DAY.search(text)
    if match:
        month = MONTHS[(match["month"] or match["month2"]).lower()]
        day = int(match["day"] or match["day2"])
        year_m = _YEAR.search(low)
        year = int(year_m.group(1)) if year_m else published.year
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        if not year_m:
            if tense != "future" and found > published + timedelta(days=7):
                found = date(year - 1, month, day)
            elif tense == "future" and found < published - timedelta(days=7):
                found = date(year + 1, month, day)
        return TimeRef(text, found.isoformat(), published.isoformat() if since else None, "day")
    weekday = _WEEKDAY_RE.search(low)
    if weekday and not _VAGUE.search(low):
        number = WEEKDAYS[weekday.group(1).lower()]
        day = _weekday_date(number, published, tense)
        if "last week" in low or "last " + weekday.group(1).lower() in low:
            # "Wednesday last week", "last Wednesday": that day of the previous calendar week
            day = published - timedelta(days=published.weekday() + 7) + timedelta(days=number)
        if "next " + weekday.group(1).lower() in low and day <= published:
            day += timedelta(days=7)
        return TimeRef(text, day.isoformat(), published.isoformat() if since else None, "day")
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening|earlier today)\b", low):
        return TimeRef(text, published.isoformat(), None, "day")
    if re.search(r"\b(yesterday|last night)\b", low):
        return TimeRef(text, (published - timedelta(days=1)).isoformat(), None, "day")
    if re.search(r"\btomorrow\b", low):
        return TimeRef(text, (published + timedelta(days=1)).isoformat(), None, "day")
    if re.search(r"\blast week\b", low):
        start = published - timedelta(days=published.weekday() + 7)
        return TimeRef(text, start.isoformat(), (start + timedelta(days=6)).isoformat(), "week")
    if re.search(r"\b(this|earlier this) week\b", low):
        start = published - timedelta(days=published.weekday())
        return TimeRef(text, start.isoformat(), published.isoformat(), "week")
    if re.search(r"\bnext week\b", low):
        start = published + timedelta(days=7 - published.weekday())
        return TimeRef(text, start.isoformat(), (start + timedelta(days=6)).isoformat(), "week")
    if re.search(r"\blast month\b", low):
        first = published.replace(day=1) - timedelta(days=1)
        return TimeRef(text, _month_iso(first.year, first.month), None, "month")
    if re.search(r"\b(this|earlier this) month\b", low):
        return TimeRef(text, _month_iso(published.year, published.month), None, "month")
    if re.search(r"\blast year\b", low):
        return TimeRef(text, str(published.year - 1), None, "year")
    if re.search(r"\bthis year\b", low):
        return TimeRef(text, str(published.year), None, "year")
    month = _MONTH_RE.search(low)
    year_m = _YEAR.search(low)
    if month and not (month.group(1) == "may" and not re.search(r"\b(in|since|from|until|by|early|late|mid|of)\s+may\b", low)):
        number = MONTHS[month.group(1)]
        if year_m:
            year = int(year_m.group(1))
        elif tense == "future":
            year = published.year if number >= published.month else published.year + 1
        else:
            year = published.year if number <= published.month else published.year - 1
        end = published.isoformat() if since else None
        return TimeRef(text, _month_iso(year, number), end, "month")
    if year_m and not year_m.group(0).endswith("s") and not _VAGUE.search(low):
        end = published.isoformat() if since else None
        return TimeRef(text, year_m.group(1), end, "year")
    return None


def _weekday_spans(doc: Doc) -> list[Span]:
    """Weekday phrases the NER model may miss: "late on Wednesday", "Tuesday afternoon"."""
    spans = []
    for tok in doc:
        if tok.lower_ in WEEKDAYS and len(tok.lower_) > 3:
            start, end = tok.i, tok.i + 1
            if end < len(doc) and doc[end].lower_ in ("morning", "afternoon", "evening", "night"):
                end += 1
            if start > 0 and doc[start - 1].lower_ in ("last", "next", "this", "late", "early"):
                start -= 1
            spans.append(doc[start:end])
    return spans


def _anchor(span: Span) -> Token:
    """The word an expression attaches to: the head of its preposition, or of its root."""
    node = span.root
    while node.dep_ in ("compound", "nmod", "amod") and node.head != node:
        node = node.head  # "Tuesday afternoon": the phrase, not its first word
    if node.dep_ == "pobj" and node.head.dep_ == "prep":
        return node.head.head
    if node.dep_ in ("npadvmod", "tmod", "advmod", "nmod", "compound", "appos", "pobj", "dobj", "conj"):
        return node.head
    return node.head if node.head != node else node


def find_times(doc: Doc, published: date | None) -> list[TimeMention]:
    spans: list[Span] = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
    mentions = [m for m in (_mention(doc, span, published) for span in spans) if m is not None]
    covered = {i for m in mentions for i in range(m.start, m.end)}  # not "Tuesday, days" the model joined
    for span in _weekday_spans(doc):
        if not any(i in covered for i in range(span.start, span.end)):
            mention = _mention(doc, span, published)
            if mention is not None:
                mentions.append(mention)
    return sorted(mentions, key=lambda m: m.start)


def _mention(doc: Doc, span: Span, published: date | None) -> TimeMention | None:
    """A date or time expression resolved, with the word it attaches to; None if it names no time."""
    text = span.text
    start = span.start
    if start > 0 and doc[start - 1].lower_ in ("since", "from", "until") and not text.lower().startswith(("since", "from", "until")):
        text = f"{doc[start - 1].text} {text}"
        start -= 1
    anchor = _anchor(span)
    ref = resolve_expression(text, published, clause_tense(anchor))
    if ref is None:
        return None
    return TimeMention(start, span.end, doc[start].idx, span.end_char, ref, anchor.i)
