"""The trigger lexicon: which words express which event, and where their target is.

Read from ``data/events/triggers.yaml`` (and users' files in the same format, which win).
A trigger such as ``take control`` names a head lemma (``take``) and words that must be
its dependents (``control``); the most specific trigger that fits a token is used.
"""
from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from fivews.data_files import load_yaml, read_yaml_file
from fivews.events.ontology import PLOVER_TYPES

_DEPENDENT_DEPS = {"prt", "prep", "dobj", "compound", "amod", "advmod", "xcomp", "acomp", "attr", "npadvmod", "nmod", "nsubjpass", "dative", "pobj", "oprd"}


@dataclass(frozen=True, slots=True)
class Trigger:
    head: str
    words: tuple[str, ...]
    pos: str  # verb | noun
    type: str
    mode: str | None
    cameo: str | None
    target: tuple[str, ...]
    context: tuple[str, ...]
    needs_target: bool = False  # an event only when its target is an actor ("received Haftar")
    armed_source: bool = False  # an event only when an armed actor does it ("forces hit a power station")

    @property
    def phrase(self) -> str:
        return " ".join((self.head, *self.words))


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    trigger: Trigger
    tokens: tuple[int, ...]  # token indices of the trigger words


class TriggerLexicon:
    def __init__(self, data: list[dict]):
        self.light_verbs: set[str] = set()
        self.light_phrases: dict[str, set[str]] = defaultdict(set)
        self.report_verbs: set[str] = set()
        self.owned_things: set[str] = set()
        self.by_head: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
        self.impact_verbs: set[str] = set()
        self.munitions: dict[str, Trigger] = {}
        self.type_targets: dict[str, tuple[str, ...]] = {}
        self.delivery_verbs: set[str] = set()
        self.carriers: set[str] = set()
        self.goods: set[str] = set()
        self.delivery: Trigger | None = None
        for block in data:
            self._add_block(block)

    def _add_block(self, block: dict) -> None:
        for verb in block.get("light_verbs") or []:
            words = str(verb).lower().split()
            self.light_verbs.add(words[0])
            if len(words) > 1:
                self.light_phrases[words[0]].add(words[-1])
        self.report_verbs.update(str(v).lower() for v in block.get("report_verbs") or [])
        self.owned_things.update(str(v).lower() for v in block.get("owned_things") or [])
        for ptype, preps in (block.get("type_targets") or {}).items():
            if str(ptype).upper() not in PLOVER_TYPES:
                raise ValueError(f"type_targets: unknown PLOVER type {ptype!r}")
            self.type_targets[str(ptype).upper()] = tuple("on" if p is True else str(p).lower() for p in preps)
        impacts = block.get("impacts") or {}
        self.impact_verbs.update(str(v).lower() for v in impacts.get("verbs") or [])
        for item in impacts.get("munitions") or []:
            word = str(item["munition"]).lower()
            self.munitions[word] = Trigger(head="", words=(word,), pos="verb", type="ASSAULT", mode=item.get("mode"),
                                           cameo=str(item["cameo"]) if item.get("cameo") else None,
                                           target=("dobj", "on", "into"), context=("military",))
        deliveries = block.get("deliveries") or {}
        self.delivery_verbs.update(str(v).lower() for v in deliveries.get("verbs") or [])
        self.carriers.update(str(v).lower() for v in deliveries.get("carriers") or [])
        self.goods.update(str(v).lower() for v in deliveries.get("goods") or [])
        if deliveries.get("cameo") or (deliveries and self.delivery is None):
            self.delivery = Trigger(head="", words=(), pos="verb", type="AID", mode=None,
                                    cameo=str(deliveries.get("cameo") or "073"), target=("to", "for"), context=())
        for item in block.get("triggers") or []:
            words = str(item["trigger"]).lower().split()
            pos = (item.get("pos") or "verb").lower()
            ptype = str(item["type"]).upper()
            if ptype not in PLOVER_TYPES:
                raise ValueError(f"trigger {item['trigger']!r}: unknown PLOVER type {ptype!r}")
            target = item.get("target") or []
            if isinstance(target, str):
                target = [target]
            trig = Trigger(
                head=words[0] if pos == "verb" else words[-1],
                words=tuple(words[1:]) if pos == "verb" else tuple(words[:-1]),
                pos=pos,
                type=ptype,
                mode=item.get("mode") or None,
                cameo=str(item["cameo"]) if item.get("cameo") not in (None, "") else None,
                target=tuple(str(t) for t in target),
                context=tuple(item.get("context") or ()),
                needs_target=bool(item.get("needs_target")),
                armed_source=bool(item.get("armed_source")),
            )
            bucket = self.by_head[(trig.pos, trig.head)]
            bucket[:] = [t for t in bucket if t.words != trig.words]
            bucket.insert(0, trig)
            if pos == "noun" and len(words) == 2:  # "air strike" is also written "airstrike"
                joined = Trigger("".join(words), (), pos, trig.type, trig.mode, trig.cameo, trig.target, trig.context,
                                 trig.needs_target, trig.armed_source)
                self.by_head.setdefault((pos, joined.head), [joined])

    def match(self, tok: Token) -> TriggerMatch | None:
        """The most specific trigger for ``tok`` as a verb or a noun, if any."""
        if tok.pos_ in ("VERB",) or tok.pos_ == "AUX" and tok.dep_ == "ROOT":
            pos = "verb"
        elif tok.pos_ in ("NOUN", "PROPN"):
            pos = "noun"
        else:
            return None
        lemma = tok.lemma_.lower()
        if pos == "verb" and lemma in self.impact_verbs:
            hit = self._impact(tok, lemma)
            if hit is not None:
                return hit
        if pos == "verb" and lemma in self.delivery_verbs:
            hit = self._delivery(tok, lemma)
            if hit is not None:
                return hit
        candidates = list(self.by_head.get((pos, lemma), ()))
        if tok.lower_ != lemma:
            candidates += self.by_head.get((pos, tok.lower_), [])
        if not candidates:
            return None
        best: TriggerMatch | None = None
        pool: list[tuple[int, str, str]] | None = None  # the words a trigger's words may be, read once
        for trig in candidates:
            if trig.words and pool is None:
                pool = _dependent_words(tok)
            used = _dependents_match(pool, trig.words) if trig.words else []
            if used is None:
                continue
            if best is None or len(trig.words) > len(best.trigger.words):
                best = TriggerMatch(trig, tuple(sorted({tok.i, *used})))
        return best

    def _impact(self, verb: Token, lemma: str) -> TriggerMatch | None:
        """A munition as the subject of an impact verb: "shells landed near the airport",
        "a rocket hit a market". The verb and the munition are the trigger."""
        for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            for word in (subj, *subj.conjuncts):
                trig = self.munitions.get(word.lemma_.lower()) or self.munitions.get(word.lower_)
                if trig is not None:
                    trig = Trigger(lemma, trig.words, trig.pos, trig.type, trig.mode, trig.cameo, trig.target,
                                   trig.context)
                    return TriggerMatch(trig, tuple(sorted({verb.i, word.i})))
        return None

    def _delivery(self, verb: Token, lemma: str) -> TriggerMatch | None:
        """A carrier of aid as the subject of a verb of arrival: "a convoy of trucks carrying
        tents arrived". The verb and the carrier are the trigger."""
        if self.delivery is None:
            return None
        for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            carrier = next((t for t in subj.subtree if t.pos_ == "NOUN" and t.lemma_.lower() in self.carriers), None)
            if carrier is None or not any(t.lemma_.lower() in self.goods for t in subj.subtree):
                continue
            trig = self.delivery
            return TriggerMatch(Trigger(lemma, (carrier.lemma_.lower(),), "verb", trig.type, trig.mode, trig.cameo,
                                        trig.target, trig.context), tuple(sorted({verb.i, carrier.i})))
        return None

    def is_light(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.light_verbs

    def is_report(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.report_verbs


def _dependents_match(pool: list[tuple[int, str, str]], words: tuple[str, ...]) -> list[int] | None:
    """Token indices of the required dependent words in ``pool`` (:func:`_dependent_words`),
    or None if one is missing."""
    used: list[int] = []
    for word in words:
        hit = next((i for i, lemma, lower in pool if i not in used and (lemma == word or lower == word)), None)
        if hit is None:
            return None
        used.append(hit)
    return used


def _dependent_words(tok: Token) -> list[tuple[int, str, str]]:
    """(index, lower-case lemma, lower-case text) of the words around a trigger head that
    may be its required dependent words."""
    pool = [c for c in tok.children if c.dep_ in _DEPENDENT_DEPS]
    # objects of a preposition ("take control of", "pull out of") and conjuncts of an object
    # (not the preposition of a clause below: "welcomed a call to return to talks" is no "welcome to")
    pool += [g for c in list(pool) for g in c.children if g.dep_ in ("pobj", "prep", "conj", "compound", "prt", "amod")
             and not (c.dep_ == "xcomp" and g.dep_ in ("prep", "prt"))]
    # a preposition before the word is an adjunct, never its particle: "on Monday called for";
    # nor is one that gives a date ("called for calm on Monday")
    pool = [c for c in pool if not (c.dep_ in ("prep", "prt") and c.head.i == tok.i and c.i < tok.i)
            and not (c.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children))]
    # "held families as human shields", "returned dozens of artifacts": under the object, what
    # it is held as and what a quantity counts
    pool += [g for c in tok.children if c.dep_ == "dobj" for p in c.children if p.dep_ == "prep" and (
        p.lower_ == "as" or p.lower_ == "of" and _counts(c)) for g in p.children if g.dep_ == "pobj"]
    # "called for Britain to stay": the preposition is the marker of a clause
    pool += [g for c in tok.children if c.dep_ == "advcl" for g in c.children if g.dep_ == "mark" and g.i == c.left_edge.i]
    if tok.dep_ == "relcl":  # "the deal Turkey struck": the head noun is the object
        pool.append(tok.head)
    return [(c.i, c.lemma_.lower(), c.lower_) for c in pool]


COUNT_WORDS = {"number", "dozen", "hundred", "thousand", "million", "score", "handful", "couple", "batch", "group",
               "ton", "tonne", "shipment", "consignment", "some", "all", "several", "many", "most", "one", "two",
               "three", "four", "five"}


def _counts(tok: Token) -> bool:
    """Whether a noun only counts what its "of" phrase names ("dozens of", "20 tonnes of")."""
    return tok.pos_ == "NUM" or tok.lemma_.lower() in COUNT_WORDS or tok.lower_.rstrip("s") in COUNT_WORDS


def user_trigger_files() -> list[Path]:
    return [Path(p) for p in os.environ.get("FIVEWS_TRIGGERS", "").split(os.pathsep) if p]


@lru_cache(maxsize=4)
def load_lexicon(extra_files: tuple[str, ...] = ()) -> TriggerLexicon:
    blocks = [load_yaml("events/triggers.yaml")]
    for path in [*user_trigger_files(), *map(Path, extra_files)]:
        blocks.append(read_yaml_file(path))
    return TriggerLexicon(blocks)
