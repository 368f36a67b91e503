"""The learned role spans: a spaCy ``spancat`` that marks who acts (SOURCE) and who is
acted on (TARGET) in a sentence, trained on our own sentences (``training/roles``).

The rules read roles from the dependency parse; the model is asked only where the parse
leaves an event without a source or a target (``events/records.py``), and only on those
sentences, so its cost follows the events that need it; the events component asks it once
for all such sentences of a batch of documents. Its weights ship in
``fivews/data/models/roles``; without them fivews runs on the rules alone.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

import numpy
import spacy
from spacy.tokens import Doc, Span
from spacy.util import registry
from spacy.vocab import Vocab
from thinc.api import get_current_ops
from thinc.types import Ragged

SPANS_KEY = "fivews_roles"
COMPONENT = "fivews_roles"
THRESHOLD = 0.5

# a self-contained component: its own tok2vec over words and the parse the English model
# has already written (tags, dependency labels, entity types), run on a sentence copied
# into its own Doc with that parse
ROLE_CONFIG = {
    "spans_key": SPANS_KEY,
    "threshold": THRESHOLD,
    "max_positive": 1,
    "suggester": {"@misc": "fivews.phrase_suggester.v1", "max_length": 15},
    "model": {
        "@architectures": "spacy.SpanCategorizer.v1",
        "reducer": {"@layers": "spacy.mean_max_reducer.v1", "hidden_size": 96},
        "scorer": {"@layers": "spacy.LinearLogistic.v1"},
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {
                "@architectures": "spacy.MultiHashEmbed.v2",
                "width": 64,
                "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP", "ENT_TYPE"],
                "rows": [5000, 1000, 2500, 2500, 500, 500, 200],
                "include_static_vectors": False,
            },
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": 64, "window_size": 1, "maxout_pieces": 3, "depth": 3,
            },
        },
    },
}


CLAUSE_DEPS = {"relcl", "acl", "advcl", "conj", "cc", "ccomp", "xcomp", "parataxis", "punct"}
PHRASE_POS = {"NOUN", "PROPN", "PRON", "NUM"}


def phrase_candidates(doc: Doc, max_length: int = 15) -> list[tuple[int, int]]:
    """The spans a role can be: noun phrases read off the parse, each with and without its
    left modifiers and with each of its right modifiers ("the police", "police in
    Minsk"), and the named entities. About one candidate per word, against ten for all
    n-grams up to ten words, and they cover about 95% of the phrases in our training data."""
    out: set[tuple[int, int]] = {(e.start, e.end) for e in doc.ents if len(e) <= max_length}
    for tok in doc:
        if tok.pos_ not in PHRASE_POS:
            continue
        left = tok.left_edge.i
        for i in range(tok.i - 1, left - 1, -1):  # not into an outer list
            if doc[i].dep_ in ("cc", "conj", "punct") and doc[i].head.i != tok.i:
                left = i + 1
                break
        starts = {left, tok.i} | {c.left_edge.i for c in tok.lefts if c.left_edge.i >= left}
        if tok.dep_ == "compound" and tok.head.dep_ in ("nsubj", "dobj", "pobj", "nsubjpass"):
            starts.add(tok.head.left_edge.i)
        ends = {tok.i + 1, tok.right_edge.i + 1}
        for child in tok.rights:
            if child.dep_ in CLAUSE_DEPS:
                break
            ends.add(child.right_edge.i + 1)
        for start in starts:
            for end in ends:
                while end - 1 > start and doc[end - 1].is_punct and doc[end - 1].text != ")":
                    end -= 1
                if 0 < end - start <= max_length:
                    out.add((start, end))
    return sorted(out)


@registry.misc("fivews.phrase_suggester.v1")
def build_phrase_suggester(max_length: int = 15):
    def suggest(docs, *, ops=None) -> Ragged:
        ops = ops or get_current_ops()
        spans, lengths = [], []
        for doc in docs:
            found = phrase_candidates(doc, max_length)
            lengths.append(len(found))
            spans.append(ops.asarray2i(numpy.asarray(found, dtype="i").reshape(-1, 2)))
        xp_lengths = ops.asarray1i(lengths)
        if spans:
            return Ragged(ops.xp.vstack(spans), xp_lengths)
        return Ragged(ops.xp.zeros((0, 2), dtype="i"), xp_lengths)

    return suggest


def model_path() -> Path:
    return Path(str(resources.files("fivews").joinpath("data/models/roles")))


class RoleModel:
    """The packaged role model, run on demand on the sentences that need it: a spancat
    over each sentence as its own Doc, with the parse the English model wrote."""

    def __init__(self, vocab: Vocab, path: Path | None = None):
        path = path or model_path()
        self.nlp = spacy.blank("en", vocab=vocab)
        self.pipe = self.nlp.add_pipe("spancat", name=COMPONENT, config=ROLE_CONFIG)
        self.pipe.from_disk(path, exclude=["vocab"])

    @classmethod
    def load(cls, vocab: Vocab) -> "RoleModel | None":
        """The packaged model, or None when fivews is installed without it."""
        path = model_path()
        return cls(vocab, path) if (path / "cfg").exists() else None

    def spans(self, sents: list[Span]) -> list[list[Span]]:
        """For each sentence, its decoded role spans as spans of its Doc. The sentences may
        come from several Docs: the model runs on them in batches all the same."""
        docs = self.pipe.pipe(sentence_docs(sents), batch_size=64)
        return [[Span(sent.doc, sent.start + s.start, sent.start + s.end, label=s.label_) for s in decoded_spans(sdoc)]
                for sent, sdoc in zip(sents, docs)]


def sentence_docs(sents: Iterable[Span]) -> Iterator[Doc]:
    """Each sentence copied into a Doc of its own with its parse (``Span.as_doc``), the
    attributes of its Doc read once for all of its sentences: as_doc alone reads the whole
    Doc again for each sentence. Sentences do not overlap, so as_doc's rewiring of a
    sentence's rows in the shared array touches no other sentence's."""
    attrs = Doc._get_array_attrs()  # the attributes as_doc copies by default
    source: Doc | None = None
    array = None
    for sent in sents:
        if sent.doc is not source:
            source = sent.doc
            array = source.to_array(attrs)
        yield sent.as_doc(array_head=attrs, array=array)


def decoded_spans(doc: Doc) -> list[Span]:
    """The model's spans without overlaps: the most confident first."""
    group = doc.spans.get(SPANS_KEY)
    if group is None or not len(group):
        return []
    scores = group.attrs.get("scores")
    order = sorted(range(len(group)), key=lambda i: -float(max(scores[i].ravel())) if scores is not None else 0)
    taken: set[int] = set()
    kept = []
    for i in order:
        span = group[i]
        if any(t in taken for t in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        kept.append(span)
    return sorted(kept, key=lambda s: s.start)
