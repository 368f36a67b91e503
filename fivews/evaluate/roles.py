"""Who did it and to whom: source and target spans scored by token overlap.

The file has one token and one BIO tag per line and a blank line between sentences; the
tags mark the source (S), the target (T) and the event words (R) of one event of the
sentence. The tokens are joined back into text (no space before closing punctuation or
clitics), fivews reads the text, and the event it codes for the sentence is chosen as
the one whose trigger overlaps the marked event words, else its main event. The tokens
covered by that event's source (target) actor words are compared with the gold S (T)
tokens: precision, recall and F1 summed over all sentences.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fivews.evaluate.metrics import PRF, FormatError, Report, Table, set_prf
from fivews.evaluate.penta import main_event
from fivews.models import Actor, Article, Event

ROLES = ("S", "T", "R")
NO_SPACE_BEFORE = re.compile(r"^([.,;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m|’s)$", re.IGNORECASE)
NO_SPACE_AFTER = {"(", "[", "{", "$", "“"}


@dataclass(frozen=True, slots=True)
class RoleSentence:
    line: int
    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    def role_tokens(self, role: str) -> set[int]:
        return {i for i, tag in enumerate(self.tags) if tag[2:] == role}


def read_bio(path: str | Path) -> Iterator[RoleSentence]:
    tokens: list[str] = []
    tags: list[str] = []
    first = 1
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.strip()
            if not line:
                if tokens:
                    yield RoleSentence(first, tuple(tokens), tuple(tags))
                tokens, tags = [], []
                continue
            if not tokens:
                first = number
            token, _, tag = line.rpartition(" ")
            if not token or not (tag == "O" or (tag[:2] in ("B-", "I-") and tag[2:] in ROLES)):
                raise FormatError(f"{path}:{number}: expected 'token TAG' with TAG O, B-S/I-S, B-T/I-T or B-R/I-R")
            tokens.append(token)
            tags.append(tag)
    if tokens:
        yield RoleSentence(first, tuple(tokens), tuple(tags))


def detokenize(tokens: tuple[str, ...]) -> tuple[str, list[tuple[int, int]]]:
    """Text from tokens, and each token's character span in it."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for i, token in enumerate(tokens):
        clitic = (token.lower() in ("s", "t") and i and tokens[i - 1] in ("'", "’")) or (
            token in ("'", "’") and i + 1 < len(tokens) and tokens[i + 1].lower() in ("s", "t"))
        if i and not clitic and not NO_SPACE_BEFORE.match(token) and tokens[i - 1] not in NO_SPACE_AFTER:
            parts.append(" ")
            pos += 1
        spans.append((pos, pos + len(token)))
        parts.append(token)
        pos += len(token)
    return "".join(parts), spans


def _tokens_in(start: int, end: int, spans: list[tuple[int, int]]) -> set[int]:
    return {i for i, (s, e) in enumerate(spans) if s < end and start < e}


def actor_tokens(actors: tuple[Actor, ...], event: Event, text: str, spans: list[tuple[int, int]]) -> set[int]:
    """Gold-token indices covered by the words each actor was read from (its offsets, else
    its text found in the event's sentence)."""
    out: set[int] = set()
    for actor in actors:
        if actor.start is not None and actor.end is not None:
            out |= _tokens_in(actor.start, actor.end, spans)
            continue
        if not actor.text:
            continue
        at = text.find(actor.text, event.sentence_start, max(event.sentence_end, event.sentence_start + 1))
        if at < 0:
            at = text.find(actor.text)
        if at >= 0:
            out |= _tokens_in(at, at + len(actor.text), spans)
    return out


def chosen_event(events: list[Event], trigger_tokens: set[int], text: str, spans) -> Event | None:
    """The event whose trigger words overlap the gold event words, else the main event."""
    if trigger_tokens:
        overlapping = []
        for event in events:
            at = text.find(event.trigger, event.sentence_start)
            if at >= 0 and _tokens_in(at, at + len(event.trigger), spans) & trigger_tokens:
                overlapping.append(event)
        if overlapping:
            return main_event(overlapping)
    return main_event(events)


def evaluate_roles(path: str | Path, pipeline, limit: int | None = None, with_details: bool = False) -> Report:
    sentences = list(read_bio(path))
    if limit:
        sentences = sentences[:limit]
    texts = [detokenize(s.tokens) for s in sentences]
    articles = [Article(id=f"line-{s.line}", text=text) for s, (text, _) in zip(sentences, texts)]
    totals = {"S": PRF(), "T": PRF()}
    with_event = 0
    details = []
    for sentence, (text, spans), (_, events) in zip(sentences, texts, pipeline.extract_many(articles)):
        event = chosen_event(events, sentence.role_tokens("R"), text, spans)
        with_event += event is not None
        predicted = {
            "S": actor_tokens(event.sources, event, text, spans) if event else set(),
            "T": actor_tokens(event.targets, event, text, spans) if event else set(),
        }
        for role in ("S", "T"):
            counts = set_prf(predicted[role], sentence.role_tokens(role))
            totals[role].add(counts)
        if with_details and any(predicted[r] != sentence.role_tokens(r) for r in ("S", "T")):
            def words(ids: set[int]) -> str:
                return " ".join(sentence.tokens[i] for i in sorted(ids))
            details.append({"line": sentence.line, "text": text,
                            "event": None if event is None else f"{event.type} «{event.trigger}»",
                            "gold_source": words(sentence.role_tokens("S")), "source": words(predicted["S"]),
                            "gold_target": words(sentence.role_tokens("T")), "target": words(predicted["T"])})
    report = Report("roles", str(path), figures={
        "sentences": len(sentences),
        "sentences_with_event": with_event,
        "source_precision": totals["S"].precision, "source_recall": totals["S"].recall, "source_f1": totals["S"].f1,
        "target_precision": totals["T"].precision, "target_recall": totals["T"].recall, "target_f1": totals["T"].f1,
    })
    table = Table("By role (token overlap)", ["role", "gold tokens", "predicted tokens", "precision", "recall", "f1"])
    for role, name in (("S", "source"), ("T", "target")):
        prf = totals[role]
        table.rows.append([name, prf.tp + prf.fn, prf.tp + prf.fp, prf.precision, prf.recall, prf.f1])
    report.tables.append(table)
    report.details = details
    return report
