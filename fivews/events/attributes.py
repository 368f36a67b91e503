"""Event attributes read from the parse around a trigger: modality, casualties, sizes."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from fivews.data_files import load_yaml

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12,
    "hundreds": 200, "thousands": 2000, "dozens": 24, "scores": 40, "tens of thousands": 20000,
}
SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000}


@dataclass(frozen=True)
class ModalityCues:
    negation: frozenset[str]
    cancel_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    hypothetical_modals: frozenset[str]
    condition_marks: frozenset[str]
    intention_aux: frozenset[str]
    intention_verbs: frozenset[str]
    killed_verbs: frozenset[str]
    killed_words: frozenset[str]
    injured_verbs: frozenset[str]
    injured_words: frozenset[str]
    reported_future: frozenset[str] = frozenset()


@lru_cache(maxsize=None)
def cue_words(name: str) -> frozenset[str]:
    """A word list of ``events/modality.yaml`` by its key, lower-cased; read once."""
    return frozenset(str(w).lower() for w in load_yaml("events/modality.yaml").get(name) or ())


@lru_cache(maxsize=1)
def cues() -> ModalityCues:
    data = load_yaml("events/modality.yaml")
    cas = data.get("casualties") or {}

    def words(items) -> frozenset[str]:
        return frozenset(str(w).lower() for w in items or ())

    return ModalityCues(
        words(data.get("negation")), words(data.get("cancel_verbs")), words(data.get("denial_verbs")),
        words(data.get("hypothetical_modals")), words(data.get("condition_marks")), words(data.get("intention_aux")),
        words(data.get("intention_verbs")), words(cas.get("killed_verbs")), words(cas.get("killed_words")),
        words(cas.get("injured_verbs")), words(cas.get("injured_words")), words(data.get("reported_future")),
    )


def _verb_phrase(tok: Token) -> str:
    particles = [c.lower_ for c in tok.children if c.dep_ == "prt"]
    return " ".join([tok.lemma_.lower(), *particles])


def governing_verb(tok: Token) -> Token:
    """The verb whose clause holds ``tok`` (``tok`` itself for a verb)."""
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.head != node:
        node = node.head
    return node


@lru_cache(maxsize=1)
def refusals() -> tuple[frozenset[str], dict[str, str]]:
    """Verbs of declining, and CAMEO code prefix -> code of declining (refusals.yaml)."""
    data = load_yaml("events/refusals.yaml")
    return frozenset(str(v).lower() for v in data.get("refusal_verbs") or ()), \
        {str(k): str(v) for k, v in (data.get("codes") or {}).items()}


def _not_done(chain: list[Token], verb: Token, c: ModalityCues) -> bool:
    """A negation word on the trigger or its verb ("did not release"), or a verb of declining
    governing it ("declined to resign", "failed to reach agreement")."""
    if any(ch.dep_ == "neg" or ch.lower_ in c.negation and ch.dep_ in ("neg", "det", "advmod")
           for node in chain for ch in node.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in refusals()[0]


def declined(trigger: Token, light_verb: Token | None = None) -> bool:
    """Whether the act is one its actor declines: "will not lift the ban", "did not
    release", "declined to resign", "failed to reach agreement" (not "called off", "denied")."""
    verb = light_verb if light_verb is not None else governing_verb(trigger)
    return _not_done([trigger, verb] if verb != trigger else [trigger], verb, cues())


def _conditional(chain: list[Token], c: ModalityCues) -> bool:
    """A condition clause anywhere below the trigger or its verb ("if their demand is not met")."""
    return any(ch.dep_ == "mark" and ch.lower_ in c.condition_marks for node in chain for ch in node.subtree)


def modality(trigger: Token, light_verb: Token | None = None) -> str:
    c = cues()
    verb = light_verb if light_verb is not None else governing_verb(trigger)
    chain = [trigger, verb] if verb != trigger else [trigger]
    if _not_done(chain, verb, c):
        # "if their demand was not met": a condition, not a refusal
        return "hypothetical" if any(ch.dep_ == "mark" and ch.lower_ in c.condition_marks for ch in verb.children) \
            else "negated"
    # cancelled or denied: the event is the object or passive subject of such a verb
    node = trigger
    for _ in range(3):
        head = node.head
        if head == node:
            break
        if head.pos_ in ("VERB", "AUX") and (_verb_phrase(head) in c.cancel_verbs or head.lemma_.lower() in c.cancel_verbs) \
                and node.dep_ in ("dobj", "nsubjpass", "xcomp", "pcomp"):
            return "negated"
        if head.lemma_.lower() in c.denial_verbs and node.dep_ in ("ccomp", "xcomp", "dobj", "pcomp", "pobj", "prep"):
            return "negated"
        node = head
    # hypothetical: a modal, or a condition clause
    for node in chain:
        for ch in node.children:
            if ch.dep_ == "aux" and ch.lower_ in c.hypothetical_modals:
                if ch.lower_ == "would" and not _conditional(chain, c) and _reported(node, c.reported_future):
                    return "intended"  # "the minister said his government would send troops"
                return "hypothetical"
    node = verb
    for _ in range(4):
        if any(ch.dep_ == "mark" and ch.lower_ in c.condition_marks for ch in node.children):
            return "hypothetical"
        if node.dep_ not in ("conj", "xcomp", "ccomp", "advcl") or node.head == node:
            break
        node = node.head
    # weighed, not yet decided: "is considering giving money to", "mulls sending troops"
    if verb.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") and verb.head.lemma_.lower() in cue_words("deliberation_verbs"):
        return "hypothetical"
    # intended: future auxiliary or a verb of intention governing the event
    for node in chain:
        if any(ch.dep_ == "aux" and ch.lower_ in c.intention_aux for ch in node.children):
            return "intended"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in c.intention_verbs:
        return "intended"
    return "asserted"


def _reported(verb: Token, report_verbs: frozenset[str]) -> bool:
    """Whether a clause is what a verb of saying or promising reports."""
    node = verb
    for _ in range(3):
        if node.dep_ == "conj" and node.head != node:
            node = node.head
            continue
        return node.dep_ == "ccomp" and node.head.lemma_.lower() in report_verbs
    return False


def number_of(tok: Token) -> int | None:
    """The count a noun phrase gives ("nine of their men", "at least 12 people", "6 civilians")."""
    if tok.like_num or tok.pos_ == "NUM":
        return parse_number(tok)
    for child in tok.children:
        if child.dep_ == "nummod" or child.like_num and child.dep_ in ("amod", "quantmod", "compound"):
            return parse_number(child)
    return None


def parse_number(tok: Token) -> int | None:
    text = tok.text.lower().replace(",", "")
    parts = [text]
    for child in tok.children:
        if child.dep_ in ("compound", "quantmod") and child.like_num:
            parts.insert(0, child.text.lower().replace(",", ""))
    value: float | None = None
    for part in parts:
        if re.fullmatch(r"\d+(\.\d+)?", part):
            value = (value or 0) + float(part)
        elif part in SCALE:
            value = (value or 1) * SCALE[part]
        elif part in NUMBER_WORDS:
            value = (value or 0) + NUMBER_WORDS[part]
        else:
            return None
    return int(value) if value is not None else None


def is_killing(tok: Token) -> bool:
    return _verb_phrase(tok) in cues().killed_verbs or tok.lemma_.lower() in cues().killed_verbs


def is_injuring(tok: Token) -> bool:
    return tok.lemma_.lower() in cues().injured_verbs


def victims_of(verb: Token) -> Token | None:
    """The victims' phrase of a verb of killing or injuring."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    deps = ("nsubjpass",) if passive else ("dobj",)
    if verb.lemma_.lower() in ("die", "perish"):
        deps = ("nsubj",)
    for child in verb.children:
        if child.dep_ in deps:
            return child
    return None


def casualties(verb: Token) -> tuple[int | None, int | None]:
    """(killed, injured) counts stated with a verb of killing or injuring, and its conjuncts."""
    killed = injured = None
    for node in [verb, *verb.conjuncts]:
        victims = victims_of(node)
        count = number_of(victims) if victims is not None else None
        if count is None:
            continue
        if is_killing(node):
            killed = (killed or 0) + count
        elif is_injuring(node):
            injured = (injured or 0) + count
    return killed, injured


def nominal_casualties(trigger: Token) -> tuple[int | None, int | None]:
    """Counts given as "killing 6 civilians", "leaving 12 dead", "wounding 3" in the trigger's clause."""
    killed = injured = None
    verb = governing_verb(trigger)
    for node in verb.subtree:
        if node.pos_ == "VERB" and node.dep_ in ("advcl", "conj", "xcomp", "acl") and node != verb:
            k, i = casualties(node)
            killed = killed if k is None else (killed or 0) + k
            injured = injured if i is None else (injured or 0) + i
        if node.lower_ in cues().killed_words and node.dep_ in ("amod", "acomp", "oprd", "dobj", "attr", "conj", "npadvmod", "advmod"):
            for sib in [node.head, *node.head.children]:
                count = number_of(sib) if sib != node else None
                if count is not None and sib.i < node.i:
                    killed = killed or count
                    break
    return killed, injured
