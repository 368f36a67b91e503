"""Build roles.jsonl, the training data of the role span model, from our own sentences.

Two sources, both written by the fivews project:

- ``drafts/*.txt``: one sentence per line with the sources of its main event marked
  ``{...}`` and the targets ``<...>`` (the guideline is in README.md);
- ``../data/event_sentences.jsonl``: the event-type sentences, whose ``source`` and
  ``target`` strings are their first occurrence in the text.

Each output line is ``{"text": ..., "spans": [[start, end, "SOURCE" | "TARGET"], ...],
"origin": ...}`` with character offsets. A line whose marks are unbalanced or nested is
reported and left out; the build fails if more than 2% of the lines are bad.

    python training/roles/build_roles.py
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DRAFTS = HERE / "drafts"
EVENT_SENTENCES = HERE.parent / "data" / "event_sentences.jsonl"
OUT = HERE / "roles.jsonl"
MARK = re.compile(r"[{}<>]")
CLOSE = {"{": "}", "<": ">"}
LABEL = {"{": "SOURCE", "<": "TARGET"}


class BadLine(ValueError):
    pass


def parse_marked(line: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Text without marks, and the marked spans as character offsets in it."""
    text: list[str] = []
    spans: list[tuple[int, int, str]] = []
    opened: tuple[str, int] | None = None
    pos = 0
    for ch in line:
        if ch in CLOSE:
            if opened is not None:
                raise BadLine("nested mark")
            opened = (ch, pos)
        elif ch in ("}", ">"):
            if opened is None or CLOSE[opened[0]] != ch:
                raise BadLine(f"unbalanced {ch!r}")
            start = opened[1]
            segment = "".join(text)[start:pos]
            # marks hug their words: no spaces or punctuation at the edges
            lead = len(segment) - len(segment.lstrip(" ,;:"))
            trail = len(segment) - len(segment.rstrip(" ,;:."))
            if pos - trail <= start + lead:
                raise BadLine("empty mark")
            spans.append((start + lead, pos - trail, LABEL[opened[0]]))
            opened = None
        else:
            text.append(ch)
            pos += 1
    if opened is not None:
        raise BadLine("mark not closed")
    return "".join(text), spans


def from_drafts() -> tuple[list[dict], list[str]]:
    rows, bad = [], []
    for path in sorted(DRAFTS.glob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                text, spans = parse_marked(line)
            except BadLine as exc:
                bad.append(f"{path.name}:{number}: {exc}")
                continue
            rows.append({"text": text, "spans": [list(s) for s in spans], "origin": path.stem})
    return rows, bad


def from_event_sentences() -> list[dict]:
    rows = []
    if not EVENT_SENTENCES.exists():
        return rows
    for line in EVENT_SENTENCES.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        spans = []
        for key, label in (("source", "SOURCE"), ("target", "TARGET")):
            words = item.get(key)
            if words:
                at = item["text"].find(words)
                if at >= 0:
                    spans.append([at, at + len(words), label])
        spans.sort()
        if any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
            continue  # overlapping source and target strings: not usable as spans
        rows.append({"text": item["text"], "spans": spans, "origin": "event_sentences"})
    return rows


def main() -> int:
    drafts, bad = from_drafts()
    rows = drafts + from_event_sentences()
    seen: set[str] = set()
    unique = []
    for row in rows:
        if row["text"] not in seen:
            seen.add(row["text"])
            unique.append(row)
    for problem in bad[:20]:
        print("skipped", problem, file=sys.stderr)
    total = len(drafts) + len(bad)
    if total and len(bad) > 0.02 * total:
        print(f"error: {len(bad)} of {total} draft lines are malformed", file=sys.stderr)
        return 1
    with open(OUT, "w", encoding="utf-8") as out:
        for row in unique:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    labels = {"SOURCE": 0, "TARGET": 0}
    for row in unique:
        for _, _, label in row["spans"]:
            labels[label] += 1
    print(f"{len(unique)} sentences ({len(drafts)} from drafts, {len(bad)} draft lines skipped), "
          f"{labels['SOURCE']} sources, {labels['TARGET']} targets -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
