"""Who did it and to whom: source and target spans scored by token overlap.

The file has one token and one BIO tag per line and a blank line between sentences; the
tags mark the source (S) and the target (T) of one event of the sentence, or, for a
reciprocal event (a meeting, talks, a joint exercise, an agreement both sides sign), its
parties (R): in the dev set every R span is an actor phrase ("Putin", "Erdogan" in "Putin
met Erdogan"; "India and Pakistan" in "India and Pakistan agreed to a ceasefire") and no
sentence marks both R and S or T. The tokens are joined back into text (no space before
closing punctuation or clitics, none inside a number: "2 , 374" is "2,374"), fivews reads the text, and its main event for the
sentence is scored. The tokens covered by that event's source (target) actor words are
compared with the gold S (T) tokens; the parties of a reciprocal event are compared with
the sources and targets together, since either side may be named first: words read as a
source or target that the gold marks as a party count for the parties, not against the
source or target. Precision, recall and F1 are summed over all sentences.
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
        if i and (_in_number(tokens, i) or _in_number(tokens, i - 1)):
            pass  # "2 , 374" and "6 . 3" were written "2,374" and "6.3"
        elif i and not clitic and not NO_SPACE_BEFORE.match(token) and tokens[i - 1] not in NO_SPACE_AFTER:
            parts.append(" ")
            pos += 1
        spans.append((pos, pos + len(token)))
        parts.append(token)
        pos += len(token)
    return "".join(parts), spans


def _in_number(tokens: tuple[str, ...], i: int) -> bool:
    """Whether token ``i`` is the separator inside a number: a thousands comma between digits
    ("2 , 374") or a decimal point ("6 . 3")."""
    if not 0 < i < len(tokens) - 1 or tokens[i] not in (",", "."):
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    if not (before.isdigit() and after.isdigit() and len(before) <= 3):
        return False
    return len(after) == 3 if tokens[i] == "," else True


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


def evaluate_roles(path: str | Path, pipeline, limit: int | None = None, with_details: bool = False) -> Report:
    sentences = list(read_bio(path))
    if limit:
        sentences = sentences[:limit]
    texts = [detokenize(s.tokens) for s in sentences]
    articles = [Article(id=f"line-{s.line}", text=text) for s, (text, _) in zip(sentences, texts)]
    totals = {"S": PRF(), "T": PRF(), "R": PRF()}
    with_event = 0
    details = []
    for sentence, (text, spans), (_, events) in zip(sentences, texts, pipeline.extract_many(articles)):
        event = main_event(events)
        with_event += event is not None
        sources = actor_tokens(event.sources, event, text, spans) if event else set()
        targets = actor_tokens(event.targets, event, text, spans) if event else set()
        parties = sentence.role_tokens("R")
        predicted = {"S": sources - parties, "T": targets - parties, "R": (sources | targets) & parties}
        if parties:
            predicted["R"] = sources | targets
        for role in ROLES:
            totals[role].add(set_prf(predicted[role], sentence.role_tokens(role)))
        if with_details and any(predicted[r] != sentence.role_tokens(r) for r in ROLES):
            def words(ids: set[int]) -> str:
                return " ".join(sentence.tokens[i] for i in sorted(ids))
            details.append({"line": sentence.line, "text": text,
                            "event": None if event is None else f"{event.type} «{event.trigger}»",
                            "gold_source": words(sentence.role_tokens("S")), "source": words(predicted["S"]),
                            "gold_target": words(sentence.role_tokens("T")), "target": words(predicted["T"]),
                            "gold_parties": words(parties), "parties": words(predicted["R"])})
    report = Report("roles", str(path), figures={
        "sentences": len(sentences),
        "sentences_with_event": with_event,
        "source_precision": totals["S"].precision, "source_recall": totals["S"].recall, "source_f1": totals["S"].f1,
        "target_precision": totals["T"].precision, "target_recall": totals["T"].recall, "target_f1": totals["T"].f1,
        "sentences_with_parties": sum(1 for s in sentences if s.role_tokens("R")),
        "parties_precision": totals["R"].precision, "parties_recall": totals["R"].recall,
        "parties_f1": totals["R"].f1,
    })
    table = Table("By role (token overlap)", ["role", "gold tokens", "predicted tokens", "precision", "recall", "f1"])
    for role, name in (("S", "source"), ("T", "target"), ("R", "parties of a reciprocal event")):
        prf = totals[role]
        table.rows.append([name, prf.tp + prf.fn, prf.tp + prf.fp, prf.precision, prf.recall, prf.f1])
    report.tables.append(table)
    report.details = details
    return report
