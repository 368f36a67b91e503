"""Roles the parse of the event's own words does not give: a place standing for its
country ("shelled Kharkiv" targets Ukraine), the residents of a place under curfew or
freed from one, the state of an office left, the state at war in a ceasefire, a person the
knowledge base does not know, and the learned role spans (role_model.py)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from fivews.actors.phrases import DocumentActors, argument_bounds
from fivews.events.attributes import cue_words
from fivews.events.patterns import TriggerLexicon
from fivews.models import Actor
from fivews.places.assign import PlaceIndex

if TYPE_CHECKING:
    from fivews.events.extract import Frame

MOVER_TYPES = {"MOBILIZE", "RETREAT"}  # the forces moved are the actor
# retreats that move or disarm the actor's own forces, or end its own fighting or office; the
# others give something up to someone: captives freed, property returned, sanctions lifted
OWN_RETREAT_MODES = {"withdraw", "disarm", "ceasefire", "resign"}


def moves_itself(frame: Frame) -> bool:
    """Whether the event moves, disarms or stands down its own actor ("troops withdrew",
    "the rebels laid down their arms"), so that a place it names is where, not whom."""
    trig = frame.match.trigger
    return trig.type == "MOBILIZE" or trig.type == "RETREAT" and trig.mode in OWN_RETREAT_MODES


# acts aimed at a state also when its own leaders do them: "Kiir declared a ceasefire in South
# Sudan", "called for reform in Myanmar", and military promises ("the Taliban agreed to a
# ceasefire in Afghanistan"); not "agreed to set up a centre in Mumbai"
HOME_TARGET_TYPES = {"CONCEDE", "REQUEST"}


def _within(tok: Token, anchors: list[Token], steps: int = 6) -> bool:
    """Whether ``tok`` hangs below one of the anchors in the parse."""
    ids = {a.i for a in anchors}
    node = tok
    for _ in range(steps):
        if node.head == node:
            return False
        node = node.head
        if node.i in ids:
            return True
        if node.pos_ in ("VERB", "AUX"):
            return False  # another clause's verb: the phrase belongs to that clause
    return False


def learned_role(frame: Frame, role_spans: list[Span], label: str, places: PlaceIndex,
                  actors: DocumentActors, lexicon: TriggerLexicon, alone: bool = False) -> list[Actor]:
    """Actors of the learned SOURCE or TARGET spans that belong to this frame: below its
    trigger or governing verb in the parse, apart from its trigger words and other role."""
    if label == "TARGET":  # below the trigger itself: "the appeal followed talks between A and B" aims at no one
        anchors = [t for t in (frame.token, frame.light) if t is not None]
    else:  # the subject of a governing verb acts too: "agreed to lift the ban"
        anchors = [t for t in frame.anchors() if t.i == frame.token.i or not lexicon.is_report(t)]
    trigger = set(frame.match.tokens) | ({frame.light.i} if frame.light is not None else set())
    other = frame.targets if label == "SOURCE" else frame.sources
    found: list[Actor] = []
    for span in role_spans:
        if span.label_ != label or any(t.i in trigger for t in span) or not (alone or _within(span.root, anchors)):
            continue
        if any(a.start is not None and a.start < span.end_char and span.start_char < a.end for a in other):
            continue
        named = [a for a in actors.actors_for(span.root) if a.start is None or span.start_char <= a.start < span.end_char]
        if not named:
            top = places.toponym_of(span.root)
            if top is not None and top.place.country and not (label == "TARGET" and (
                    moves_itself(frame) or frame.type == "CONSULT"
                    or top.place.country in {a.country for a in frame.sources})):
                named = [actors.coder.state(span.text, top.place.country)]
            else:
                named = unknown_person(span.root, places, actors)
        for actor in named:
            if actor.code in {a.code for a in other} and actor.kind != "person":
                continue  # protesters are not the target of their own protest
            if label == "TARGET" and actor.kind == "state" and actor.country in {a.country for a in other}:
                continue  # "Macron warned that France would respond": his own state
            if actor.code not in {a.code for a in found} or actor.kind == "person":
                found.append(actor.with_text(span.text, span.start_char, span.end_char))
    return found


RESTRICTION_MODES = {"curfew", "martial-law", "restrict"}


def population_target(frame: Frame, places: PlaceIndex, actors: DocumentActors) -> list[Actor]:
    """A curfew, lockdown, blockade or state of emergency imposed on a place restricts the
    people who live there: "imposed a curfew in parts of Kashmir" targets India's civilians."""
    if frame.type != "COERCE" or frame.match.trigger.mode not in RESTRICTION_MODES:
        return []
    start, end = argument_bounds(frame.target_place)
    span = frame.target_place.doc[start:end]
    top = places.toponym_of(frame.target_place)
    if top is None and frame.target_place.lemma_.lower() in cue_words("settlements"):
        # "declared a state of siege in the town": its people, of the country the story is in
        return [actors.coder.sector_only(span.text, "CVL").with_text(span.text, span.start_char, span.end_char)]
    if top is None or not top.place.country:
        return []
    return [state_actor(span, top.place.country, actors, "CVL")]


def restricted_here(frame: Frame, country: str | None, actors: DocumentActors) -> list[Actor]:
    """A curfew or lockdown imposed with no place named restricts the people where it is
    imposed: "the army ... closed the country's borders and imposed a curfew" (in Niger)."""
    if frame.type != "COERCE" or frame.match.trigger.mode not in ("curfew", "martial-law") or not country:
        return []  # not other restrictions: "suspended the constitution", "banned meetings"
    doc = frame.token.doc
    words = doc[min(frame.match.tokens): max(frame.match.tokens) + 1]
    return [state_actor(words, country, actors, "CVL")]


def unknown_person(tok: Token, places: PlaceIndex, actors: DocumentActors) -> list[Actor]:
    """A person or organisation named in a role but unknown to the knowledge base, unless the
    name is a place."""
    if places.toponym_of(tok) is not None:
        return []
    person = actors.unknown_person(tok) or actors.unknown_organization(tok) or actors.unknown_name(tok)
    return [person] if person is not None else []


def country_target(frame: Frame, places: PlaceIndex, actors: DocumentActors) -> list[Actor]:
    """A place in the target slot stands for its country ("shelled Kharkiv" targets Ukraine),
    unless the actor acts in its own country ("Ukrainian troops retook Balakliia")."""
    top = places.toponym_of(frame.target_place)
    if top is None:  # "a blockade on Qatari air and sea ports": the state the places are named after
        return _state_named_place(frame, actors)
    return place_target(frame, top, actors)


def _state_named_place(frame: Frame, actors: DocumentActors) -> list[Actor]:
    noun = frame.target_place
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in cue_words("settlements") | cue_words("state_places"):
        return []
    named = [(c, a) for c in noun.children if c.dep_ == "amod" for a in actors.actors_for(c) if a.kind == "state"]
    states = [a for _, a in named]
    if len(states) != 1 or states[0].country in {a.country for a in frame.sources}:
        return []
    start, end = argument_bounds(noun)
    start = min(start, named[0][0].i)  # with the adjective that names the state
    span = noun.doc[start:end]
    return [state_actor(span, states[0].country, actors)]


def place_target(frame: Frame, top, actors: DocumentActors) -> list[Actor]:
    """The state an act is done in, as its target when no one is named: "declared a ceasefire
    in South Sudan", also by South Sudan's own president; but other acts in the actors' own
    state aim at no one ("Sudan withdrew troops from the border")."""
    if top is None or not top.place.country or top.demonym or frame.match.trigger.mode == "resign":
        return []  # a resignation leaves an office, not the place it is announced in (office_target)
    trig = frame.match.trigger
    home = frame.type in HOME_TARGET_TYPES or frame.type == "AGREE" and "military" in trig.context or (
        frame.modality == "intended" and frame.type == "RETREAT" and moves_itself(frame))
    if top.place.country in {a.country for a in frame.sources} and not (
            home and (frame.type != "REQUEST" or _in_object(frame, frame.token.doc[top.start]))):
        return []  # "called for reform in Myanmar", not "after talks in Istanbul, called for"
    doc = frame.token.doc
    span = doc[top.start: top.end]
    last = span[-1]
    if last.dep_ in ("compound", "nmod") and last.head.i >= top.end and last.head.pos_ == "NOUN":
        # the place the name is part of: "the Catumbela air base", "the Thai border"
        start, end = argument_bounds(last.head)
        span = doc[min(start, top.start): max(end, top.end)]
    return [state_actor(span, top.place.country, actors)]


def office_target(frame: Frame, places: PlaceIndex, actors: DocumentActors) -> list[Actor]:
    """Whom a resignation leaves: the state of the office ("resigned as president of
    Indonesia"), else the resigner's own state where the sentence names it ("resigned after
    protests in Kyrgyzstan"), never in the resigner's own words ("Kosovo's president")."""
    if frame.match.trigger.mode != "resign" or not frame.sources:
        return []
    own = {a.country for a in frame.sources if a.country}
    taken = [(a.start, a.end) for a in frame.sources if a.start is not None]
    sent = frame.token.sent
    office = [t for c in frame.token.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree]
    for tokens, same_state in ((office, False), (list(sent), True)):
        for tok in tokens:
            top = places.at.get(tok.i)
            if top is None or top.demonym or not top.place.country or top.place.feature != "country" and same_state:
                continue
            span = sent.doc[top.start: top.end]
            if same_state and top.place.country not in own or any(s <= span.start_char < e for s, e in taken):
                continue
            return [state_actor(span, top.place.country, actors)]
    return []


def _in_object(frame: Frame, tok: Token) -> bool:
    """Whether a place is where the trigger's act is aimed: in its object or the object of its
    own preposition ("called for reform in Myanmar"), or named by the trigger's own "in"
    ("called for calm in Thailand"); not in another phrase ("after talks in Istanbul")."""
    node = tok
    while node.head != node and node.head.i != frame.token.i:
        node = node.head
    if node.head.i != frame.token.i:
        return False
    return node.dep_ == "dobj" or node.i in frame.match.tokens or (
        node.dep_ == "prep" and node.lower_ in ("in", "across", "throughout") and tok.head.i == node.i)


RESTRICTION_NOUNS = {"curfew", "emergency", "restriction", "lockdown", "blockade", "siege", "law", "ban", "curb"}


def lifted_restriction_target(frame: Frame, places: PlaceIndex, actors: DocumentActors) -> list[Actor]:
    """Lifting or easing a curfew, a state of emergency or restrictions in a place is aimed at
    the people there ("lifted the state of emergency in four of the country's states"), or at
    the other side of restrictions "between it and Israel"."""
    if frame.type not in ("CONCEDE", "RETREAT") or frame.targets:
        return []
    heads = [frame.token, *(c for c in frame.token.children if c.dep_ == "xcomp")]
    for obj in (c for h in heads for c in h.children if c.dep_ == "dobj"):
        restriction = [t for t in obj.subtree if t.lemma_.lower() in RESTRICTION_NOUNS and t.i >= obj.i - 2]
        if not restriction:
            continue
        own = {a.country for a in frame.sources}
        for tok in obj.subtree:
            if tok.dep_ != "pobj":
                continue
            prep = tok.head.lower_
            if prep == "between":
                found = [a for t in (tok, *tok.conjuncts) for a in actors.actors_for(t) if a.country not in own]
                if found:
                    return found
            if prep in ("in", "on", "across"):
                top = places.toponym_of(tok)
                if top is None:
                    found = [a for a in actors.actors_for(tok) if a.kind == "state"]
                    country = found[0].country if found else None
                else:
                    country = top.place.country
                if country:
                    start, end = argument_bounds(tok)
                    span = tok.doc[start:end]
                    return [state_actor(span, country, actors, "CVL")]
    return []


def state_actor(span: Span, country: str, actors: DocumentActors, sector: str | None = None) -> Actor:
    """The state (or its people, with a sector) that the words of ``span`` stand for."""
    return actors.coder.state(span.text, country, sector).with_text(span.text, span.start_char, span.end_char)


CEASEFIRE_WORDS = {"ceasefire", "cease-fire", "truce", "armistice"}


def war_target(frame: Frame, places: PlaceIndex, actors: DocumentActors) -> list[Actor]:
    """The state a ceasefire with no one named is about: the one state the sentence names
    outside the words of those who declare it ("the Saudi-led coalition fighting the
    Houthis in Yemen declared a ceasefire", "an immediate ceasefire in all Libyan
    territories"); none when it names several."""
    doc = frame.token.doc
    if frame.type not in ("CONCEDE", "AGREE") or not any(
            doc[i].lemma_.lower() in CEASEFIRE_WORDS for i in frame.match.tokens):
        return []
    if len({a.country for a in frame.sources if a.country}) > 1:
        return []  # "Armenia and Azerbaijan agreed to a ceasefire": between them, not aimed at a place
    sent = frame.token.sent
    own = [(a.start, a.end) for a in frame.sources if a.start is not None]
    found = {top.place.country: top for top in places.toponyms
             if sent.start <= top.start < sent.end and top.place.country
             and not any(s <= top.start_char < e for s, e in own)}
    if len(found) != 1:
        return []
    top = next(iter(found.values()))
    return [state_actor(doc[top.start: top.end], top.place.country, actors)]
