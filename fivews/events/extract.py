"""Event frames from a parsed sentence: triggers, roles and attributes.

Verbal triggers take their roles from the clause (subject, object, passive agent, control
and coordination); nominal triggers from possessives, "by" and "between" phrases, actor
compounds and the light verb that carries them ("carried out air strikes"). A trigger
inside the content of another (the ceasefire that one side *urged* another to declare) is
part of that event, not an event of its own. Speech verbs are not events; they name who
reported the event in their complement. ``records.py`` turns an article's frames into
event records.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from fivews.actors.coref import GROUP_PRONOUNS, PERSON_PRONOUNS
from fivews.actors.phrases import DocumentActors, argument_bounds
from fivews.data_files import load_yaml
from fivews.events import attributes
from fivews.events.patterns import Trigger, TriggerLexicon, TriggerMatch
from fivews.events.role_fill import MOVER_TYPES
from fivews.events.role_model import RoleModel
from fivews.events.syntax import agent_of, is_passive, passive_subject, prep_objects, subject_of
from fivews.models import Actor

CONTENT_DEPS = {"dobj", "pobj", "prep", "xcomp", "ccomp", "compound", "amod", "conj", "acl", "pcomp", "nsubjpass", "attr", "appos", "dative", "oprd", "nmod", "poss"}
CONTROL_OBJECT_TYPES = {"REQUEST", "THREATEN", "COERCE", "ACCUSE"}
# reactions to a thing put forward (rejected, welcomed, accepted, or violated: "a UN-brokered
# truce"), and the things that are put forward: requests, offers, visits, aid, meetings, deals
# (and decisions, plans, proposals: owned_things)
WHOLE_THING_TYPES = {"REJECT", "SUPPORT", "AGREE", "ASSAULT"}
PROPOSED_TYPES = {"REQUEST", "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"}
OWNER_PREPS = ("on", "against", "of", "from", "by", "to", "for", "with")
AUTHOR_PREPS = ("by", "from")  # "attacks by the rebels"
FORCE_TYPES = {"ASSAULT", "COERCE", "THREATEN", "MOBILIZE"}
CONTENT_TARGET_TYPES = {"THREATEN", "AGREE", "REJECT"}  # "threatened/agreed/refused to <act on X>"
DISPERSAL_VERBS = {"target", "disperse", "break", "scatter"}  # force used "targeting X", "to break up mourners"
SENDING_VERBS = {"send", "deploy", "dispatch", "station", "withdraw", "pull"}  # what is sent is no target
EXPULSION_VERBS = {"expel", "deport", "evict", "banish"}  # expelled from a state: by that state
GIVING_VERBS = {"supply", "provide", "give", "send", "deliver", "donate", "hand", "ship", "transfer"}  # object: what
BENEFIT_VERBS = {"help", "assist", "support", "aid", "benefit", "feed", "protect", "serve", "rebuild", "relieve"}
PEOPLE_SECTORS = {"REF", "CVL"}  # people an act of aid takes in: refugees, migrants, civilians
NO_SOURCE_OK = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT"}
QUANTIFIER_DETS = {"any", "no", "every", "each"}
QUANTITY_WORDS = {"number", "dozen", "dozens", "hundreds", "thousands", "series", "string", "wave", "range", "host"}
ADDRESSED_TYPES = {"THREATEN", "REQUEST", "ACCUSE"}  # made in a letter or a call to someone
MEDIATION_CODES = {"045", "165"}  # mediation, begun or halted, aims at the parties of the dispute


@dataclass
class Frame:
    """An event found in a sentence, before it becomes a record."""

    match: TriggerMatch
    token: Token
    light: Token | None = None
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    target_place: Token | None = None
    source_slot: Token | None = None  # the subject or agent, when it named no known actor
    reported_by: Actor | None = None
    modality: str = "asserted"
    fatalities: int | None = None
    injured: int | None = None
    size: int | None = None
    absorbed: bool = False

    @property
    def type(self) -> str:
        return self.match.trigger.type

    def anchors(self) -> list[Token]:
        out = [self.token]
        if self.light is not None:
            out.append(self.light)
        gov = attributes.governing_verb(self.token)
        if gov not in out:
            out.append(gov)
        return out


class EventExtractor:
    def __init__(self, lexicon: TriggerLexicon, roles: RoleModel | None = None):
        self.lexicon = lexicon
        self.roles = roles  # learned role spans for events the parse leaves without roles
        self.perception = attributes.cue_words("perception_verbs")
        self.recipient = attributes.cue_words("recipient_verbs")
        self.eventive = attributes.cue_words("eventive_verbs")
        self.natural_forces = attributes.cue_words("natural_forces")
        self.courtesies = attributes.cue_words("courtesies")
        self.protest_causes = attributes.cue_words("protest_causes")
        self.despite_causes = attributes.cue_words("despite_causes")
        self.disputes = attributes.cue_words("disputes")
        self.workplaces = attributes.cue_words("workplaces")
        self.relation_nouns = attributes.cue_words("relation_nouns")
        self.obligations = {str(k).lower(): str(v) for k, v in
                            (load_yaml("events/modality.yaml").get("obligation_modals") or {}).items()}

    # -- finding frames ---------------------------------------------------------------------
    def frames(self, sent: Span, actors: DocumentActors) -> list[Frame]:
        matches: dict[int, TriggerMatch] = {}
        for tok in sent:
            named = actors.match_at.get(tok.i)
            if named is not None and named.end - named.start > 1 and named.entry.kind in NAME_KINDS:
                continue  # "Accord" in "Government of National Accord" is no agreement
            found = self.lexicon.match(tok)
            if found is not None and found.trigger.type == "ASSAULT" and self._natural(tok):
                continue  # "the earthquake struck", "to fight the epidemic"
            if found is not None and _shared_opinion(tok, found):
                continue  # "they agree with the NCAA that ...": a view shared, not a deal
            if found is not None and found.trigger.pos == "verb" and tok.dep_ == "amod" and not found.trigger.words:
                continue  # a participle describing a thing: "returned looted vases", "the detained leaders"
            if found is not None and found.trigger.pos == "verb" and self._courtesy(tok):
                continue  # "offered his condolences", "sent a condolence message"
            if self.lexicon.is_report(tok) and tok.pos_ in ("VERB", "AUX") and (found is None or not found.trigger.words):
                continue  # a speech verb is an event only in a longer entry ("described it as a provocation")
            if found is not None:
                matches[tok.i] = found
        obliged = self._obligations(sent, matches)
        frames: list[Frame] = []
        for i, match in matches.items():
            tok = sent.doc[i]
            if any(i in m.tokens and j != i for j, m in matches.items()):
                continue  # a word inside another trigger ("ceasefire" in "call for ceasefire")
            frame = Frame(match, tok)
            if i in obliged:  # "Russia says Israel must end attacks on Syria": Russia demands it of Israel
                speaker, obliged_one = obliged[i]
                frame.sources = actors.actors_for(speaker) if speaker is not None else []
                frame.targets = actors.actors_for(obliged_one)
                if frame.targets:  # "the talks should continue" asks no one
                    frames.append(frame)
                continue
            if match.trigger.pos == "noun":
                if not self._noun_frame(frame, matches, actors):
                    continue
            else:
                if self._governed(tok, matches) is not None:
                    continue
                self._verb_roles(frame, actors)
            frames.append(frame)
        self._merge_casualties(frames)
        self._merge_carried(frames)
        return [f for f in frames if not f.absorbed]

    @staticmethod
    def _merge_carried(frames: list[Frame]) -> None:
        """'delivered 20 tonnes of food aid to flood victims': the light verb's own event and
        the noun event it carries are one event, when they are of the same type. The more
        specific coding stays; each lends the other the roles it lacks."""
        verbs = {f.token.i: f for f in frames if f.match.trigger.pos == "verb"}
        for noun in frames:
            verb = verbs.get(noun.light.i) if noun.light is not None else None
            if verb is None or verb.absorbed or verb.type != noun.type:
                continue
            keep, drop = (noun, verb) if len(noun.match.trigger.cameo or "") >= len(verb.match.trigger.cameo or "") \
                else (verb, noun)
            keep.sources = keep.sources or drop.sources
            keep.targets = keep.targets or drop.targets
            keep.target_place = keep.target_place or drop.target_place
            keep.fatalities = keep.fatalities or drop.fatalities
            keep.injured = keep.injured or drop.injured
            drop.absorbed = True

    def _obligations(self, sent: Span, matches: dict[int, TriggerMatch]) -> dict[int, tuple[Token | None, Token]]:
        """Demands made by saying what someone must do: the complement verb of a speech verb
        with "must" or "should" and a subject becomes a REQUEST trigger (replacing its own
        event, which is only demanded) from the speaker to that subject."""
        found: dict[int, tuple[Token | None, Token]] = {}
        for verb in sent:
            if verb.dep_ != "ccomp" or verb.pos_ not in ("VERB", "AUX") or not self.lexicon.is_report(verb.head):
                continue
            modal = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in self.obligations), None)
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if modal is None or subject is None or subject.pos_ == "PRON" and subject.lower_ in ("it", "this", "that"):
                continue
            trigger = Trigger(verb.lemma_.lower(), (modal.lower_,), "verb", "REQUEST", None,
                              self.obligations[modal.lower_], (), ())
            matches[verb.i] = TriggerMatch(trigger, tuple(sorted((modal.i, verb.i))))
            found[verb.i] = (subject_of(verb.head), subject)
        return found

    def _courtesy(self, verb: Token) -> bool:
        """Whether a verb's object is a courtesy: condolences, congratulations, thanks."""
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            words = [obj, *(c for c in obj.children if c.dep_ in ("compound", "amod"))]
            words += [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
            if any(w.lemma_.lower() in self.courtesies or w.lower_ in self.courtesies for w in words):
                return True
        return False

    def _natural(self, verb: Token) -> bool:
        """Whether a verb of violence has a natural force as its subject or object."""
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        subject = subject_of(verb)
        words = [subject] if subject is not None else []
        words += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        return any(w.lemma_.lower() in self.natural_forces or w.lower_ in self.natural_forces for w in words)

    def _governed(self, tok: Token, matches: dict[int, TriggerMatch]) -> Token | None:
        """The trigger whose content ``tok`` is part of, if any."""
        own = matches.get(tok.i)
        if own is not None and tok.dep_ in ("relcl", "advcl", "acl", "xcomp") and tok.head.i in matches \
                and matches[tok.head.i].trigger.type == own.trigger.type \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return tok.head  # "a hunger strike to protest against X": the purpose of the same act
        node = tok
        for _ in range(8):
            if node.head == node:
                return None
            if node.dep_ not in CONTENT_DEPS and not (
                    node.head.i in matches and node.i in matches[node.head.i].tokens):  # "stayed away from the summit"
                return None
            if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and node.head.pos_ in ("VERB", "AUX"):
                # "fired tear gas and detained protesters": two events, not one inside the other;
                # but "warned against deploying troops or signing the deal": both are the warning's
                if node.head.dep_ != "pcomp":
                    return None
                if node.head.i in matches:
                    return self._governed(node.head, matches)
            node = node.head
            if node.i in matches and not self.lexicon.is_light(node):
                governor = matches[node.i]
                if attributes.is_killing(node) and node.pos_ == "VERB":
                    return None  # "killed in a drone attack": merged later
                if governor.trigger.type == matches.get(tok.i, governor).trigger.type and node.dep_ == "conj":
                    return None
                return node
            if node.pos_ in ("VERB", "AUX") and node.dep_ in ("ROOT", "advcl", "relcl", "parataxis"):
                if self.lexicon.is_report(node) or not (node.i in matches):
                    return None
        return None

    # -- roles ------------------------------------------------------------------------------
    def _verb_roles(self, frame: Frame, actors: DocumentActors) -> None:
        verb = frame.token
        trig = frame.match.trigger
        trigger_words = set(frame.match.tokens)
        if is_passive(verb):
            agent = agent_of(verb)
            patient = passive_subject(verb)
            if agent is not None:
                frame.sources = actors.actors_for(agent)
                frame.source_slot = None if frame.sources else agent
            elif verb.lemma_.lower() in EXPULSION_VERBS:  # "inspectors were expelled from North Korea"
                frame.sources = [a for o in prep_objects(verb, ("from",)) for a in actors.actors_for(o) if a.kind == "state"]
            if patient is not None:
                if trig.type in MOVER_TYPES and agent is None and trig.mode not in ("release", "return"):
                    frame.sources = actors.actors_for(patient)  # "troops were withdrawn"; not "hostages were freed"
                elif patient.i in trigger_words and trig.type in ("AID", "MOBILIZE") or trig.mode == "return":
                    # what is sent or given back ("peacekeepers are being deployed to relieve the
                    # army", "a sarcophagus was returned to Egypt") is no target: whom it goes to is
                    frame.targets = [a for o in prep_objects(verb, ("to",)) for a in actors.actors_for(o)]
                    if agent is None and trig.type in ("AID", "MOBILIZE"):
                        frame.sources = actors.actors_for(patient)  # the Ecowas peacekeepers deploy
                else:
                    frame.targets = actors.actors_for(patient)
                    if not frame.targets:
                        frame.target_place = patient
        else:
            subject = subject_of(verb)
            if subject is not None:
                frame.sources = actors.actors_for(subject)
                if subject.i in trigger_words:  # a munition or carrier: "Russian missiles", not "artillery shells"
                    frame.sources = [a for a in frame.sources if a.country]
                frame.source_slot = None if frame.sources else subject
            # "agreed to lift the tariffs": the object hangs on a later word of the trigger
            heads = _object_heads(verb, trigger_words)
            for slot in trig.target or ("dobj",):
                if slot in ("dobj", "iobj", "dative"):
                    objs = [c for h in heads for c in h.children
                            if c.dep_ in (slot, "dative" if slot == "iobj" else slot) and c.i not in trigger_words]
                else:
                    objs = prep_objects(verb, (slot,))
                    for child in verb.children:  # "take control of X": the preposition hangs on a trigger word
                        if child.i in trigger_words and child.dep_ != "prep":
                            objs += prep_objects(child, (slot,))
                objs = [o for o in objs if o.i not in trigger_words]
                if objs:
                    # an act named as the object is no one: "suspended military aid with Pakistan"
                    found = actors.actors_for(objs[0]) if self.lexicon.match(objs[0]) is None else []
                    if not found:  # "objected to the deal Ankara signed"
                        found = self._owner_of_thing(objs[0], actors)
                        if trig.type in WHOLE_THING_TYPES:
                            found = self._with_proposal(found, objs[0])
                    if found and trig.type == "AID" and slot == "dobj" and verb.lemma_.lower() in GIVING_VERBS \
                            and not _given_with(verb, objs[0]):
                        # what is given is not whom it is given to: "supplied 94% of the military
                        # equipment Armenia obtained"; but "supplied the rebels with arms"
                        found = [a for a in found if a.sector in PEOPLE_SECTORS]
                    if found:
                        frame.targets = found
                        break
                    frame.target_place = frame.target_place or objs[0]
            if trig.type in CONTROL_OBJECT_TYPES and not frame.targets:
                objs = [c for c in verb.children if c.dep_ == "dobj"]
                if objs:
                    frame.targets = actors.actors_for(objs[0])
            if not frame.targets and trig.mode != "withdraw" and (
                    trig.type not in MOVER_TYPES | {"AID"} or trig.mode in ("release", "return")
                    or "asylum" in trig.context and not any(prep_objects(c, ("from",)) for c in verb.children
                                                            if c.dep_ == "dobj")):
                # the object is part of the trigger but names who it happened to ("expelled a
                # Bulgarian diplomat", "arrested opposition leaders", "took in Syrian refugees"; but
                # "refugees from Myanmar" are Myanmar's, below)
                objs = [c for c in verb.children if c.dep_ == "dobj" and (  # "released journalist X",
                    c.i in trigger_words or any(g.i in trigger_words for g in c.subtree))]  # "expelled dozens of diplomats"
                if objs:
                    own = {a.code for a in frame.sources}
                    obj = objs[0]
                    if self.lexicon.match(obj) is None:
                        found = actors.actors_for(obj)
                    else:  # an act as object: only a name before it is whose it is ("the ASEAN summit",
                        # not "military aid")
                        found = [a for c in obj.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"
                                 for a in actors.actors_for(c)]
                    frame.targets = [a for a in found if a.code not in own and (
                        trig.type != "AID" or a.sector in PEOPLE_SECTORS)]  # "took in refugees", not "sent troops"
            if not frame.targets and not trig.needs_target:
                # lifting or easing a ban or a blockade aims at those under it, not its author
                frame.targets = self._owner_of_object(verb, trigger_words, actors,
                                                      author_of_force=trig.type not in ("CONCEDE", "RETREAT"),
                                                      whole_thing=trig.type in WHOLE_THING_TYPES)
            if not frame.targets:  # "sent a team of paratroopers to Lebanon"
                frame.targets = self._directed_object(frame, trigger_words, actors)
            if not frame.targets and trig.type in CONTENT_TARGET_TYPES:
                # "threatened to shell British forces": the target of the threatened act
                for comp in verb.children:
                    if comp.dep_ == "xcomp" and comp.pos_ == "VERB":
                        objs = [c for c in comp.children if c.dep_ == "dobj"] or prep_objects(
                            comp, ("against", "on", "at", "with"))  # "refused to comply with X's provisions"
                        if comp.lemma_.lower() in SENDING_VERBS:  # "offered to send troops to Uganda"
                            objs = prep_objects(comp, ("to", "into")) or [  # "to send troops to help the army"
                                o for c in comp.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in BENEFIT_VERBS
                                for o in c.children if o.dep_ == "dobj"]
                        if objs:
                            # an event named as the object is no one ("to hold military exercises");
                            # "refused to lift the ban on Cypriot ships": whom the object bears on
                            direct = actors.actors_for(objs[0]) if self.lexicon.match(objs[0]) is None else []
                            direct = direct or (self._owner_of_thing(objs[0], actors) if objs[0].dep_ == "pobj" else [])
                            own = {a.code for a in frame.sources}
                            direct = _others(direct, own)
                            if not direct and objs[0].dep_ == "dobj":  # "agreed to open its borders to refugees"
                                direct = [a for o in prep_objects(comp, ("to",)) for a in actors.actors_for(o)
                                          if a.code not in own]
                            frame.targets = direct or self._owner_of_object(
                                comp, set(), actors, author_of_force=False) or [  # lifting a ban aims at those under it
                                a for o in prep_objects(comp, ("on", "against")) for a in actors.actors_for(o)
                                if a.code not in own]  # "refused to lift sanctions on Georgia"
                            break
        if not frame.targets and trig.type == "REJECT":
            frame.targets = self._asked_for(verb, actors)  # "rejected calls to release X"
        if not frame.targets and (trig.type == "REJECT" or attributes.declined(verb)):
            frame.targets = self._pressing(verb, actors)  # "declined to resign despite pressure from X"
        if not frame.targets and trig.type in ADDRESSED_TYPES:
            frame.targets = self._addressee(verb, actors)  # "sent a letter to X threatening to ..."
        if not frame.targets:
            frame.targets = self._purpose_target(frame, actors)
        if attributes.is_killing(verb) or attributes.is_injuring(verb):
            frame.fatalities, frame.injured = attributes.casualties(verb)
        frame.reported_by = self._reporter(verb, actors)
        frame.modality = self._modality(frame)

    def _purpose_target(self, frame: Frame, actors: DocumentActors) -> list[Actor]:
        """Whom an act is for, when no slot named it: aid given "to assist Ethiopia" or "to
        help people in Somalia"; force used "targeting Islamic State commanders"; a call
        "for Britain to stay"."""
        heads = [frame.token] + ([frame.light] if frame.light is not None else [])
        for head in heads:
            for clause in head.children:
                infinitive = clause.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
                if clause.dep_ not in ("xcomp", "advcl", "acl") and not infinitive or clause.pos_ != "VERB":
                    continue  # "a hunger strike to protest against X" is a purpose too
                lemma = clause.lemma_.lower()
                if frame.type == "AID" and lemma in BENEFIT_VERBS or frame.type == "ASSAULT" and lemma in DISPERSAL_VERBS:
                    objs = [c for c in clause.children if c.dep_ == "dobj"] or [  # "to help North Korea cope"
                        g for c in clause.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]
                elif frame.type == "CONSULT" and frame.match.trigger.cameo in MEDIATION_CODES:
                    # "a mediation effort to resolve the rift between A and B": the parties
                    # ("to try to prevent a war between A and B": through the verbs it is tried by)
                    inner = clause
                    while not any(o.dep_ == "dobj" for o in inner.children):
                        nxt = next((c for c in inner.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
                        if nxt is None:
                            break
                        inner = nxt
                    found = [a for o in inner.children if o.dep_ == "dobj" for a in self._parties(o, actors)]
                    if not found and inner.lemma_.lower() in BENEFIT_VERBS:  # "to help A and B reach a settlement"
                        helped = [c for c in inner.children if c.dep_ == "dobj"] or [
                            g for c in inner.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]
                        found = actors.actors_for(helped[0]) if helped else []
                    if found:
                        return found
                    continue
                elif frame.type in CONTENT_TARGET_TYPES and head is frame.token and head.pos_ == "NOUN" \
                        and clause.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                    # "reiterated its commitment to support the police", "an offer to help Sudan"
                    own = {a.code for a in frame.sources}
                    found = [a for o in clause.children if o.dep_ == "dobj" and self.lexicon.match(o) is None
                             for a in actors.actors_for(o) if a.code not in own]
                    if found:
                        return found
                    continue
                elif frame.type == "REQUEST" and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
                    objs = [c for c in clause.children if c.dep_ == "nsubj"]
                elif frame.type == "PROTEST" and lemma == "protest":  # "a hunger strike to protest against X"
                    objs = [c for c in clause.children if c.dep_ == "dobj"] or prep_objects(clause, ("against",))
                    found = [a for o in objs for a in actors.actors_for(o)] or self._owner_of_object(clause, set(), actors)
                    if found:
                        return found
                    continue
                else:
                    continue
                found = actors.actors_for(objs[0]) if objs else []
                if found:
                    return found
        if frame.match.trigger.cameo in MEDIATION_CODES:  # "ended mediation efforts in the Arab-Israeli dispute"
            for head in heads:
                for noun in (head, *(c for c in head.children if c.dep_ == "dobj")):
                    for obj in prep_objects(noun, ("in", "on", "over", "of", "between")):
                        found = self._parties(obj, actors) if obj.dep_ != "pobj" or obj.head.lower_ != "between" \
                            else actors.actors_for(obj)
                        if found:
                            return found
        if frame.type == "PROTEST":  # "a hunger strike in protest against new laws imposed by X"
            # also on a participle of the act ("stopped work, staging a sit-in in response to X")
            heads = heads + [c for h in heads for c in h.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
            for head in heads:
                for cause in (o for o in prep_objects(head, ("in",)) if o.lemma_.lower() in self.protest_causes):
                    for obj in prep_objects(cause, ("against", "at", "over", "of", "to")):
                        found = actors.actors_for(obj) or self._owner_of_thing(obj, actors) or _authors(obj, actors)
                        if found:
                            return found
        if frame.type == "PROTEST" and frame.match.trigger.mode == "strike":
            return self._workplace(frame, heads, actors)
        return []

    def _asked_for(self, verb: Token, actors: DocumentActors) -> list[Actor]:
        """Whom a rejected demand is about: the object of the act it asks for ("rejected
        calls to release X", "brushed aside demands to expel the ambassador"), also when the
        parser hung the infinitive on the rejecting verb."""
        own = _subject_codes([verb], actors)
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            asked = self.lexicon.match(obj)
            if asked is None or asked.trigger.type != "REQUEST":
                continue
            clauses = [c for c in obj.children if c.dep_ == "acl"] + [c for c in verb.children if c.dep_ == "advcl"]
            for clause in (c for c in clauses if c.pos_ == "VERB" and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
                found = _others([a for o in clause.children if o.dep_ == "dobj" and self.lexicon.match(o) is None
                                 for a in actors.actors_for(o)], own)
                if found:
                    return found
        return []

    def _pressing(self, verb: Token, actors: DocumentActors) -> list[Actor]:
        """Whom a refusal answers, when it names no object: who pressed or asked for what is
        refused ("declined to resign despite pressure from Congress", "despite Biden's
        request", "under pressure from X")."""
        heads = [verb] + ([verb.head] if verb.dep_ == "xcomp" else [])
        own = _subject_codes(heads, actors)
        for head in heads:
            for cause in prep_objects(head, ("despite", "under", "against")):
                if cause.lemma_.lower() not in self.despite_causes:
                    continue
                whose = [c for c in cause.children if c.dep_ == "poss" and c.lower_ not in GROUP_PRONOUNS | PERSON_PRONOUNS]
                whose += prep_objects(cause, ("from", "by", "of"))
                found = _others([a for w in whose for a in actors.actors_for(w)], own)
                if found:
                    return found
        return []

    def _addressee(self, verb: Token, actors: DocumentActors) -> list[Actor]:
        """Whom a threat, demand or accusation made in a letter or a call is addressed to: "sent
        a letter to the head of the WHO threatening to cut funding"."""
        head = verb.head
        if verb.dep_ != "advcl" or verb.tag_ != "VBG" or head.pos_ not in ("VERB", "AUX") or not (
                any(c.dep_ == "dobj" for c in head.children) or self.lexicon.is_report(head)):
            return []
        own = _subject_codes([head], actors)
        for obj in prep_objects(head, ("to",)):
            # "the head of the WHO": the body its head speaks for
            found = actors.actors_for(obj) or [a for o in prep_objects(obj, ("of",)) for a in actors.actors_for(o)]
            found = _others(found, own)
            if found:
                return found
        return []

    def _workplace(self, frame: Frame, heads: list[Token], actors: DocumentActors) -> list[Actor]:
        """The business a labour strike stops: "went on strike at the Grasberg mine", "stopped
        work in a strike at the Escondida mine", "a strike on Freeport-McMoRan Inc"."""
        nodes = heads + [o for h in heads for o in prep_objects(h, ("in",)) if self.lexicon.match(o) is not None]
        own = {a.code for a in frame.sources}
        for node in nodes:
            for obj in prep_objects(node, ("at", "on", "against")):
                if obj.ent_type_ in ("DATE", "TIME") or obj.i in frame.match.tokens:
                    continue
                found = [a for a in actors.actors_for(obj) if a.code not in own]
                if found:
                    return found
                if obj.lemma_.lower() in self.workplaces or obj.ent_type_ == "ORG" and obj.pos_ == "PROPN":
                    start, end = argument_bounds(obj)
                    span = obj.doc[start:end]
                    return [actors.coder.sector_only(span.text, "BUS").with_text(span.text, span.start_char, span.end_char)]
        return []

    def _parties(self, dispute: Token, actors: DocumentActors) -> list[Actor]:
        """The parties of a dispute named by a noun: its "between" phrase ("the rift between
        Qatar and other Gulf states"), else the states of its modifiers ("the Arab-Israeli
        dispute", "the Sudanese conflict")."""
        if dispute.lemma_.lower() not in self.disputes and dispute.lower_ not in self.disputes:
            return []
        between = prep_objects(dispute, ("between",))
        if between:
            return actors.actors_for(between[0])
        states: dict[str, Actor] = {}
        for mod in (c for c in dispute.children if c.dep_ in ("amod", "compound", "nmod")):
            words = (mod, *mod.conjuncts, *(c for c in mod.children if c.dep_ in ("amod", "compound")))
            for a in (a for t in words for a in actors.actors_for(t) if a.kind == "state"):
                states.setdefault(a.code, a)
        return list(states.values())

    def _owner_of_object(self, verb: Token, trigger_words: set[int], actors: DocumentActors,
                         author_of_force: bool = True, whole_thing: bool = False) -> list[Actor]:
        """The actor the object belongs to or bears on: "rejected Iraq's demands", "lifted the
        ban on Cypriot ships", "spurned offers by the Kabul government". Of an act of force
        only its author: in "condemned the attacks on military sites" the sites are the
        victims of the attacks, not the target of the condemnation."""
        def _with_thing(found: list[Actor], thing: Token) -> list[Actor]:
            return self._with_proposal(found, thing) if whole_thing else found
        heads = _object_heads(verb, trigger_words)
        for obj in (o for h in heads for c in h.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)):
            for child in obj.children:
                if child.dep_ == "poss" and child.lower_ not in GROUP_PRONOUNS | PERSON_PRONOUNS:
                    found = actors.actors_for(child)
                    if found:
                        return _with_thing(found, obj)
            act = self.lexicon.match(obj)
            owned = act is not None or obj.lemma_.lower() in self.lexicon.owned_things
            # "welcomed the OPCW visit", "rejected the Kirkuk council decision": who made it
            if owned:
                for child in (c for c in obj.children if c.dep_ == "compound" and c.i not in trigger_words):
                    found = actors.actors_for(child)
                    if found:
                        return _with_thing(found, obj)
                # "violated a UN-brokered ceasefire", "rejected the Saudi-backed plan": its maker
                for made in (c for c in obj.children if c.dep_ == "amod" and c.tag_ == "VBN"):
                    found = [a for m in made.children if m.dep_ in ("npadvmod", "compound", "nmod")
                             and m.i not in trigger_words for a in actors.actors_for(m)]
                    if found:
                        return _with_thing(found, obj)
            # "rejected the Iraqi and Turkish demands": the states whose demands they are
            states: dict[str, Actor] = {}
            adjectives = [] if actors.actors_for(obj) else [c for c in obj.children if c.dep_ == "amod"]
            for adj in adjectives:  # not "ordered Russian troops": those are Russia's own
                for a in (a for t in (adj, *adj.conjuncts) for a in actors.actors_for(t) if a.kind == "state"):
                    states.setdefault(a.code, a)
            if states:
                return _with_thing(list(states.values()), obj)
            force = author_of_force and act is not None and act.trigger.type in FORCE_TYPES
            preps = AUTHOR_PREPS if force else OWNER_PREPS
            if owned:
                found = _maker_of(obj, actors)  # "opposed the deal Turkey struck with the GNA"
                if found:
                    return _with_thing(found, obj)
                # "rejected the announcement that X had won": whom what it says is about
                for clause in (c for c in obj.children if c.dep_ in ("acl", "ccomp") and any(
                        m.dep_ == "mark" and m.lower_ == "that" for m in c.children)):
                    subject = subject_of(clause)
                    if subject is None or subject.pos_ == "PRON" or any(  # not "that her government refused"
                            c.dep_ == "poss" and c.lower_ in GROUP_PRONOUNS | PERSON_PRONOUNS for c in subject.children):
                        continue
                    found = actors.actors_for(subject)
                    if found:
                        return _with_thing(found, obj)
                # "opposed resolutions in the United Nations": the body it is made in
                found = [a for o in prep_objects(obj, ("in",)) for a in actors.actors_for(o)]
                if found and all(a.kind != "state" for a in found):  # a body, not a place ("aid in Syria")
                    return _with_thing(found, obj)
            made = [v for v in obj.children if v.dep_ == "acl" and v.tag_ == "VBN"]  # "threats made by X"
            under = [] if force else [p for v in made for p in prep_objects(v, ("on", "against"))]
            # "will return weapons they seized from the army": whom they were taken from
            taken = [] if force else [p for v in obj.children if v.dep_ in ("relcl", "acl")
                                      for p in prep_objects(v, ("from",))]
            for pobj in [*prep_objects(obj, preps), *(a for a in map(agent_of, made) if a is not None), *under, *taken]:
                # ("lift the ban imposed on SIMI": those under it)
                if pobj.i not in trigger_words:
                    # "the ban on imports of British beef": whose goods, one phrase further;
                    # "the ban on US poultry": the state the goods are named after
                    # "restrictions on exports to Iran": where the goods go
                    found = actors.actors_for(pobj) or [a for inner in prep_objects(pobj, ("of", "from", "to"))
                                                        for a in actors.actors_for(inner)] or [
                        a for c in pobj.children if c.dep_ in ("compound", "amod") and c.i not in trigger_words
                        for a in actors.actors_for(c) if a.kind == "state"]
                    if found:
                        prep = pobj.head  # "a request from X", "the plan drawn up by X": its author
                        by_author = prep.lower_ in AUTHOR_PREPS and prep.head.i == obj.i or prep.dep_ == "agent"
                        return _with_thing(found, obj) if by_author else found
        return []

    def _with_proposal(self, found: list[Actor], thing: Token) -> list[Actor]:
        """Owners of a proposal, a request, an offer or a decision reacted to are read with
        the words that name it ("rejected Theresa May's offer", "refused a request from The
        New York Times"); not the authors of a ban or a threat ("violated a ban by the UN")."""
        act = self.lexicon.match(thing)
        if act is None and thing.lemma_.lower() not in self.lexicon.owned_things:
            return found
        if act is not None and act.trigger.type not in PROPOSED_TYPES:
            return found
        return _named_with_thing(found, thing)

    def _owner_of_thing(self, thing: Token, actors: DocumentActors) -> list[Actor]:
        """Whose decision, plan or act a noun names: "opposition to Turkey's decision",
        "criticism of the Security Council resolution"."""
        if self.lexicon.match(thing) is None and thing.lemma_.lower() not in self.lexicon.owned_things:
            return []
        for child in thing.children:
            if child.dep_ in ("poss", "compound") and child.lower_ not in GROUP_PRONOUNS | PERSON_PRONOUNS:
                found = actors.actors_for(child)
                if found:
                    return found
        return _maker_of(thing, actors) or _authors(thing, actors)

    def _directed_object(self, frame: Frame, trigger_words: set[int], actors: DocumentActors) -> list[Actor]:
        """The target an event type takes by its usual preposition when the entry's own slots
        found none: on the verb ("suspended flights to Armenia"), else inside its object
        phrase ("sanctions imposed on China", "sent doctors to Nepal")."""
        preps = self.lexicon.type_targets.get(frame.type, ())
        if not preps:
            return []
        verb = frame.token
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [p for c in verb.children if c.i in trigger_words and c.dep_ == "prep"
                    for p in c.children if p.dep_ == "pobj"]  # "called for sanctions against X"
        objects += [c for o in list(objects) for c in o.conjuncts]
        objects += [p for h in (verb, *objects) for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
                    for p in c.children if p.dep_ == "pobj"]  # "mobilized troops for a war against Iraq"
        objects += [v for o in list(objects) for v in o.children if v.dep_ == "acl"]  # "sanctions imposed on X"
        objects += [p for o in list(objects) for c in o.children if c.dep_ == "prep" and c.lower_ not in preps
                    for p in c.children if p.dep_ == "pobj"]  # "personnel such as doctors to Nepal"
        for head in (verb, *objects):
            for pobj in prep_objects(head, preps):
                if pobj.i in trigger_words:
                    continue
                found = actors.actors_for(pobj)
                if found:
                    return found
                if frame.target_place is None and frame.type not in MOVER_TYPES:
                    frame.target_place = pobj
        return []

    def _usual_prep_target(self, frame: Frame, heads: tuple[Token, ...], sources: list[Actor],
                           actors: DocumentActors) -> list[Actor]:
        """The actor in one of the type's usual target prepositions (``type_targets``) on one
        of ``heads``, also when the parser read the phrase as a gerund ("against visiting
        X"). Never the event's own source."""
        preps = self.lexicon.type_targets.get(frame.type, ())
        own = {a.code for a in sources}
        for head in heads:
            for prep in (c for c in head.children if c.dep_ in ("prep", "dative") and c.lower_ in preps):
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                objs += [o for g in prep.children if g.dep_ == "pcomp" and g.tag_ == "VBG"
                         for o in g.children if o.dep_ == "dobj"]
                for obj in objs:
                    if obj.i in frame.match.tokens:
                        continue
                    found = _others(actors.actors_for(obj), own)
                    if found:
                        return found
        # "imposed sanctions in relation to Iraq", "with regard to Iran"
        for head in heads:
            for rel in (o for o in prep_objects(head, ("in", "with")) if o.lemma_.lower() in self.relation_nouns):
                for obj in prep_objects(rel, ("to",)):
                    found = _others(actors.actors_for(obj), own)
                    if found:
                        return found
        return []

    def _noun_frame(self, frame: Frame, matches: dict[int, TriggerMatch], actors: DocumentActors) -> bool:
        noun = frame.token
        trig = frame.match.trigger
        if noun.dep_ == "compound" or any(c.dep_ == "det" and c.lower_ in QUANTIFIER_DETS for c in noun.children):
            return False
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.i in actors.match_at:
            return False  # a word naming who acts: "the opposition to Ruto held a rally"
        head = noun.head
        light = None
        if noun.dep_ in ("dobj", "attr", "nsubjpass") and self.lexicon.is_light(head):
            light = head  # "held talks", "talks were held"
        elif noun.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ == "dobj" \
                and head.head.pos_ in ("NOUN", "NUM") and self.lexicon.is_light(head.head.head):
            light = head.head.head  # "carried out a series of strikes", "delivered 20 tonnes of aid"
        elif noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in self.lexicon.light_phrases \
                and head.lower_ in self.lexicon.light_phrases[head.head.lemma_.lower()]:
            light = head.head
        elif noun.dep_ == "conj":
            first = noun.head
            while first.dep_ == "conj" and first.head != first:
                first = first.head
            if first.dep_ in ("dobj",) and self.lexicon.is_light(first.head):
                light = first.head
        governor = self._governed(noun, matches) if light is None else self._governed(light, matches)
        if governor is not None:
            return False
        frame.light = light
        recipient = noun.dep_ == "dobj" and head.lemma_.lower() in self.recipient
        # sources
        sources: list[Actor] = []
        for child in noun.children:
            if child.dep_ == "poss":
                if child.lower_ in GROUP_PRONOUNS | PERSON_PRONOUNS:
                    gov = attributes.governing_verb(noun)
                    subj = subject_of(gov) if gov != noun else None
                    sources = actors.actors_for(subj) if subj is not None and subj.i != child.i else []
                    if not sources:
                        sources = actors.actors_for(child)
                else:
                    sources = actors.actors_for(child)
            elif child.dep_ in ("compound", "nmod", "amod") and child.i not in frame.match.tokens and not sources:
                found = actors.actors_for(child)
                if found and child.pos_ in ("PROPN",) or found and found[0].kind in ("state", "armed_group", "igo"):
                    sources = found
        claimer = _claimer(noun)
        if claimer is not None and not sources:  # "X claimed responsibility for the attack"
            sources = actors.actors_for(claimer)
        by = prep_objects(noun, ("by", "from")) if not recipient else []
        if not sources and by:
            sources = actors.actors_for(by[0])
        between = prep_objects(noun, ("between", "among")) or (
            prep_objects(light, ("between", "among")) if light is not None else []) or (
            prep_objects(head, ("between", "among")) if noun.dep_ == "nsubj" and head.pos_ == "VERB" else [])
        # ("clashes broke out between police and protesters")
        targets: list[Actor] = []
        if between:
            sides = actors.actors_for(between[0])
            if any(a.country is None for a in sides):  # "talks between their presidents, A and B"
                named = [a for c in noun.children if c.dep_ == "appos" for a in actors.actors_for(c)]
                # a side without a state stays when it has a role ("between the army and RSF fighters")
                named = named or [a for a in sides if a.country is not None or a.sector]
                sides = named or sides
            broker = subject_of(light) if light is not None and not sources else None
            brokers = actors.actors_for(broker) if broker is not None else []
            if sides and brokers and not {a.code for a in brokers} & {a.code for a in sides}:
                sources, targets = brokers, sides  # "Kuwait launched a mediation effort between A and B"
            elif sides:
                sources, targets = sides[:1], sides[1:]
        if recipient:
            giver = prep_objects(noun, ("from",)) or prep_objects(head, ("from",))
            sources = actors.actors_for(giver[0]) if giver else sources
            subj = subject_of(head)
            targets = actors.actors_for(subj) if subj is not None else targets
        elif not sources and light is not None:
            subj = subject_of(light) or agent_of(light)  # "talks were held by the two sides"
            if subj is not None:
                sources = actors.actors_for(subj)
        elif not sources and noun.dep_ == "advcl" and head.pos_ in ("VERB", "AUX"):
            subj = subject_of(head)  # a gerund read as a noun: "Meeting in Cairo, the ministers denounced"
            if subj is not None:
                sources = actors.actors_for(subj)
        elif not sources and trig.type == "CONSULT" and noun.dep_ == "pobj" and head.dep_ == "prep" \
                and head.lower_ in ("for", "during", "in") and head.head.pos_ in ("VERB", "AUX") \
                and not is_passive(head.head):  # not "schools closed after the attacks"
            subj = subject_of(head.head)  # "travelled to Brussels for talks with ...", "told X in a call"
            if subj is not None:
                sources = actors.actors_for(subj)
            if not targets and head.lower_ == "in":
                objs = [c for c in head.head.children if c.dep_ in ("dobj", "dative")]
                targets = actors.actors_for(objs[0]) if objs else []
        if not targets:
            for slot in trig.target:
                objs = prep_objects(noun, (slot,)) if slot not in ("dobj", "iobj") else []
                if not objs and slot not in ("dobj", "iobj"):  # "a package of sanctions against X"
                    for i in frame.match.tokens:
                        if i != noun.i and not objs:
                            objs = prep_objects(noun.doc[i], (slot,))
                first = noun
                while not objs and first.dep_ == "conj" and slot not in ("dobj", "iobj"):
                    first = first.head  # "air and artillery strikes on X": the phrase hangs on the first member
                    objs = prep_objects(first, (slot,))
                if not objs and light is not None and slot not in ("dobj", "iobj"):
                    objs = prep_objects(light, (slot,))
                if not objs and slot == "dobj" and light is not None:
                    objs = [c for c in light.children if c.dep_ == "dative"]
                if objs:
                    # "a hunger strike against abuses by the police": who the thing is by
                    found = actors.actors_for(objs[0]) or self._owner_of_thing(objs[0], actors) or (
                        _authors(objs[0], actors) if objs[0].dep_ == "pobj" and objs[0].head.lower_ == "against" else []
                    ) or _state_of_thing(objs[0], actors)
                    if found and objs[0].dep_ == "pobj" and objs[0].head.lower_ == "in" and all(
                            a.code in {s.code for s in sources} and a.kind != "person" for a in found):
                        found = []  # "the Thai government extended the curfew in Bangkok": the place, not the seat
                    if found:
                        targets = found
                        break
                    frame.target_place = frame.target_place or objs[0]
        if not targets and light is not None:
            # the type's usual preposition on the light verb or the noun, when the entry's own
            # slots found no one: "opened fraud investigations on Tuesday against 12 managers",
            # "filed a lawsuit in a Paris court against visiting X"
            targets = self._usual_prep_target(frame, (noun, light), sources, actors)
        if not targets and trig.type == "ASSAULT":
            for rel in (c for c in noun.children if c.dep_ == "relcl" and attributes.is_killing(c)):
                victims = [c for c in rel.children if c.dep_ == "dobj"]  # "the bombings that killed 300 people"
                targets = actors.actors_for(victims[0]) if victims else []
        dying = head.head if noun.dep_ == "pobj" and head.lower_ in ("in", "during") else None
        # "three soldiers died in a drone attack", not "bombers killed 48 people in attacks",
        # "killing 100 and wounding 300 in the deadliest attack" or "killed in the unrest" (a
        # reference to an event told before)
        if not targets and trig.type == "ASSAULT" and dying is not None and dying.pos_ == "VERB" and (
                attributes.is_killing(dying) or attributes.is_injuring(dying)) and not any(
                c.dep_ == "dobj" for c in dying.children) and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in dying.children) and not any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in noun.children):
            victims = subject_of(dying)
            targets = actors.actors_for(victims) if victims is not None else []
            if targets:
                sources = [a for a in sources if a.code not in {t.code for t in targets}]
        else:
            dying = None
        if not targets and noun.dep_ == "pobj" and head.lower_ == "as":
            # "used civilians as human shields", "held them as hostages": the verb's object,
            # or the object the "as" phrase hangs on
            owner = head.head
            objs = [c for c in owner.children if c.dep_ == "dobj"] if owner.pos_ == "VERB" else (
                [owner] if owner.dep_ == "dobj" else [])
            objs = [o for o in objs if o.pos_ != "PRON"]
            targets = actors.actors_for(objs[0]) if objs else []
            doc = noun.doc
            targets = [a if a.end is None or a.end <= head.idx else a.with_text(
                doc.text[a.start:head.idx].rstrip(), a.start, a.start + len(doc.text[a.start:head.idx].rstrip()))
                for a in targets]  # their words end before "as"
        if not targets and noun.dep_ == "nsubj" and head.lemma_.lower() in self.lexicon.impact_verbs:
            for obj in (c for c in head.children if c.dep_ == "dobj"):  # "air strikes hit the enclave"
                targets = actors.actors_for(obj)
                frame.target_place = frame.target_place or (obj if not targets else None)
        if not targets:
            frame.light = light
            targets = self._purpose_target(frame, actors)
        frame.sources, frame.targets = sources, [t for t in targets if t.code not in {s.code for s in sources} or t.kind == "person"]
        anchor = light or (head if head.pos_ in ("VERB", "AUX") else noun)
        frame.reported_by = self._reporter(anchor, actors)
        frame.modality = self._modality(frame)
        k, i = attributes.nominal_casualties(noun)
        if dying is not None and k is None and i is None:  # "three soldiers died in a drone attack"
            k, i = attributes.casualties(dying)
        frame.fatalities, frame.injured = k, i
        return True

    def _reporter(self, tok: Token, actors: DocumentActors) -> Actor | None:
        node = tok
        for _ in range(6):
            if node.head == node:
                return None
            parent = node.head
            if node.dep_ in ("ccomp", "parataxis") and self.lexicon.is_report(parent):
                subj = subject_of(parent)
                found = actors.actors_for(subj) if subj is not None else []
                return found[0] if found else None
            if node.dep_ in ("relcl", "advcl"):
                return None
            node = parent
        return None

    def _modality(self, frame: Frame) -> str:
        gov = frame.light or attributes.governing_verb(frame.token)
        if frame.light is None and gov != frame.token and gov.lemma_.lower() in self.perception:
            return attributes.modality(frame.token, frame.token)  # "shelling could be heard"
        return attributes.modality(frame.token, gov if gov != frame.token else None)

    def _merge_casualties(self, frames: list[Frame]) -> None:
        """'nine men were killed in a drone attack': one event, the attack, with its dead."""
        by_token = {f.token.i: f for f in frames}
        by_token.update({f.light.i: f for f in frames if f.light is not None and f.light.i not in by_token})
        for frame in frames:
            verb = frame.token
            if frame.match.trigger.pos != "verb" or not (attributes.is_killing(verb) or attributes.is_injuring(verb)):
                continue
            head = by_token.get(verb.head.i)  # "attacked a market, killing 12 civilians"
            # "attacked a market, killing 12 civilians"; "the bombings that killed 300 people"
            if verb.dep_ in ("advcl", "conj", "xcomp", "relcl") and head is not None and head is not frame \
                    and head.type == "ASSAULT":
                head.fatalities = head.fatalities or frame.fatalities
                head.injured = head.injured or frame.injured
                head.targets = head.targets or frame.targets
                frame.absorbed = True
                continue
            for child in verb.children:
                linked = []
                if child.dep_ == "prep" and child.lower_ in ("in", "during", "by"):
                    linked = [c for c in child.children if c.dep_ == "pobj"]
                elif child.dep_ == "advcl":  # "were killed when a drone struck"
                    linked = [child]
                for pobj in linked:
                    other = by_token.get(pobj.i)
                    if other is None or other.type != "ASSAULT":
                        continue
                    other.fatalities = other.fatalities or frame.fatalities
                    other.injured = other.injured or frame.injured
                    other.targets = other.targets or frame.targets
                    other.reported_by = other.reported_by or frame.reported_by
                    if other.modality == "asserted":
                        other.modality = frame.modality
                    frame.absorbed = True

NAME_KINDS = {"org", "person", "country", "seat"}


def _state_of_thing(thing: Token, actors: DocumentActors) -> list[Actor]:
    """The state a thing is named after, when the thing is no actor: "cyber attacks on a
    number of Armenian state and media websites" aim at Armenia."""
    if thing.lemma_.lower() in QUANTITY_WORDS:
        inner = [g for c in thing.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj"]
        thing = inner[0] if inner else thing
    return [a for c in thing.children if c.dep_ in ("amod", "compound") and c.i < thing.i
            for a in actors.actors_for(c) if a.kind == "state"][:1]


def _subject_codes(verbs: list[Token], actors: DocumentActors) -> set[str]:
    """The codes of the actors the subjects of ``verbs`` name."""
    return {a.code for v in verbs for s in [subject_of(v)] if s is not None for a in actors.actors_for(s)}


def _others(found: list[Actor], own: set[str]) -> list[Actor]:
    """The actors found that are not among ``own`` codes; a person always, who is never
    their own state or group."""
    return [a for a in found if a.code not in own or a.kind == "person"]


def _given_with(verb: Token, obj: Token) -> bool:
    """Whether a verb's object is who receives ("supplied the rebels with arms", "supplied
    Ukraine") rather than what is given."""
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children) or obj.pos_ == "PROPN" or any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in obj.children)  # "giving the FBI access": parsed as one


def _named_with_thing(found: list[Actor], thing: Token) -> list[Actor]:
    """The owners of a thing reacted to, read from the words that name the thing and them:
    "rejected Theresa May's offer", "refused a request from The New York Times"."""
    start = thing.doc[argument_bounds(thing)[0]].idx
    end = thing.idx + len(thing)
    out = []
    for a in found:
        if a.start is None or a.end is None or not start <= a.start < a.end <= thing.sent.end_char:
            out.append(a)
            continue
        s, e = min(start, a.start), max(end, a.end)
        out.append(a.with_text(thing.doc.text[s:e], s, e))
    return out


def _maker_of(thing: Token, actors: DocumentActors) -> list[Actor]:
    """Who made the thing, by a relative clause on it: "the deal Turkey struck"."""
    for clause in (c for c in thing.children if c.dep_ == "relcl"):
        subject = subject_of(clause)
        if subject is not None and subject.pos_ != "PRON" and subject.i != thing.i:  # not "the strike that ..."
            found = actors.actors_for(subject)
            if found:
                return found
    return []


def _authors(thing: Token, actors: DocumentActors) -> list[Actor]:
    """Who a thing is by: "human rights violations by the police", "new laws imposed by the
    government"."""
    authors = prep_objects(thing, ("by",)) + [a for v in thing.children if v.dep_ == "acl" and v.tag_ == "VBN"
                                              for a in [agent_of(v)] if a is not None]
    return [a for o in authors for a in actors.actors_for(o)]


def _object_heads(verb: Token, trigger_words: set[int]) -> list[Token]:
    """The verb and the later words of its trigger that objects hang on ("agreed to lift the tariffs")."""
    return [verb, *(c for c in verb.children if c.dep_ == "xcomp" and c.i in trigger_words)]


def _shared_opinion(verb: Token, match: TriggerMatch) -> bool:
    """'Agree with someone' with nothing agreed to or on: sharing a view (CAMEO 019, no
    PLOVER type), not an agreement."""
    if match.trigger.type != "AGREE" or verb.lemma_.lower() != "agree" or match.trigger.words:
        return False
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    deals = any(c.dep_ in ("xcomp", "dobj") for c in verb.children) or preps & {"to", "on", "upon"}
    return "with" in preps and not deals

RESPONSIBILITY_VERBS = {"claim", "take", "accept", "admit", "assume", "bear"}


def _claimer(noun: Token) -> Token | None:
    """The subject of "claimed responsibility for <noun>"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() != "responsibility":
        return None
    verb = prep.head.head
    if prep.head.dep_ == "dobj" and verb.lemma_.lower() in RESPONSIBILITY_VERBS:
        return subject_of(verb)
    return None
