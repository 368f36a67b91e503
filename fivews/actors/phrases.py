"""The actors an argument token stands for, with coordination, appositions, "of" phrases,
possessives and in-document coreference."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from fivews.actors.coref import GROUP_PRONOUNS, PERSON_PRONOUNS, DocumentMemory
from fivews.actors.kb import ActorKB
from fivews.actors.resolve import ActorCoder, Match, find_matches
from fivews.data_files import load_yaml
from fivews.models import Actor
from fivews.text_norm import name_key

_PHRASE_DEPS = {"det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod", "advmod", "npadvmod", "punct", "flat", "prep", "pobj", "cc", "conj", "appos"}


class DocumentActors:
    """Actor coding for one Doc: lexicon matches, memory of names, and argument resolution."""

    def __init__(self, doc: Doc, kb: ActorKB, day: date | None):
        self.doc = doc
        self.kb = kb
        self.day = day
        self.coder = ActorCoder(kb)
        self.matches = find_matches(doc, kb)
        self.match_at: dict[int, Match] = {}
        for m in self.matches:
            for i in range(m.start, m.end):
                self.match_at[i] = m
        self.memory = DocumentMemory()
        self.person_spans = {t.i: ent for ent in doc.ents if ent.label_ == "PERSON" for t in ent}
        self.org_spans = {ent.end - 1: ent for ent in doc.ents if ent.label_ == "ORG"}
        self._cache: dict[int, Actor | None] = {}
        self._remember_document()

    # -- one pass over the document -------------------------------------------------------
    def _remember_document(self) -> None:
        for sent in self.doc.sents:
            for tok in sent:
                if not self._is_phrase_head(tok):
                    continue
                actor = self.actor_of_phrase(tok)
                if actor is None and tok.lemma_.lower() in SPEAKS_FOR and tok.dep_ in ("nsubj", "nsubjpass"):
                    found = [a for p in _affiliation_objects(tok) for a in self.actors_for(p)]
                    actor = found[0] if len(found) == 1 else None  # "Leaders of ECOWAS ... They"
                if actor is None and tok.pos_ == "PROPN":
                    actor = self.unknown_person(tok)  # "Mahsa Amini died ... telephoned her family"
                if actor is None:
                    continue
                is_subject = tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "conj" and tok.head.dep_ in ("nsubj", "nsubjpass"))
                self.memory.add_mention(tok.i, actor, is_subject)
                self._define_aliases(tok, actor)

    def _is_phrase_head(self, tok: Token) -> bool:
        if tok.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
            return False
        if tok.pos_ == "ADJ" and tok.i not in self.match_at:
            return False
        head = tok.head
        # inside a proper-name compound: only the last word is the head
        return not (tok.dep_ in ("compound", "flat") and head.pos_ in ("PROPN", "NOUN") and head.i > tok.i)

    def _define_aliases(self, tok: Token, actor: Actor) -> None:
        # an acronym in parentheses after the phrase: "Government of National Accord (GNA)"
        right = tok.right_edge.i
        for i in range(tok.i + 1, min(len(self.doc) - 2, right + 3) + 1):
            t = self.doc[i]
            if t.text == "(" and i + 2 < len(self.doc) and self.doc[i + 2].text == ")":
                acr = self.doc[i + 1]
                if acr.text.isupper() and 2 <= len(acr.text) <= 8:
                    self.memory.define(acr.text, actor)
                break
        if actor.kind == "person":
            ent = self.person_spans.get(tok.i)
            if ent is not None and len(ent) > 1:
                self.memory.define(ent[-1].text, actor)
                self.memory.define(ent.text, actor)
                if actor.id is not None and ent[0].text[:1].isupper():
                    self.memory.define(ent[0].text, actor)  # family name first: "Li" for Li Qiang, "Yoon"

    # -- argument resolution ---------------------------------------------------------------
    def actors_for(self, tok: Token) -> list[Actor]:
        """All actors an argument stands for: the head and its conjuncts.

        Each actor's text and offsets are the words of its argument phrase ("dozens of
        demonstrators in Yerevan"); for a pronoun whose antecedent is named earlier in the
        same sentence, the antecedent's phrase ("Tajikistan says it will ...").
        """
        found: list[Actor] = []
        listed = self._listed_states(tok)
        if listed:  # a list the parser hung on its first name: "the United States, India, Israel and ..."
            start, end = _phrase_bounds(tok)
            first = self.doc[start:end]
            found.append(self.actor_of_phrase(tok).with_text(first.text, first.start_char, first.end_char))
        later = [c for c in tok.conjuncts if c.i > tok.i]
        if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            # a second object the parser joined to the verb: "outlawed the ANC and the PAC"
            later += [c for c in tok.head.children if c.dep_ == "conj" and c.i > tok.i and c.pos_ in ("PROPN", "NOUN")
                      and not any(g.dep_ in ("nsubj", "nsubjpass", "dobj") for g in c.children)]
        for head in [*listed, *later] if listed else [tok, *later]:
            span = self._evidence_span(head)
            single = self._actors_for_single(head)
            if not single and head is not tok and found and found[-1].kind == "person":
                # "Mike Pompeo, Alex Azar and Steve Bannon": people the knowledge base does not know
                unknown = self.unknown_person(head)
                single = [unknown] if unknown is not None else []
            for actor in single:
                if actor.code not in {a.code for a in found} or actor.kind == "person":
                    found.append(actor.with_text(span.text, span.start_char, span.end_char))
        return found

    def unknown_person(self, tok: Token) -> Actor | None:
        """A person the text names but the knowledge base does not know ("Julian Assange"):
        an actor coded UNK, so that the event keeps its who. None for anything else."""
        ent = self.person_spans.get(tok.i)
        if ent is None or tok.i != ent.end - 1 or tok.i in self.match_at:
            return None
        span = self._evidence_span(tok)
        return self.coder.unknown_person(span.text, ent.text, None, None, False).with_text(
            span.text, span.start_char, span.end_char)

    def unknown_organization(self, tok: Token) -> Actor | None:
        """An organisation the text names but the knowledge base does not know ("the NCAA",
        "AMC Entertainment Holdings"): an actor coded UNK. None for anything else."""
        ent = self.org_spans.get(tok.i)
        if ent is None or any(i in self.match_at for i in range(ent.start, ent.end)):
            return None
        span = self._evidence_span(tok)
        return Actor(span.text, ent.text, "UNK", None, None, "organization", None, span.start_char, span.end_char)

    def unknown_name(self, tok: Token) -> Actor | None:
        """A full name the entity tagger missed ("will release Pablo Emilio Moncayo"), in a
        role where a name is expected: an actor coded UNK of unknown kind. Not a word opening
        the sentence, not a name with a known actor in it."""
        if tok.pos_ != "PROPN" or not tok.is_title or tok.ent_type_ or tok.i == tok.sent.start:
            return None
        words = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [tok]
        if len(words) < 2 or any(t.i in self.match_at or t.ent_type_ or not t.is_title or not t.is_alpha
                                 for t in words) or any(c.dep_ in ("det", "poss") for c in tok.children):
            return None  # a full name of two words or more, with no article: "Pablo Emilio Moncayo"
        span = self._evidence_span(tok)
        name = " ".join(t.text for t in words)
        return Actor(span.text, name, "UNK", None, None, "unknown", None, span.start_char, span.end_char)

    def _listed_states(self, tok: Token) -> list[Token]:
        """States the parser attached as appositions of a first state name: the list members."""
        if tok.pos_ != "PROPN":
            return []
        actor = self.actor_of_phrase(tok)
        if actor is None or actor.kind != "state":
            return []
        members = []
        for app in (c for c in tok.children if c.dep_ == "appos"):
            for head in (app, *app.conjuncts):
                other = self.actor_of_phrase(head)
                if other is not None and other.kind == "state" and head.pos_ == "PROPN":
                    members.append(head)
        return members

    def _evidence_span(self, head: Token) -> Span:
        if head.pos_ == "PRON" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            # (a quantity pronoun keeps its "of" phrase: "some of the U.N. peacekeepers")
            mention = self.memory.antecedent_mention(head)
            if mention is not None and head.sent.start <= mention < head.i:
                head = self.doc[mention]
            else:
                return self.doc[head.i: head.i + 1]
        start, end = argument_bounds(head)
        return self.doc[start:end]

    def _actors_for_single(self, tok: Token) -> list[Actor]:
        # an apposition naming who they are: "their presidents, A and B"
        appos = [c for c in tok.children if c.dep_ == "appos" and not _apart(c)  # not "Qatar, a close ally"
                 and not tok.i < tok.head.i < c.i]  # nor one hung on a subject from beyond its verb
        for app in appos:
            named = self.actors_for(app)
            if named:
                return named
        actor = self.actor_of_phrase(tok)
        sides = any(m.entry.kind == "modifier" and m.entry.ref == "sides" for m in self._matches_in(tok))
        if sides and actor is not None and actor.kind == "state" and actor.country and not actor.sector:
            # "Libya's warring parties": the two sides the article names in that state
            both = self.memory.sides(len(self.doc))
            if len(both) == 2 and all(a.country == actor.country for a in both):
                return [a.with_text(_phrase_text(tok)) for a in both]
        if actor is not None and not (actor.country is None and actor.kind == "group"):
            return [actor]
        # "the foreign ministers of France, Egypt and Greece": one actor per state;
        # "forces aligned with the GNA", "militias loyal to Haftar": the group they belong to
        for pobj in _affiliation_objects(tok):
            if actor is None and not _is_quantity(tok) and tok.lemma_.lower() not in SPEAKS_FOR:
                continue  # "a letter from the court" is not the court
            inner = self.actors_for(pobj)
            if inner:
                if actor is not None and actor.sector:
                    return [self._with_sector(a, actor.sector, tok) for a in inner]
                return [a.with_text(_phrase_text(tok)) for a in inner]
        # "militants in Kunar", "a military base in Saudi Arabia", "the cities in Saudi Arabia":
        # a role, or a place, in a state is of that state
        if not sides and (actor is not None and actor.sector or actor is None and tok.lemma_.lower() in PLACE_HEADS):
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "inside", "across")):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    states = [a for a in self.actors_for(pobj) if a.kind == "state" and a.country]
                    if states:
                        return [self.coder.state(_phrase_text(tok), states[0].country,
                                                 actor.sector if actor is not None else None)]
        if actor is None and tok.lemma_.lower() in KIN_HEADS:
            # "telephoned her family", "the relatives of the victims": civilians of the
            # state of those they are kin to, not those people themselves
            for other in _whose(tok):
                found = self.actors_for(other) if other.pos_ != "PRON" else [
                    a for a in [self.memory.antecedent(other)] if a is not None]
                countries = {a.country for a in found if a.country}
                if len(countries) == 1:
                    return [self.coder.state(_phrase_text(tok), countries.pop(), "CVL")]
                if found:
                    return [self.coder.sector_only(_phrase_text(tok), "CVL")]
        if actor is None and tok.lemma_.lower() in PROPERTY_HEADS:
            # "the residence of a senior army commander", "the opposition leader's home": the
            # owner is who an act against the property is aimed at
            for owner in _whose(tok, of_first=True):
                found = self.actors_for(owner)
                if found:
                    return [a.with_text(_phrase_text(tok)) for a in found]
        if actor is not None and actor.sector:
            # "his troops" after "Zelensky": the sector of the owner's state
            for child in tok.children:
                if child.dep_ == "poss" and child.lower_ in GROUP_PRONOUNS | PERSON_PRONOUNS:
                    ante = self.memory.antecedent(child)
                    if ante is not None and ante.kind == "armed_group":
                        return [ante.with_text(_phrase_text(tok))]  # "the LNA said nine of its men": the LNA's
                    if ante is not None and ante.country and ante.kind in ("state", "person", "group"):
                        return [self.coder.state(_phrase_text(tok), ante.country, actor.sector)]
        if actor is not None and not (actor.country is None and actor.kind == "group"):
            return [actor]
        collective = self._collective(tok)
        if collective:
            return collective
        if actor is not None:
            return [actor]
        # "nine of their men": a possessive pronoun in the phrase
        for child in tok.children:
            if child.dep_ == "poss" and child.lower_ in GROUP_PRONOUNS | PERSON_PRONOUNS:
                ante = self.memory.antecedent(child)
                if ante is not None:
                    return [ante.with_text(_phrase_text(tok))]
        # "the two rival camps at war in Libya": the parties to a conflict in a state, the
        # government and the rebels when the article names them (the LNA and the GNA)
        if sides:
            start, end = argument_bounds(tok)  # "camps at war in Sudan": the state may hang lower
            for pobj in (t for t in self.doc[start:end] if t.dep_ == "pobj" and t.head.lower_ in ("in", "of")):
                states = [a for a in self.actors_for(pobj) if a.kind == "state"]
                if len(states) == 1:  # the two sides the article names in that state, else the state
                    both = self.memory.sides(len(self.doc))
                    if len(both) == 2 and all(a.country == states[0].country for a in both):
                        states = both
                if states:
                    return [a.with_text(_phrase_text(tok)) for a in states]
            if not any(t.dep_ == "pobj" for t in self.doc[start:end]):
                # "warring factions clashed": the two sides the article names, when it names
                # both in one state
                both = self.memory.sides(len(self.doc))
                if len(both) == 2 and both[0].country and both[0].country == both[1].country:
                    return [a.with_text(_phrase_text(tok)) for a in both]
        # a description after a name, when the name is no actor: "Haifa, Israel's third largest city"
        for app in (c for c in tok.children if c.dep_ == "appos" and _apart(c)):
            named = self.actors_for(app)
            if named:
                return named
        return []

    def _collective(self, tok: Token) -> list[Actor]:
        """Members, sides or the state the article named before: "the leaders", "both sides",
        "the country"."""
        if any(c.dep_ in ("poss", "prep", "compound") and c.pos_ == "PROPN" for c in tok.children):
            return []
        start, end = _phrase_bounds(tok)
        words = [t.text for t in self.doc[start:end]
                 if not (t.lower_ in ("the", "these", "those") or t.like_num and t.lower_ != "two")]
        kind = self.kb.collectives.get(name_key(" ".join(words)))
        text = self.doc[start:end].text
        if kind in COLLECTIVE_KINDS:  # "suspended transactions with the country": the state named last
            if self.doc[start].lower_ != "the" or end - start != 2:
                return []
            if kind == "state":
                found = self.memory.state(tok.i)
                return [self.coder.state(text, found.country).with_text(text)] if found is not None else []
            found = self.memory.named_last(tok.i, COLLECTIVE_KINDS[kind])  # "the agency", "the group"
            return [found.with_text(text)] if found is not None else []
        if tok.tag_ not in ("NNS", "NNPS"):
            return []
        if kind == "members":
            found = self.memory.named_last(tok.i, ("igo",))
            return [found.with_text(text)] if found is not None else []
        if kind == "sides":
            return [a.with_text(text) for a in self.memory.sides(tok.i)]
        return []

    def _matches_in(self, tok: Token) -> list[Match]:
        start, end = _phrase_bounds(tok)
        return [m for m in self.matches if m.start >= start and m.end <= end]

    def _with_sector(self, actor: Actor, sector: str, tok: Token) -> Actor:
        if actor.kind == "state" and actor.country:
            return self.coder.state(_phrase_text(tok), actor.country, sector)
        return actor

    def actor_of_phrase(self, tok: Token) -> Actor | None:
        if tok.i in self._cache:
            return self._cache[tok.i]
        actor = self._code_phrase(tok)
        self._cache[tok.i] = actor
        return actor

    def _code_phrase(self, tok: Token) -> Actor | None:
        if tok.pos_ == "PRON":
            ante = self.memory.antecedent(tok)
            return ante.with_text(tok.text) if ante else None
        start, end = _phrase_bounds(tok)
        match = self.match_at.get(tok.i)
        if match is not None:
            start, end = min(start, match.start), max(end, match.end)
        text = self.doc[start:end].text
        matches = [m for m in self.matches if m.start >= start and m.end <= end]
        # a name this document defined ("the GNA", "Maas")
        defined = self.memory.alias(self.doc[_name_start(tok): tok.i + 1].text)
        if defined is not None and not any(m.start <= tok.i < m.end for m in matches):
            return defined.with_text(text)
        person_name = None
        ent = self.person_spans.get(tok.i)
        if ent is not None and not any(m.start <= tok.i < m.end and m.entry.kind == "person" for m in matches):
            person_name = ent.text
        return self.coder.compose(text, matches, tok.i, self.day, person_name)


# kin named by whose kin they are ("her family", "the relatives of the victims")
KIN_HEADS = {"family", "families", "relative", "wife", "husband", "widow", "son", "daughter", "mother", "father",
             "brother", "sister", "parent", "child", "children", "kin"}
# things owned whose owner is who an act against them is aimed at
PROPERTY_HEADS = {"residence", "home", "house", "houses", "homes", "office", "offices", "headquarters", "compound",
                  "premises", "villa", "mansion", "palace", "car", "vehicle", "convoy", "motorcade", "farm", "property"}
# places named by a common noun that stand for the people of the state they are in
PLACE_HEADS = {"city", "town", "village", "region", "province", "area", "district", "territory", "camp", "border",
               "base", "airport", "port", "capital"}
QUANTITY_HEADS = {"number", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
                  "group", "groups", "some", "many", "most", "majority", "minority", "all", "each", "several", "couple",
                  "handful", "one", "two", "three", "four", "five", "both", "none", "part", "rest", "team",
                  "contingent", "convoy", "batch", "wave", "crowd", "crowds", "section", "faction", "remnant",
                  "remnants"}  # members, units, wings and delegations speak for their group: SPEAKS_FOR


def _whose(tok: Token, of_first: bool = False) -> list[Token]:
    """The words that say whose a thing or a person is: its possessor ("her family") and the
    object of its "of" ("the residence of a senior army commander")."""
    poss = [c for c in tok.children if c.dep_ == "poss"]
    of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return of + poss if of_first else poss + of


def _is_quantity(tok: Token) -> bool:
    """A head that stands for members of what follows ("dozens of", "a number of", "former
    Soviet republics from the CIS"): numbers, quantity words and plural nouns."""
    return tok.pos_ == "NUM" or tok.tag_ in ("NNS", "NNPS") or tok.lemma_.lower() in QUANTITY_HEADS \
        or tok.lower_ in QUANTITY_HEADS


# collectives named by "the" and one word, and the kinds of actor named last they stand for
COLLECTIVE_KINDS = {"state": ("state",), "body": ("igo", "ngo", "organization"), "group": ("armed_group",)}
SPEAKS_FOR = {"spokesman", "spokeswoman", "spokesperson", "representative", "envoy", "negotiator", "delegate",
              "delegation", "commander", "leader", "member", "official", "fighter", "follower", "supporter",
              "loyalist", "ally", "aide", "relative", "family", "militant", "unit", "wing", "branch", "affiliate",
              "inspector", "monitor", "observer", "investigator", "peacekeeper", "staff", "employee", "worker"}
AFFILIATION_VERBS = {"align", "ally", "loyal", "affiliate", "link", "back", "support", "associate", "belong", "tie", "close"}


def _affiliation_objects(tok: Token) -> list[Token]:
    """Objects of "of"/"from" phrases and of "aligned with"/"loyal to" modifiers of a head."""
    found = []
    for child in tok.children:
        if child.dep_ == "prep" and (child.lower_ in ("of", "from") or (
                child.lower_ == "for" and tok.lemma_.lower() in SPEAKS_FOR)):
            found.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ in ("acl", "amod") and child.lemma_.lower() in AFFILIATION_VERBS:
            for prep in child.children:
                if prep.dep_ in ("prep", "agent") and prep.lower_ in ("with", "to", "by"):
                    found.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


def _name_start(tok: Token) -> int:
    start = tok.i
    doc = tok.doc
    while start > 0 and doc[start - 1].dep_ in ("compound", "flat") and doc[start - 1].head.i == tok.i:
        start -= 1
    return start


def _phrase_bounds(tok: Token) -> tuple[int, int]:
    """The noun phrase of a head: its left modifiers up to the head and name parts after it."""
    start = tok.left_edge.i
    end = tok.i + 1
    doc = tok.doc
    # stop the left side at a comma or conjunction that belongs to an outer list
    for i in range(tok.i - 1, start - 1, -1):
        inner = tok.pos_ == "PROPN" and doc[i].head.pos_ == "PROPN" and doc[i].head.dep_ in ("compound", "nmod")
        if doc[i].dep_ in ("cc", "conj") and doc[i].head.i != tok.i and not inner:  # not "Peace and Security Council"
            start = i + 1
            break
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "appos") and child.pos_ == "PROPN" and child.i == end:
            end = child.i + 1
        elif child.dep_ == "prep" and child.lower_ == "of" and tok.pos_ == "PROPN":
            end = child.right_edge.i + 1
        else:
            break
    return start, end


def _phrase_text(tok: Token) -> str:
    start, end = _phrase_bounds(tok)
    return tok.doc[start:end].text


CLAUSE_DEPS = {"relcl", "acl", "advcl", "conj", "cc", "ccomp", "xcomp", "parataxis"}
# clauses hanging on a noun deeper in a phrase ("a unit of a company that was accused of ...")
INNER_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "parataxis"}
TIME_PREPS = {"during", "since", "until", "till", "throughout"}
TIME_ENTS = {"DATE", "TIME"}
NAME_ENTS = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}


@lru_cache(maxsize=1)
def _verb_preps() -> dict[str, frozenset[str]]:
    """Verbs whose prepositional phrase after the object belongs to the verb ("accused
    the army of abuses", "banned him from office"): verb lemma -> prepositions."""
    data = load_yaml("events/modality.yaml").get("object_complements") or {}
    found: dict[str, set[str]] = {}
    for prep, verbs in data.items():
        for verb in verbs or ():
            found.setdefault(str(verb).lower(), set()).add(str(prep).lower())
    return {verb: frozenset(preps) for verb, preps in found.items()}


def _is_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.ent_type_ in NAME_ENTS


def _placed_apart(tok: Token) -> bool:
    """A head whose "in"/"at" phrase tells where it is, not which one it is: a person's
    name, a title followed by the name ("the Irish premier Leo Varadkar"), one person or
    thing of a named state ("the Chinese ambassador", "an Afghan army base")."""
    if tok.pos_ == "PROPN":
        return tok.ent_type_ == "PERSON"
    if tok.tag_ == "NN" and any(c.dep_ in ("amod", "poss", "compound") and c.ent_type_ in ("NORP", "GPE")
                                for c in tok.children if c.i < tok.i):
        return True
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children)


def _bracket_start(tok: Token) -> int | None:
    """Where the bracket opens around an apposition ("(GNA)"), if it is in one."""
    doc = tok.doc
    left = tok.left_edge.i
    if doc[left].text in ("(", "["):
        return left
    return left - 1 if left > 0 and doc[left - 1].text in ("(", "[") else None


def _is_time(tok: Token) -> bool:
    """A time expression: "on Monday", "this month", "in the 1990s"."""
    return tok.ent_type_ in TIME_ENTS or any(t.ent_type_ in TIME_ENTS for t in tok.children if t.dep_ == "pobj")


def _apart(tok: Token) -> bool:
    """A dependent inside an argument phrase that says something about the event or the
    actor rather than naming it: a time ("on Monday", "during a briefing"), a clause
    introduced by a preposition ("from holding office"), a list of examples ("including
    those from ..."), a description after a name ("Haifa, Israel's third largest city"),
    where a named person, or one of a state, is ("Trump in Washington", "the Chinese
    ambassador in Berlin")."""
    head = tok.head
    if tok.dep_ == "prep":
        if tok.lower_ in TIME_PREPS or tok.lower_ in ("including", "excluding") or _is_time(tok):
            return True
        if tok.ent_iob_ != "I" and any(c.dep_ == "pcomp" and c.pos_ in ("VERB", "AUX") for c in tok.children):
            return True  # not "the Movement for Restoring Democracy"
        if tok.lower_ == "of" and _is_name(head) and tok.ent_iob_ != "I" and all(
                c.pos_ == "NOUN" and c.ent_type_ == "" and not any(g.dep_ in ("det", "poss") for g in c.children)
                for c in tok.children if c.dep_ == "pobj"):
            return True  # "accusations by the US of genocide": no part of the name
        return tok.lower_ in ("in", "at") and tok.ent_iob_ != "I" and _placed_apart(head)
    if tok.dep_ in ("npadvmod", "advmod"):
        return tok.ent_type_ in TIME_ENTS or tok.lower_ in ("here", "there")
    if tok.dep_ in ("amod", "appos") and tok.i > head.i and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return True  # a clause the parser hung as a modifier: "thousands of demonstrators, most of them young"
    if tok.dep_ == "appos" and tok.i > head.i and _bracket_start(tok) is not None:
        # an acronym is the head's when it follows its words: not "China and the Eurasian
        # Economic Union (EAEU)" hung on "China"
        return _bracket_start(tok) != _phrase_bounds(head)[1]
    if tok.dep_ == "appos" and tok.i > head.i and _is_name(head):
        if _is_name(tok):  # "Syria, Defence Minister Sergei Shoigu (said)": a person is no place
            return head.ent_type_ in ("GPE", "LOC") and tok.ent_type_ in ("PERSON", "ORG")
        if head.ent_type_ == "PERSON":
            return False  # a person's office is kept: "Putin, President of Russia"
        # so is an office when the parser took the person's name for another kind of name
        # ("X, the chairman of the African Union Commission"), but not a place's description
        return head.ent_type_ in ("GPE", "LOC", "FAC") or not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    return False


def _inner_cut(child: Token, top: Token) -> int | None:
    """The first word of a part of ``child``'s subtree that is not the phrase's, if any."""
    for t in child.subtree:
        if t.i <= top.i or t.i < t.head.i:
            continue
        if t is not child and t.dep_ in INNER_CLAUSE_DEPS and t.ent_iob_ != "I":
            return t.left_edge.i if t.left_edge.i > top.i else t.i
        if _apart(t):
            return t.left_edge.i if t.left_edge.i > top.i else t.i
    return None


def _after_leading_time(tok: Token, start: int) -> int:
    """The start of a phrase past a time the parser hung on it: "17 July 2017 Russia's
    Supreme Court", "hours earlier Maduro"; not "last year's protesters"."""
    doc = tok.doc
    i = start
    while i < tok.i and (doc[i].ent_type_ in TIME_ENTS or doc[i].lower_ in ("earlier", "later")
                         or doc[i].dep_ == "npadvmod" and doc[i].head.lower_ in ("earlier", "later")):
        i += 1
    if i == start or doc[i].dep_ == "case":
        return start
    last = doc[i - 1]
    if last.head.i == tok.i and last.dep_ in ("amod", "compound") and last.lower_ not in ("earlier", "later"):
        return start  # "2011 protesters"
    return i


def argument_bounds(tok: Token) -> tuple[int, int]:
    """The whole argument phrase of a head (modifiers, "of"/"in" phrases, appositions),
    without its clauses, the other members of a coordination, times, descriptions of a
    name and phrases that belong to the verb ("accused the army of abuses")."""
    start, _ = _phrase_bounds(tok)
    doc = tok.doc
    if start > 0 and doc[start - 1].dep_ in ("cc", "conj"):
        # a coordination inside a modifier of the head: "Immigration and Customs Enforcement",
        # "Russian and Syrian warplanes"
        modifier = doc[start - 1].head
        if modifier.head.i == tok.i and modifier.i < tok.i and modifier.dep_ in ("compound", "nmod", "amod"):
            start = min(start, modifier.left_edge.i)
    start = _after_leading_time(tok, start)
    obj = tok
    while obj.dep_ == "conj" and obj.head.i < obj.i:  # "accused the army and the police of ..."
        obj = obj.head
    governing = _verb_preps().get(obj.head.lemma_.lower(), frozenset()) if obj.dep_ == "dobj" else frozenset()
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ in CLAUSE_DEPS or _apart(child) or (child.dep_ == "prep" and child.lower_ in governing):
            break
        if tok.i < tok.head.i < child.i:
            break  # hung on the subject from beyond its verb: "thousands marched on the embassy, some waving flags"
        if child.dep_ == "prep" and child.lower_ == "as":
            break  # "held 300 civilians as human shields": what they are held as is no part of them
        cut = _inner_cut(child, tok)
        if cut is not None:
            end = max(end, cut)
            break
        end = child.right_edge.i + 1
    while end - 1 > tok.i and (doc[end - 1].is_punct and doc[end - 1].text not in (")", "]") or doc[end - 1].dep_ == "cc"):
        end -= 1
    words = doc[start:end]
    if end < len(doc) and doc[end].text == ")" and sum(t.text == "(" for t in words) > sum(t.text == ")" for t in words):
        end += 1  # "the Central African Republic (CAR)"
    elif tok.pos_ == "PROPN" and end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
            and _is_acronym(doc[end + 1].text):
        end += 3  # the acronym of a name, wherever the parser hung it: "the Eurasian Economic Union (EAEU)"
    return start, end


def _is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 8 and text.isupper()
