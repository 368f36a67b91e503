"""From the frames of an article to its event records: the date and place of each event,
the roles that only the rest of the article can fill (a place's country, the crowd a
sentence names, the author of an event reported before, the learned role spans), the
PLOVER/CAMEO/ACLED coding, the record itself and the deduplication of an article's events.
"""
from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from fivews.actors.phrases import DocumentActors, argument_bounds
from fivews.events import attributes
from fivews.events.dating import in_other_clause, moves_narrative, resolve_date, sentence_date, sequenced
from fivews.events.extract import NO_SOURCE_OK, EventExtractor, Frame
from fivews.events.ontology import ARMED_SECTORS, PENTA_BY_TYPE, acled_category, cameo, default_cameo
from fivews.events.patterns import TriggerLexicon
from fivews.events.role_fill import (country_target, learned_role, lifted_restriction_target, moves_itself,
                                     office_target, place_target, population_target, restricted_here, unknown_person,
                                     war_target)
from fivews.events.syntax import agent_of, is_passive, subject_of
from fivews.models import Actor, Event, Place, content_id
from fivews.places.assign import PlaceIndex, sentence_place, subject_place, tied_place
from fivews.times.resolve import TimeMention

HISTORICAL_DAYS = 31
RIOT_CODE = "145"
PEACEKEEPING_CODE = "074"
DEPLOYMENT_CODE = "154"
JOINT_EXERCISE_CODE = "062"
EXERCISE_HEADS = {"exercise", "drill", "game", "wargame", "manoeuvre", "maneuver"}
NAMING_VERBS = {"call", "describe", "label", "dub", "term", "brand", "claim", "portray"}  # what others call them
QUOTES = {'"', "'", "“", "‘", "«"}
PEACEKEEPING_WORDS = {"peacekeeping", "peacekeeper", "peacekeepers", "peace-keeping", "peace-keepers", "blue helmets"}


def confidence(frame: Frame, has_place: bool, has_date: bool) -> float:
    score = 0.3
    if frame.sources:
        score += 0.25
    if frame.targets or frame.type in NO_SOURCE_OK:
        score += 0.15
    if frame.match.trigger.pos == "verb" or frame.light is not None:
        score += 0.1
    if has_place:
        score += 0.1
    if has_date:
        score += 0.05
    if len(frame.match.tokens) > 1:
        score += 0.05
    return round(min(score, 0.95), 2)


def _historical(date_text: str | None, date_end: str | None, published: date | None) -> bool:
    if not date_text or published is None:
        return False
    last = date_end or date_text
    parts = [int(p) for p in last.split("-")]
    while len(parts) < 3:
        parts.append(12 if len(parts) == 1 else 28)
    try:
        end = date(*parts)
    except ValueError:
        return False
    return end < published - timedelta(days=HISTORICAL_DAYS)


SentenceFrames = list[tuple[Span, list[Frame]]]  # each sentence of a Doc with the frames found in it


def find_frames(doc: Doc, extractor: EventExtractor, actors: DocumentActors) -> SentenceFrames:
    """The frames of every sentence of a Doc, in text order."""
    return [(sent, extractor.frames(sent, actors)) for sent in doc.sents]


def needy_sentences(found: SentenceFrames) -> list[Span]:
    """The sentences with a frame whose open roles the learned role spans could fill."""
    return [sent for sent, frames in found if any(_learnable(f) for f in frames)]


def learned_spans(extractor: EventExtractor, sents: list[Span]) -> dict[tuple[Doc, int], list[Span]]:
    """The learned role spans of each sentence, by its Doc and first token, from one run of
    the role model over all of them (they may come from several Docs)."""
    if extractor.roles is None or not sents:
        return {}
    return {(sent.doc, sent.start): spans for sent, spans in zip(sents, extractor.roles.spans(sents))}


def build_events(
    doc: Doc,
    extractor: EventExtractor,
    actors: DocumentActors,
    places: PlaceIndex,
    times: list[TimeMention],
    article_id: str,
    url: str | None,
    published: date | None,
    found: SentenceFrames | None = None,
    learned: dict[tuple[Doc, int], list[Span]] | None = None,
) -> list[Event]:
    """Every event of a Doc as records, deduplicated within the article. ``found`` and
    ``learned`` are the Doc's frames and learned role spans when the caller has them
    already (:func:`find_frames`, :func:`learned_spans`)."""
    events: list[Event] = []
    running: dict[int, tuple[Place | None, TimeMention | None]] = {}
    focus = places.setting() or places.focus()  # the town the article is set in, else its country
    text = doc.text
    if found is None:
        found = find_frames(doc, extractor, actors)
    # towns where the article's meetings happen: a visitor's words there stay there
    meetings = [(top.place, {a.country for a in f.sources + f.targets if a.country})
                for _, frames in found for f in frames if f.type == "CONSULT"
                for top in [tied_place(f.anchors(), places, "CONSULT")] if top is not None]
    meeting_towns = {place.name for place, _ in meetings}
    if learned is None:
        learned = learned_spans(extractor, needy_sentences(found))
    story_time: TimeMention | None = None  # the date the narrative last stood at, across paragraphs
    for sent, frames in found:
        paragraph = text.count("\n\n", 0, sent.start_char)
        para_place, para_time = running.get(paragraph, (None, None))
        if not frames:
            # a sentence without an event still moves the narrative on: "Crowds gathered on
            # Monday. Police chased and arrested demonstrators."
            main = sentence_date(sent, times)
            if main is not None:
                running[paragraph] = (para_place, main)
                story_time = main
            continue
        role_spans = learned.get((doc, sent.start))
        main_time = sentence_date(sent, times)
        continued = story_time if para_time is None else None
        anchors_all = {t.i for f in frames for t in f.anchors()}
        actor_tokens = {t.i for t in sent if t.dep_ in ("nsubj", "nsubjpass", "dobj", "poss")}
        for frame in frames:
            ttype = frame.type
            if not frame.targets and frame.target_place is not None and not moves_itself(frame) and ttype != "CONSULT":
                frame.targets = population_target(frame, places, actors) or country_target(
                    frame, places, actors) or unknown_person(frame.target_place, places, actors)
            elif not frame.targets and frame.target_place is not None and frame.match.trigger.mode == "release":
                frame.targets = unknown_person(frame.target_place, places, actors)  # "freed Mohamed Soltan"
            if not frame.sources and frame.source_slot is not None:
                frame.sources = unknown_person(frame.source_slot, places, actors)
            if not frame.targets and frame.match.trigger.mode == "crowd-control":
                # "fired tear gas and detained protesters"; "Protesters broke through police lines.
                # Police fired tear gas": the crowd of the sentence before, in the same paragraph
                before = doc[sent.start - 1].sent if sent.start > 0 else None
                frame.targets = _crowd_of(sent, actors) or (
                    _crowd_of(before, actors) if before is not None and text.count(
                        "\n\n", 0, before.start_char) == paragraph else [])
            if role_spans and _learnable(frame):
                # where the parse found no one, the learned role spans may
                if not frame.sources and ttype not in NO_LEARNED_SOURCE:
                    frame.sources = learned_role(frame, role_spans, "SOURCE", places, actors, extractor.lexicon)
                if not frame.targets and ttype not in NO_LEARNED_TARGET and not moves_itself(frame):
                    frame.targets = learned_role(frame, role_spans, "TARGET", places, actors, extractor.lexicon,
                                                 alone=len(frames) == 1 and bool(frame.sources))
            if not frame.targets and ttype == "RETREAT":
                frame.targets = office_target(frame, places, actors)
            if not frame.targets and ttype in ("CONCEDE", "RETREAT"):
                frame.targets = lifted_restriction_target(frame, places, actors)
            if not frame.targets and ttype in REACTION_TYPES:
                frame.targets = _author_of_earlier(frame, extractor.lexicon, events)
            if not frame.targets and ttype == "ASSAULT":
                frame.targets = _target_of_coordinated(frame, frames)
            if not frame.targets:
                frame.targets = _target_of_parallel(frame, frames)
            if not frame.targets and ttype == "THREATEN":
                frame.targets = _aggressor_of(frame, events)
            if not frame.sources and not frame.targets and (ttype not in NO_SOURCE_OK or _mentioned_only(frame)):
                continue
            if frame.match.trigger.needs_target and not frame.targets:
                continue
            if frame.match.trigger.armed_source and not any(
                    a.sector in ARMED_SECTORS or a.kind == "armed_group" for a in frame.sources):
                continue  # "the storm hit the coast", "sanctions hit the economy"
            own = {t.i for t in frame.anchors()}
            mention = resolve_date(frame, sent, times, anchors_all - own)
            top = tied_place(frame.anchors(), places, ttype)
            if top is not None and _names_actor(top, frame):
                top = None  # "called on Beijing to stop", "sanctions on Iran": who, not where
            if top is None and frame.target_place is not None:
                top = places.toponym_of(frame.target_place)
            at_actors = False  # a place that only says where the actors were is no target
            if top is None:  # "officers in Islamabad detained ...": where the actors were
                subject = subject_of(frame.light or frame.token)
                top = subject_place(subject, places, ttype) if subject is not None else None
                at_actors = top is not None
            seat = places.seat(frame.sources) if top is None and ttype in HOME_TYPES else None
            met = _meeting_of(frame, meetings) if top is None and ttype in HOME_TYPES else None
            if top is None and met is None:
                top = sentence_place(sent, places, ttype, actor_tokens)
                if top is not None and in_other_clause(doc[top.start], frame):
                    top = None  # "came a week after fighters stormed a hotel in Kismayo": not here
            if top is not None:
                location = top.place
            elif met is not None:  # "Turkey and Russia urged ..." after their talks in Istanbul
                location, seat = met, None
            elif para_place is not None:
                location = para_place
            else:
                location = focus
            if not frame.targets and ttype in PLACE_TARGET_TYPES and top is not None and not at_actors:
                frame.targets = place_target(frame, top, actors)
            if not frame.targets:  # "the coalition fighting in Yemen declared a ceasefire"
                frame.targets = war_target(frame, places, actors)
            if not frame.targets:  # "imposed a curfew": on the people where it is imposed
                frame.targets = restricted_here(frame, location.country if location is not None else None, actors)
            story_place = location  # where the story is: role-only actors are of its country
            if seat is not None and _at_home(seat, location, frame.targets, top is not None, meeting_towns):
                # "Germany expelled two Iranian diplomats after a court in Tehran ...": in Berlin
                location, top = seat, None
            if mention is None:
                # the date of the sentence's main clause, else the paragraph's, else the story's
                earlier = (None if sequenced(frame) else main_time) or para_time or continued
                ref, date_text = (earlier.ref, None) if earlier is not None else (None, None)
            else:
                ref, date_text = mention.ref, mention.ref.text
            if ref is not None:
                event_date, date_end, precision = ref.date, ref.date_end, ref.precision
            elif published is not None:
                event_date, date_end, precision = published.isoformat(), None, "week"
            else:
                event_date = date_end = precision = None
            if top is not None or mention is not None:
                here, then = running.get(paragraph, (None, None))
                now = mention if mention is not None and moves_narrative(frame) else then
                running[paragraph] = (location if top is not None else here, now)
            home = story_place.country if story_place is not None else None
            if ttype == "PROTEST" and not frame.sources:
                # "protests began in Saqqez": a protest is made by protesters, if unnamed
                # ("thousands of supporters of the coup marched": their words, else the trigger's)
                slot = frame.source_slot
                words = doc[slice(*argument_bounds(slot))] if slot is not None else doc[frame.token.i: frame.token.i + 1]
                frame.sources = [actors.coder.sector_only("protesters", "CVL").with_text(
                    words.text, words.start_char, words.end_char)]
            if ttype not in CROSS_BORDER_TYPES:  # "the minister visited Kyiv" is no Ukrainian minister
                frame.sources = [_localise(a, home, actors) for a in frame.sources]
            if ttype != "CONSULT":
                # an institution named only by its role ("accused the police", "asked the high
                # court to block it") is of the country where the act happens; not in talks,
                # where the host's "president" may be a visitor's
                frame.targets = [_localise(a, home, actors) for a in frame.targets]
            events.append(_record(frame, sent, article_id, url, published, location, event_date, date_end,
                                  precision, date_text, confidence(frame, top is not None, mention is not None)))
        story_time = main_time or running.get(paragraph, (None, story_time))[1] or story_time
    return dedupe(events)


# acts done where the actor sits unless a place is named: decisions, statements, demands
HOME_TYPES = {"SANCTION", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "SUPPORT", "CONCEDE"}
# acts whose target, when no one is named, is the state they are done in: "declared a
# ceasefire in South Sudan", "strengthened its forces in Crimea", "aid in Iraq"
PLACE_TARGET_TYPES = {"AGREE", "CONCEDE", "RETREAT", "MOBILIZE", "SANCTION", "REQUEST", "AID"}
# reactions whose object may be an event reported before ("dismissed the measures")
RESTRICTIVE_TYPES = {"SANCTION", "COERCE"}  # "expelled two diplomats" (SANCTION) is "the expulsions" (COERCE)
REACTION_TYPES = {"REJECT", "ACCUSE", "THREATEN", "SUPPORT", "AGREE"}
# measures one actor takes after another in a joined clause, aimed at the same target
PARALLEL_TYPES = {"SANCTION", "AID", "REQUEST", "ACCUSE", "SUPPORT", "REJECT", "THREATEN"}
NO_LEARNED_SOURCE = {"PROTEST"}  # unnamed protesters are civilians
NO_LEARNED_TARGET = {"PROTEST"}  # protests need no one to be aimed at, nor do moves (moves_itself)


def _names_actor(top, frame: Frame) -> bool:
    doc = frame.token.doc
    start, end = doc[top.start].idx, doc[top.end - 1].idx + len(doc[top.end - 1])
    return any(a.start is not None and a.start < end and start < a.end for a in (*frame.sources, *frame.targets))


def _meeting_of(frame: Frame, meetings: list[tuple[Place, set[str]]]) -> Place | None:
    """Where a joint statement with no place of its own was made: the town of the article's
    meeting between the states that make it ("After talks in Istanbul, Turkey and Russia
    called for a ceasefire")."""
    states = {a.country for a in frame.sources if a.country}
    if len(states) < 2:
        return None
    for place, parties in meetings:
        if states <= parties and place.feature not in ("country", "admin1", "region"):
            return place
    return None


def _at_home(seat: Place, place: Place | None, targets: list[Actor], in_sentence: bool,
             meeting_towns: set[str]) -> bool:
    """Whether an act with no place of its own happened at its actor's seat rather than at
    the place the story gives: that place is missing, is in the country the act is aimed at
    ("the EU imposed sanctions on Iran" in an article about Iran), is only a country or
    region (the seat's own, or the article's), or is a town of another country that the
    sentence does not name and where the article holds no meeting ("German Foreign Minister
    Heiko Maas called for an arms embargo" in a story from Tripoli). A visitor's words at a
    summit stay in the summit's town."""
    if place is None:
        return True
    if place.country in {t.country for t in targets if t.country} and place.country != seat.country:
        return True
    if not in_sentence and place.country != seat.country and place.name not in meeting_towns:
        return True
    return place.feature in ("country", "admin1", "region") and (place.country == seat.country or not in_sentence)


def _learnable(frame: Frame) -> bool:
    """Whether the learned role spans could fill a role the parse left open."""
    if frame.match.trigger.needs_target:
        return False
    return not frame.sources and frame.type not in NO_LEARNED_SOURCE or \
        not frame.targets and frame.type not in NO_LEARNED_TARGET and not moves_itself(frame)




CROSS_BORDER_TYPES = {"CONSULT", "AID", "SANCTION", "AGREE", "SUPPORT", "COOPERATE"}
LOCAL_SECTORS = {"GOV", "COP", "CVL", "OPP", "REB", "JUD", "LEG", "PTY", "BUS", "LAB", "JRN", "EDU", "REL", "MED",
                 "CRM", "UAF", "REF", "AGR", "SPY", "PRM", "ELI", "NGO"}


NATIONAL_FORCES = {"army", "military", "junta", "navy", "guard"}  # a country's own, named without it


def _localise(actor: Actor, country: str | None, actors: DocumentActors) -> Actor:
    """A domestic actor named only by its role ("police", "protesters", "gunmen") belongs to
    the country where the event happened. Troops and soldiers are left alone: foreign
    troops in a war zone are too common for the guess to be safe; but "the army", "the
    military", "the junta" named without a state, and an officer named without one, are
    the country's own."""
    national = actor.sector == "MIL" and (bool(NATIONAL_FORCES & set(actor.text.lower().split()))
                                          or actor.kind == "person")  # "Colonel Major Amadou Abdramane"
    if actor.country is not None or country is None or actor.id is not None or not (
            actor.sector in LOCAL_SECTORS or national):
        return actor
    if actor.kind not in ("group", "person"):
        return actor
    if actor.kind == "person":
        return Actor(actor.text, actor.name, country + actor.sector, country, actor.sector, "person", None,
                     actor.start, actor.end)
    local = actors.coder.state(actor.text, country, actor.sector)
    return local.with_text(actor.text, actor.start, actor.end)


def _depth(tok: Token) -> int:
    """Steps from a token up to the root of its sentence (0 for the main verb)."""
    depth = 0
    while tok.head != tok and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


# Cooperation announced for the future is an expression of intent (PLOVER AGREE, CAMEO 03x):
# "is willing to provide aid", "will release the hostages", "plans to hold talks".
INTENT_CODES = {
    ("AID", None): "033", ("RETREAT", "release"): "0353", ("RETREAT", "withdraw"): "0356",
    ("RETREAT", "demobilize"): "0356", ("RETREAT", "disarm"): "0356", ("RETREAT", None): "035",
    ("CONCEDE", None): "035", ("COOPERATE", None): "031", ("CONSULT", None): "036", ("SUPPORT", None): "032",
}

# an announced intention to use force is a threat to use it (CAMEO 138); an intended arrest
# or curfew stays what it is, intended
THREAT_CODES = {"ASSAULT": "138"}


def coding(frame: Frame) -> tuple[str, str | None, str | None, str]:
    """(PLOVER type, mode, CAMEO code, modality) of a frame."""
    trig = frame.match.trigger
    if frame.modality == "intended":
        intent = INTENT_CODES.get((trig.type, trig.mode)) or INTENT_CODES.get((trig.type, None))
        if intent is not None:
            if trig.type == "AID" and trig.cameo and trig.cameo[:3] in ("071", "072", "073", "074"):
                intent = "033" + trig.cameo[2]  # intent to give economic, military, humanitarian aid...
            return "AGREE", None, intent, "asserted"
        threat = THREAT_CODES.get(trig.type)
        if threat is not None:  # "Israel would resume its offensive": a threat to use force (13x)
            info = cameo(threat)
            return "THREATEN", info.plover_mode if info is not None else None, threat, "asserted"
    if trig.type == "CONSULT" and trig.mode == "visit" and frame.sources \
            and all(a.sector == "MIL" and a.kind != "person" for a in frame.sources):
        # troops that "arrived in Mali" are deployed there, not visiting: to keep the peace (074)
        # or as a move of forces (154)
        ptype, code = ("AID", PEACEKEEPING_CODE) if _for_peacekeeping(frame) else ("MOBILIZE", DEPLOYMENT_CODE)
        info = cameo(code)
        return ptype, info.plover_mode if info is not None else None, code, frame.modality
    if trig.type == "MOBILIZE" and trig.head in EXERCISE_HEADS and len({a.country for a in frame.sources if a.country}) > 1:
        # an exercise held by the forces of several states together is military cooperation (062)
        return "COOPERATE", None, JOINT_EXERCISE_CODE, frame.modality
    if trig.type == "MOBILIZE" and _for_peacekeeping(frame):
        # troops sent to keep the peace are military protection given (CAMEO 074), not a show of force
        info = cameo(PEACEKEEPING_CODE)
        return "AID", info.plover_mode if info is not None else None, PEACEKEEPING_CODE, frame.modality
    if trig.type == "ASSAULT" and _crowd(frame.sources) and not frame.fatalities:
        # a crowd that storms or burns is rioting, not fighting (CAMEO 145, ACLED riots)
        return "PROTEST", "riot", RIOT_CODE, frame.modality
    code = trig.cameo or default_cameo(trig.type, trig.mode)
    if frame.modality == "negated" and code and attributes.declined(frame.token, frame.light) and not (
            is_passive(frame.token) and agent_of(frame.token) is None):  # "the hostages had not been released": no one refused
        refused = _refusal_code(code)
        if refused is not None:  # "will not lift the ban": a rejection (refusals.yaml)
            info = cameo(refused)
            return "REJECT", info.plover_mode if info is not None else None, refused, "asserted"
    return trig.type, trig.mode, code, frame.modality


def _mentioned_only(frame: Frame) -> bool:
    """An event named by a bare noun with no one doing it or suffering it and nothing
    counted ("after the recent attacks", "supporters of the coup"): a reference, not a
    report. "Clashes broke out" and "an attack killed nine" are reports."""
    tok = frame.token
    return (frame.light is None and tok.pos_ in ("NOUN", "PROPN") and frame.fatalities is None
            and frame.injured is None and tok.dep_ not in ("nsubj", "nsubjpass", "ROOT"))


def _author_of_earlier(frame: Frame, lexicon: TriggerLexicon, earlier: list[Event]) -> list[Actor]:
    """The author of an event the article reported before, when a reaction names it by a
    definite noun and no one else ("the Kremlin dismissed the measures", "condemned the
    expulsions"): the sources of the latest earlier event of that type aimed at the one who
    reacts, else of the first reported."""
    verb = frame.token
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if not any(d.dep_ == "det" and d.lower_ in ("the", "this", "these", "those") for d in obj.children):
            continue
        if any(c.dep_ in ("poss", "compound") or c.dep_ == "prep" and c.lower_ != "as" for c in obj.children):
            continue  # "the ban on ships", "Iran's demands": the sentence says whose
        named = lexicon.match(obj)
        if named is None:
            if obj.lemma_.lower() in lexicon.owned_things:  # "the Kremlin dismissed the measures"
                found = _aggressor_of(frame, earlier)
                if found:
                    return found
            continue
        own = {a.code for a in frame.sources}
        kin = [e for e in earlier if e.sources and not own & {a.code for a in e.sources} and (
            e.type == named.trigger.type or {e.type, named.trigger.type} <= RESTRICTIVE_TYPES)]
        # "he denied the charges": the latest made against him; else "the attack" a third
        # party condemns is the first reported, the story's own
        against = [e for e in kin if own & {a.code for a in e.targets}]
        if against:
            return list(against[-1].sources)
        if kin:
            return list(kin[0].sources)
    return []


HOSTILE_TYPES = {"SANCTION", "ASSAULT", "COERCE", "THREATEN", "ACCUSE", "MOBILIZE"}


def _aggressor_of(frame: Frame, earlier: list[Event]) -> list[Actor]:
    """Whom a threat that names no one answers: the author of the latest hostile act the
    article reported against the threatener ("the EU imposed sanctions on Russia ... Moscow
    promised to hit back", "Israel would resume its offensive")."""
    own = {a.country or a.code for a in frame.sources}
    if not own:
        return []
    for event in reversed(earlier):
        if event.type not in HOSTILE_TYPES or not event.sources:
            continue
        hit = {a.country or a.code for a in event.targets}
        authors = {a.country or a.code for a in event.sources}
        if hit & own and not authors & own:
            return list(event.sources)
        if authors & own and event.targets and not hit & own:
            return list(event.targets)  # resuming one's own offensive: against its target
    return []


def _joined_frames(frame: Frame, frames: list[Frame]) -> list[Frame]:
    """The frames of the same type on the verb an event's verb is joined to by "and"."""
    verb = frame.light or frame.token
    if verb.dep_ != "conj" or not frame.sources:
        return []
    return [o for o in frames if o is not frame and o.type == frame.type and (o.light or o.token).i == verb.head.i]


def _target_of_coordinated(frame: Frame, frames: list[Frame]) -> list[Actor]:
    """An attack coordinated after another by the same attackers hits the same people:
    "fired tear gas at protesters and then opened fire with live rounds"."""
    for other in _joined_frames(frame, frames):
        if {a.start for a in other.sources} == {a.start for a in frame.sources}:  # the same words
            return list(other.targets)
    return []


def _target_of_parallel(frame: Frame, frames: list[Frame]) -> list[Actor]:
    """A measure of the same kind taken by another actor in a clause joined to one that
    names its target is aimed at that target too: "France suspended its aid to Niger, and
    the European Union halted budget support"."""
    if frame.type not in PARALLEL_TYPES:
        return []
    own = {a.code for a in frame.sources}
    for other in _joined_frames(frame, frames):
        if other.targets and not own & {a.code for a in [*other.sources, *other.targets]}:
            return list(other.targets)
    return []


def _crowd_of(sent: Span, actors: DocumentActors) -> list[Actor]:
    """The civilians a sentence names, at whom crowd-control weapons are aimed."""
    for tok in sent:
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and tok.pos_ == "NOUN":
            found = [a for a in actors.actors_for(tok) if a.sector == "CVL"]
            if found:
                return found
    return []


def _for_peacekeeping(frame: Frame) -> bool:
    """Whether a deployment is of peacekeepers or to a peacekeeping mission, in the text's
    own words: not "ordered troops into the regions, calling them peacekeepers"."""
    heads = [frame.token] + ([frame.light] if frame.light is not None else [])
    for head in heads:
        for t in head.subtree:
            if t.lemma_.lower() not in PEACEKEEPING_WORDS and t.lower_ not in PEACEKEEPING_WORDS:
                continue
            quoted = t.i > 0 and t.doc[t.i - 1].text in QUOTES
            named = any(a.lemma_.lower() in NAMING_VERBS for a in t.ancestors if a.i != head.i and head.is_ancestor(a))
            if not quoted and not named:
                return True
    return False


def _crowd(actors: list[Actor]) -> bool:
    """Unnamed civilians acting together: protesters, a crowd, demonstrators."""
    return bool(actors) and all(a.sector == "CVL" and a.kind not in ("person", "state", "organization") for a in actors)


def _refusal_code(code: str) -> str | None:
    table = attributes.refusals()[1]
    for size in range(len(code), 1, -1):
        if code[:size] in table:
            return table[code[:size]]
    return None


def _distinct(actors: list[Actor]) -> tuple[Actor, ...]:
    """Each actor once: "demanded Bazoum's release and his return" names one person twice.
    People of the same code stay apart when they are different people."""
    seen: set[tuple[str, str]] = set()
    out = []
    for actor in actors:
        key = (actor.code, actor.id or actor.name) if actor.kind == "person" else (actor.code, "")
        if key not in seen:
            seen.add(key)
            out.append(actor)
    return tuple(out)


def _record(frame, sent, article_id, url, published, location, event_date, date_end, precision, date_text, conf) -> Event:
    trig = frame.match.trigger
    etype, mode, code, modality = coding(frame)
    info = cameo(code)
    source_sectors = {a.sector for a in frame.sources if a.sector}
    target_sectors = {a.sector for a in frame.targets if a.sector}
    acled_type, acled_sub = acled_category(etype, mode, source_sectors, target_sectors)
    doc = sent.doc
    light = {frame.light.i, *(c.i for c in frame.light.children if c.dep_ == "prt")} if frame.light is not None else set()
    words = sorted(set(frame.match.tokens) | light)  # "carried out air strikes", "strikes were carried out"
    trigger_text = doc[words[0]: words[-1] + 1].text if words[-1] - words[0] < 8 else " ".join(doc[i].text for i in words)
    src_codes = ",".join(sorted(a.code for a in frame.sources))
    tgt_codes = ",".join(sorted(a.code for a in frame.targets))
    published_iso = published.isoformat() if published else None
    return Event(
        event_id=content_id(article_id, sent.start_char, etype, mode, src_codes, tgt_codes, frame.token.i),
        article_id=article_id,
        url=url,
        published=published_iso,
        sentence=sent.text,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        trigger=trigger_text,
        type=etype,
        mode=mode,
        context=trig.context or (info.plover_context if info else ()),
        cameo=code,
        goldstein=info.goldstein if info else None,
        quad_class=info.quad_class if info else None,
        penta_class=info.penta_class if info and info.penta_class is not None else PENTA_BY_TYPE.get(etype),
        acled_event_type=acled_type,
        acled_sub_event_type=acled_sub,
        sources=_distinct(frame.sources),
        targets=_distinct(frame.targets),
        reported_by=frame.reported_by,
        date=event_date,
        date_end=date_end,
        date_precision=precision,
        date_text=date_text,
        location=location,
        fatalities=frame.fatalities,
        injured=frame.injured,
        size=frame.size,
        modality=modality,
        historical=_historical(event_date, date_end, published),
        confidence=conf,
        extra={"depth": _depth(frame.light or frame.token),
               "series": _series(frame, code)},
    )


def _series(frame: Frame, code: str | None) -> str | None:
    """What keeps an act of a coordination of verbs apart in deduplication: its code and
    the object it acts on ("closed the borders and suspended the constitution" are two acts;
    "pulled out of Sirte and fell back" is one)."""
    verb = frame.light or frame.token
    if not _coordinated(verb):
        return None
    obj = next((c.lemma_.lower() for c in frame.token.children if c.dep_ == "dobj"), "")
    return f"{code}:{obj}"


def _coordinated(verb: Token) -> bool:
    """A verb in a coordination of verbs ("closed the borders and imposed a curfew")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") or any(
        c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children)


def dedupe(events: list[Event]) -> list[Event]:
    """One record per event: same type, actors, date and place -> keep the best evidence."""
    best: dict[tuple, Event] = {}
    order: list[tuple] = []
    for event in events:
        key = (
            event.type,
            tuple(sorted(a.code for a in event.sources)),
            tuple(sorted(a.code for a in event.targets)),
            event.date,
            event.location.name if event.location else None,
            event.modality,
            event.extra.get("series"),
        )
        if key not in best:
            order.append(key)
            best[key] = event
        elif _quality(event) > _quality(best[key]):
            best[key] = event
    return [best[k] for k in order]


def _quality(event: Event) -> tuple:
    return (event.confidence, event.fatalities or 0, -len(event.sentence))
