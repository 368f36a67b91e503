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
            return people[-1][:2] if people else None
        if word in GROUP_PRONOUNS:
            same = [c for c in candidates if c[0] >= sent_start and c[1].kind != "person" and c[2]]
            if same:
                return same[0][:2]
            previous = [c for c in candidates if c[1].kind != "person" and c[2]]
            if previous:
                return previous[-1][:2]
        return None

    def members(self, before: int) -> Actor | None:
        """The organisation named last before a token ("the leaders" after "the G20")."""
        found = [a for i, a, _ in self.mentions if i < before and a.kind == "igo"]
        return found[-1] if found else None

    def sides(self, before: int) -> list[Actor]:
        """The two sides of the fighting: the two armed actors named most often before a token."""
        counts: dict[str, tuple[int, Actor]] = {}
        for i, a, _ in self.mentions:
            if i < before and (a.kind == "armed_group" or a.sector in ARMED_SECTORS) and a.country:
                n, _ = counts.get(a.code, (0, a))
                counts[a.code] = (n + 1, a)
        ranked = sorted(counts.values(), key=lambda item: -item[0])
        return [a for _, a in ranked[:2]] if len(ranked) >= 2 else []

    def _at(self, token: Token) -> tuple[int, Actor] | None:
        for i, actor, _ in self.mentions:
            if i == token.i:
                return i, actor
        return None


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
