"""In-document coreference for actors: acronyms defined in the text, surnames, pronouns.

The memory is built in one left-to-right pass (``DocumentActors.remember``) and queried
when an event's argument is a pronoun or a short name.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from fivews.models import Actor
from fivews.text_norm import name_key

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
GROUP_PRONOUNS = {"it", "its", "they", "them", "their", "theirs", "itself", "themselves", "we", "our", "us"}
ARMED_SECTORS = {"MIL", "REB", "UAF", "INS"}
STATE_SIDE = {"GOV", "MIL"}  # the sides a war is fought between: a state's forces ...
NON_STATE_SIDE = {"REB", "UAF", "INS"}  # ... and those who take up arms against it
REPORT_LEMMAS = {
    "say", "tell", "announce", "report", "claim", "state", "add", "confirm", "insist", "note",
    "declare", "assert", "allege", "warn", "write", "tweet", "explain", "acknowledge", "admit", "stress",
}


@dataclass
class DocumentMemory:
    """Names this document has defined and the actors mentioned so far, in order."""

    aliases: dict[str, Actor] = field(default_factory=dict)
    mentions: list[tuple[int, Actor, bool]] = field(default_factory=list)  # (token index, actor, is subject)

    def define(self, alias: str, actor: Actor) -> None:
        key = name_key(alias)
        if key and key not in self.aliases:
            self.aliases[key] = actor

    def alias(self, text: str) -> Actor | None:
        return self.aliases.get(name_key(text))

    def add_mention(self, index: int, actor: Actor, is_subject: bool) -> None:
        self.mentions.append((index, actor, is_subject))

    def antecedent(self, pronoun: Token) -> Actor | None:
        """The actor a pronoun most likely refers to."""
        found = self._antecedent(pronoun)
        return found[1] if found else None

    def antecedent_mention(self, pronoun: Token) -> int | None:
        """The token index of the mention a pronoun most likely refers to."""
        found = self._antecedent(pronoun)
        return found[0] if found else None

    def _antecedent(self, pronoun: Token) -> tuple[int, Actor] | None:
        word = pronoun.lower_
        reporter = _reporting_subject(pronoun)
        if reporter is not None and word in GROUP_PRONOUNS | PERSON_PRONOUNS:
            found = self._at(reporter)
            if found is not None:
                return found
        want_person = word in PERSON_PRONOUNS
        sent_start = pronoun.sent.start
        candidates = [(i, a, subj) for i, a, subj in self.mentions if i < pronoun.i]
        if want_person:
            people = [c for c in candidates if c[1].kind == "person"]
            clause_subject = _clause_subject(pronoun)
            if clause_subject is not None:  # "Kishida asked him": him is not Kishida
                named = {c[1].name for c in people if c[0] == clause_subject.i}
                people = [c for c in people if c[0] != clause_subject.i and c[1].name not in named]
            if not people:
                return None
            last = people[-1]
            doc = pronoun.doc
            for i, actor, subject in reversed(people[:-1]):
                # not a person named inside the description of a subject: in "Ghannouchi, the
                # best-known opponent of President Saied, ... while he is investigated", he
                # is Ghannouchi
                if subject and doc[i].sent == pronoun.sent and not last[2] \
                        and doc[i].left_edge.i <= last[0] <= doc[i].right_edge.i:
                    return i, actor
            return last[:2]
        if word in GROUP_PRONOUNS:
            clause_subject = _clause_subject(pronoun) if word not in ("itself", "themselves") else None
            if clause_subject is not None:  # "the army stormed it": it is not the army
                candidates = [c for c in candidates if c[0] != clause_subject.i]
            same = [c for c in candidates if c[0] >= sent_start and c[1].kind != "person" and c[2]]
            if same:
                return same[0][:2]
            previous = [c for c in candidates if c[1].kind != "person" and c[2]]
            if previous:
                # the subject of the main clause of the sentence before, over one inside a
                # subordinate clause ("ECOWAS leaders demanded ... if their demand was not
                # met. They also closed borders")
                doc = pronoun.doc
                last_sent = doc[previous[-1][0]].sent
                main = [c for c in previous if c[0] >= last_sent.start and doc[c[0]].head.dep_ == "ROOT"]
                return (main[0] if main else previous[-1])[:2]
        return None

    def named_last(self, before: int, kinds: tuple[str, ...]) -> Actor | None:
        """The actor of one of ``kinds`` named last before a token ("the WFP ... the agency")."""
        found = [a for i, a, _ in self.mentions if i < before and a.kind in kinds]
        return found[-1] if found else None

    def state(self, before: int) -> Actor | None:
        """The state named last before a token ("Niger ... the country")."""
        found = [a for i, a, _ in self.mentions if i < before and a.country and a.code == a.country]
        return found[-1] if found else None

    def sides(self, before: int) -> list[Actor]:
        """The two sides of the fighting the story reports: its most named armed actor and
        that actor's opponent: for rebels, their state's government or army ("the LNA" and
        "the GNA"); for a state's forces, the rebels of that state, else the forces of
        another state named most ("both sides")."""
        counts: dict[str, int] = {}
        first: dict[str, Actor] = {}
        for i, a, _ in self.mentions:
            if i < before and a.country and a.kind != "person" and a.sector in STATE_SIDE | NON_STATE_SIDE:
                counts[a.code] = counts.get(a.code, 0) + 1
                first.setdefault(a.code, a)
        ranked = sorted(counts, key=lambda code: -counts[code])
        armed = [c for c in ranked if first[c].sector in ARMED_SECTORS or first[c].kind == "armed_group"]
        if not armed:
            return []
        top = first[armed[0]]
        rebel = top.sector in NON_STATE_SIDE
        for code in ranked:
            other = first[code]
            if code == top.code:
                continue
            if rebel and other.country == top.country and other.sector in STATE_SIDE:
                return [top, other]
            if not rebel and other.country == top.country and other.sector in NON_STATE_SIDE:
                return [top, other]
        if not rebel:
            for code in armed:
                other = first[code]
                if other.country != top.country and other.sector in STATE_SIDE:
                    return [top, other]
        return []

    def _at(self, token: Token) -> tuple[int, Actor] | None:
        for i, actor, _ in self.mentions:
            if i == token.i:
                return i, actor
        return None


def _clause_subject(pronoun: Token) -> Token | None:
    """The subject of the verb a pronoun is the object of, which it cannot stand for."""
    if pronoun.dep_ not in ("dobj", "dative", "iobj", "pobj") or pronoun.lower_ in ("his", "her", "himself", "herself"):
        return None
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    while not any(c.dep_ == "nsubj" for c in verb.children) and verb.dep_ in ("conj", "xcomp", "advcl") \
            and verb.head != verb:
        # "shelled the town and then stormed it", "held 2000 people to use them as shields":
        # the subject the verbs share
        verb = verb.head
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _reporting_subject(token: Token) -> Token | None:
    """The subject of the speech verb whose complement clause holds ``token``, if any."""
    node = token
    while node.head != node:
        parent = node.head
        if node.dep_ in ("ccomp", "parataxis") and parent.lemma_ in REPORT_LEMMAS:
            subjects = [c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass")]
            return subjects[0] if subjects else None
        if parent.pos_ in ("VERB", "AUX") and node.dep_ in ("advcl", "relcl"):
            return None
        node = parent
    return None
