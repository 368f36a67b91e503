"""Toponyms: find place names in a Doc and resolve each to a gazetteer entry.

Recognition takes the NER model's place entities, proper names after locative words
("near", "around", "the town of") that the gazetteer knows whatever label the model gave
them, and demonyms that stand for a country ("Turkish troops"). Resolution scores each
candidate by population, by the countries the article is about, and by a country named
right after the toponym ("Tripoli, Libya").
"""
from __future__ import annotations

import math
from difflib import SequenceMatcher
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from fivews.actors.kb import ActorKB
from fivews.models import Place
from fivews.places.gazetteer import Gazetteer, GazetteerEntry
from fivews.text_norm import name_key
from fivews.times.calendar import MONTHS, WEEKDAYS

LOCATIVE_PREPS = {"in", "near", "around", "at", "outside", "inside", "across", "throughout", "from", "to",
                  "towards", "toward", "into", "within", "off", "along", "between", "of", "via", "through", "on", "by", "over", "beyond"}
FEATURE_WORDS = {
    "airport": "airport", "airbase": "landmark", "base": "landmark", "checkpoint": "landmark", "crossing": "landmark",
    "town": "city", "city": "city", "village": "city", "port": "city", "district": "admin2", "province": "admin1",
    "region": "region", "governorate": "admin1", "state": "admin1", "county": "admin2", "camp": "landmark",
    "oilfield": "landmark", "field": "landmark", "terminal": "landmark", "junction": "landmark", "road": "landmark",
    "border": "landmark", "capital": "city", "suburb": "city", "neighbourhood": "city", "neighborhood": "city",
}
CALENDAR_WORDS = {w for w in (*MONTHS, *WEEKDAYS) if not w.isdigit()} - {"may"}
# Divisions and regions carry no population in our files: weigh them like a large town, so
# that they beat hamlets of the same name ("California", "the Atlantic") but not a big
# city named like its province ("Kharkiv", "Aleppo").
# Counties weigh like a town of 100,000 (they are named by their full names, "Morris County",
# except British ones: "Kent" in a British story is the county, in an American one Kent, Washington).
NOTIONAL_POPULATION = {"admin1": 200_000, "admin2": 100_000, "region": 1_000_000, "continent": 500_000_000}
# A landmark of our own list (no GeoNames id) is a well-known one: "the White House" is that,
# not White House, Tennessee (10,000 people)
CURATED_LANDMARK_POPULATION = 100_000
# a part of an unknown name that stands for a place on its own ("Manila" of "Manila Cathedral")
SURE_FEATURES = {"country", "admin1", "admin2", "continent", "region"}
DIVISION_WORDS = {"region", "province", "oblast", "state", "governorate", "district", "county", "prefecture",
                  "department", "territory", "emirate"}
PLACE_OBJECT_VERBS = {"visit", "reach", "enter", "capture", "seize", "take", "retake", "recapture", "storm", "shell",
                      "bomb", "bombard", "attack", "hit", "strike", "tour", "leave", "besiege", "encircle", "liberate",
                      "occupy", "invade", "raid", "evacuate", "flee", "overrun", "control", "surround", "free"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
STREET_WORDS = {"street", "st", "st.", "avenue", "ave", "ave.", "road", "rd", "rd.", "boulevard", "blvd", "lane", "drive",
                "way", "parkway", "highway", "square", "place", "court"}
LOOSE_LABELS = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"}


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name in a Doc: token span, and the place it resolves to (lat/lon None if not)."""

    start: int
    end: int
    start_char: int
    end_char: int
    place: Place
    demonym: bool = False
    embedded: bool = False  # the place in a name of something else ("Delhi" in "Delhi High Court")


class PlaceResolver:
    def __init__(self, gazetteer: Gazetteer, kb: ActorKB):
        self.gazetteer = gazetteer
        self.kb = kb

    # -- recognition ----------------------------------------------------------------------
    def candidate_spans(self, doc: Doc) -> list[tuple[Span, bool, bool]]:
        """(span, is_demonym, is_embedded) for every toponym candidate, without overlaps, in
        text order."""
        spans: list[tuple[Span, bool, bool]] = []
        taken: set[int] = set()
        surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}

        def add(span: Span, demonym: bool = False, embedded: bool = False) -> None:
            if not len(span) or any(i in taken for i in range(span.start, span.end)):
                return
            if not demonym and self._names_actor(span, surnames) and not (
                    _after_locative(span) and span.root.dep_ == "pobj" and not span.text.isupper()):
                return  # "took Khan into custody" after "Imran Khan"; "Hamas said"; "in Hamas-run Gaza";
                # an organisation's acronym is never a place: "loyal to the GNA"
            if not demonym:
                span = self._with_division_word(span)
                if not self.gazetteer.lookup(span.text) and any(
                        e.kind in ("adjective", "demonym") for e in self.kb.lookup(span.text)):
                    demonym = True  # "Ukrainian" labelled as a place name: a mention of Ukraine
            if span.text.lower().rstrip(".") in CALENDAR_WORDS:  # "on Thursday" is no island
                return
            if all(t.ent_type_ in ("DATE", "TIME") for t in span):  # "in May"
                return
            if len(span) == 1 and span[0].is_sent_start and span[0].lower_ in STOP_WORDS and not span[0].is_upper \
                    and span.label_ not in PLACE_LABELS:
                return  # "Part of the city hall ...": a common word opening a sentence
            if not demonym and self._common_word_of_a_name(span):
                return
            spans.append((span, demonym, embedded))
            taken.update(range(span.start, span.end))

        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                add(self._whole_name(_trim(ent)))
        for ent in doc.ents:
            if ent.label_ in LOOSE_LABELS and self._placelike(_trim(ent)):
                add(_trim(ent))
        for tok in doc:
            if tok.i in taken or tok.pos_ != "PROPN" or tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
                continue
            span = _name_span(tok)
            if self._placelike(span):
                add(span)
            elif len(span) > 1:  # a place leading a longer name: "Jamaica Defence Force"
                lead = self._leading_place(span)
                if lead is not None:
                    add(lead, embedded=True)
        for ent in doc.ents:
            if ent.label_ == "NORP":
                entries = self.kb.lookup(ent.text)
                if any(e.kind in ("adjective", "demonym") for e in entries) or self._region_of_adjective(ent):
                    add(ent, demonym=True)
        for tok in doc:  # demonyms the NER model missed ("Libyan soil", "European leaders")
            if tok.i not in taken and tok.pos_ in ("ADJ", "PROPN") and tok.text[:1].isupper():
                entries = self.kb.lookup(tok.text)
                one = doc[tok.i: tok.i + 1]
                if any(e.kind == "adjective" for e in entries) or tok.pos_ == "ADJ" and self._region_of_adjective(one):
                    add(one, demonym=True)
        for span in _dateline_spans(doc):  # "BEIRUT (Reuters) -", "OKLAHOMA CITY -"
            if self.gazetteer.lookup(span.text):
                add(span)
        for ent in doc.ents:  # a place leading the name of something else: "Arizona State University"
            if ent.label_ in ("ORG", "FAC") and len(ent) > 1:
                lead = self._leading_place(ent)
                if lead is not None:
                    add(lead, embedded=True)
        spans.sort(key=lambda item: item[0].start)
        return spans

    def _common_word_of_a_name(self, span: Span) -> bool:
        """ "at the University of ...", "the Summit", "the Valley": one capitalised word after
        "the" that the gazetteer knows only as some town's name is a word of a longer name
        (or a common noun), not that town; states, regions and landmarks ("the Gambia", "the
        Sahel") are named so."""
        if len(span) != 1 or span.start == 0 or span[0].is_upper or span.doc[span.start - 1].lower_ != "the":
            return False
        if span[0].dep_ in ("compound", "amod", "nmod", "npadvmod") and span[0].head.i > span[0].i:
            return False  # a town modifying a noun: "the Chicago police", "the Toronto Raptors"
        found = self.gazetteer.lookup(span.text)
        return bool(found) and all(e.feature == "city" for e in found)

    def _leading_place(self, name: Span) -> Span | None:
        """The longest run of up to three words opening a longer name that is surely a place."""
        for size in (3, 2, 1):
            if size < len(name) and self._well_known(name[:size]):
                return name[:size]
        return None

    def _well_known(self, span: Span) -> bool:
        """A name that, leading another name, is surely a place: a state, first-level
        division or continent, or a city of 100,000 people or more."""
        if not span.text[:1].isupper() or span[-1].is_punct:
            return False
        return any(e.feature in ("country", "admin1", "continent") or e.feature == "city" and e.population >= 100_000
                   for e in self.gazetteer.lookup(span.text))

    def _names_actor(self, span: Span, surnames: set[str]) -> bool:
        """A name that stands for a person or organisation of the text rather than a place:
        the surname of a person named in full elsewhere, or a person or organisation of the
        knowledge base that is no state, capital or seat of government, unless the
        gazetteer has it as a region ("the EU")."""
        if len(span) == 1 and span.text in surnames and span.label_ != "GPE":
            return True
        entries = self.kb.lookup(span.text)
        if not entries or not all(e.kind in ("person", "org") for e in entries):
            return False
        return not any(e.feature in ("region", "continent") for e in self.gazetteer.lookup(span.text))

    def _region_of_adjective(self, span: Span) -> list[GazetteerEntry]:
        """ "European", "African": the continent or region an adjective names."""
        return [e for e in self.gazetteer.lookup(span.text) if e.feature in ("continent", "region")]

    def _whole_name(self, span: Span) -> Span:
        """A place entity the model cut short ("Qaryat" of "Qaryat Tamrit"): the whole proper
        name around it, when only that is in the gazetteer."""
        doc = span.doc
        end = span.end
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_type_ in ("", span.label_):
            end += 1
        if end == span.end or self.gazetteer.lookup(span.text):
            return span
        longer = doc[span.start: end]
        return longer if self.gazetteer.lookup(longer.text) else span

    def _with_division_word(self, span: Span) -> Span:
        """ "the Kharkiv region", "Idlib province", "Heathrow airport": the division (or the
        airport), when the gazetteer has it."""
        doc = span.doc
        if span.end < len(doc) and (doc[span.end].lower_ in DIVISION_WORDS or doc[span.end].lower_ == "airport"):
            longer = doc[span.start: span.end + 1]
            if self.gazetteer.lookup(longer.text):
                return longer
        return span

    def _placelike(self, span: Span) -> bool:
        """A name the model did not label as a place, taken as one when the gazetteer knows it
        and the context says place: a locative preposition, an apposition such as "a coastal
        city", or a sizable town whose name is no actor's."""
        if not len(span) or not any(t.text[:1].isupper() for t in span):  # "al-Washka" counts
            return False
        found = self.gazetteer.lookup(span.text) or self._article_variant(span.text)
        if not found:
            return False
        if _after_locative(span):
            return True
        root = span.root
        if root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in PLACE_OBJECT_VERBS \
                and span.label_ != "PERSON" and not any(e.kind == "person" for e in self.kb.lookup(span.text)):
            return True  # "visited Kyiv", "captured Sirte", "Kharkiv was shelled"; not "took Khan"
        if any(c.dep_ == "appos" and c.lemma_.lower() in FEATURE_WORDS for c in root.children):
            return True
        entries = self.kb.lookup(span.text)
        if any(e.kind in ("country", "seat") for e in entries):
            return True  # a state or its capital, whatever the label: "Armenia", "the DPRK", "Washington said"
        if entries and not any(e.feature in ("continent", "region") for e in found):
            return False  # a person or organisation of the knowledge base, but not "the EU"
        if any(e.feature in ("country", "admin1", "continent", "region") for e in found):
            return True  # "Tamil Nadu's government", labelled a person
        if span.label_ == "PERSON":
            return False
        return max(e.population for e in found) >= 50_000 or any(e.feature in ("landmark", "airport") for e in found)

    # -- resolution -----------------------------------------------------------------------
    def resolve_doc(self, doc: Doc) -> list[Toponym]:
        candidates = self.candidate_spans(doc)
        options: list[tuple[Span, bool, bool, list[GazetteerEntry], str | None]] = []
        focus: Counter[str] = Counter()
        for span, demonym, embedded in candidates:
            found = self._entries(span, demonym)
            hint = _country_after(span, self.kb)
            options.append((span, demonym, embedded, found, hint))
            if embedded:
                continue  # "the New York Times" says nothing about where the story is
            countries = {e.country for e in found if e.feature == "country"}
            if len(countries) == 1:
                focus[countries.pop()] += 2
            elif len({e.country for e in found}) == 1 and found:
                focus[found[0].country] += 1
        options, outer = self._with_known_parts(options, focus)
        picks = self._pick_all(options, Counter(focus), None)
        if any(len(found) > 1 for _, _, _, found, _ in options):
            # again, now that the article's other places are known: an ambiguous name goes to
            # the namesake in the same state or province as they, or near them
            picks = self._pick_all(options, focus, _Context.of(options, picks))
            picks = _by_distance(options, picks)
        toponyms = []
        for (_, demonym, embedded, _, _), span, best in zip(options, outer, picks):
            text = span.text
            if best is None:
                place = Place(text, None)
            else:
                place = Place(text, best.name, best.country, best.admin1, best.lat, best.lon, best.geonameid, best.feature)
            toponyms.append(Toponym(span.start, span.end, span.start_char, span.end_char, place, demonym, embedded))
        return toponyms

    def _with_known_parts(self, options, focus: Counter):
        """A name the gazetteer does not know that holds names it knows well: "north west
        London", "Manila Cathedral", "Thruxton, Hampshire" take the place of that part;
        "Greece Italy" (a list without its commas) becomes one toponym per part."""
        out, outer = [], []
        named = {name_key(span.text) for span, demonym, _, found, _ in options if found and not demonym}
        for option in options:
            span, demonym, embedded, found, hint = option
            parts = [] if demonym or found or len(span) < 2 or span[-1].lower_ in STREET_WORDS \
                else self._known_parts(span, named)
            if len(parts) == 1:  # the toponym keeps its whole span
                out.append((parts[0][0], demonym, embedded, parts[0][1], hint or _country_after(parts[0][0], self.kb)))
                outer.append(span)
            elif parts:
                out.extend((part, False, embedded, entries, _country_after(part, self.kb)) for part, entries in parts)
                outer.extend(part for part, _ in parts)
            else:
                out.append(option)
                outer.append(span)
        return out, outer

    def _known_parts(self, span: Span, named: set[str]) -> list[tuple[Span, list[GazetteerEntry]]]:
        """The longest parts of ``span``, without overlaps, that name a state, a division or a
        region; or a town by its own name that the article names elsewhere, or a city of
        100,000 people that opens the name or follows common words ("Manila Cathedral",
        "north west London"; "Nile Delta" is a delta, "Soviet Union" no town called Union,
        "St George's Chapel" none in George)."""
        def sure(e: GazetteerEntry, part: Span) -> bool:
            if e.feature in SURE_FEATURES:
                return True
            key = name_key(part.text)
            own = name_key(e.name)
            if e.feature != "city" or not (_same_name(own, key) or own.startswith(key + " ")):
                return False  # "Old Town" is a name of Baltimore, not one it goes by
            if key in named and e.population >= 1000:
                return True
            inner = part.start > span.start and span.doc[part.start - 1].text[:1].isupper()
            return e.population >= 100_000 and not inner

        parts: list[tuple[Span, list[GazetteerEntry]]] = []
        taken: set[int] = set()
        for size in range(min(len(span) - 1, 4), 0, -1):
            for start in range(span.start, span.end - size + 1):
                part = span.doc[start: start + size]
                if any(i in taken for i in range(part.start, part.end)) or not part[0].text[:1].isupper() \
                        or part[0].is_punct or part[-1].is_punct or part[0].lower_ in STOP_WORDS \
                        or part.text.lower().rstrip(".") in CALENDAR_WORDS:
                    continue
                found = [e for e in self.gazetteer.lookup(part.text) if sure(e, part)]
                if found:
                    parts.append((part, found))
                    taken.update(range(part.start, part.end))
        return sorted(parts, key=lambda p: p[0].start)

    def _pick_all(self, options, focus: Counter, context: "_Context | None") -> list[GazetteerEntry | None]:
        picks = []
        for i, (span, _, embedded, found, hint) in enumerate(options):
            best = self._best(found, focus, hint, span, context, i)
            if best is not None and best.country and not embedded:
                focus[best.country] += 1
            picks.append(best)
        return picks

    def _entries(self, span: Span, demonym: bool) -> list[GazetteerEntry]:
        if demonym:
            iso3 = next((e.ref for e in self.kb.lookup(span.text) if e.kind in ("adjective", "demonym")), None)
            country = self.kb.countries.get(iso3) if iso3 else None
            if country is None or country.lat is None:
                return self._region_of_adjective(span)
            return [GazetteerEntry(None, country.name, country.iso3, None, country.lat, country.lon, 0, "country")]
        text = span.text
        found = self.gazetteer.lookup(text)
        if not found and len(span) > 1 and span[-1].lower_ in FEATURE_WORDS:
            found = self.gazetteer.lookup(span[:-1].text)
        return found or self._article_variant(text)

    def _article_variant(self, text: str) -> list[GazetteerEntry]:
        """A name written with or without the Arabic article: "al-Washka" / "Washka",
        "Qamishli" / "Al Qamishli"."""
        key = name_key(text)
        for prefix in ("al-", "al ", "el-", "el ", "ad-", "ar-", "as-", "ash-", "az-"):
            if key.startswith(prefix):
                return self.gazetteer.lookup(key[len(prefix):])
        if " " not in key and key[:1].isalpha():
            return self.gazetteer.lookup("al " + key) or self.gazetteer.lookup("al-" + key)
        return []

    def _best(self, found: list[GazetteerEntry], focus: Counter, hint: str | None, span: Span,
              context: "_Context | None" = None, index: int = 0) -> GazetteerEntry | None:
        if not found:
            return None
        key = name_key(span.text)
        total = sum(focus.values()) or 1
        if len(span) > 1 and span[-1].lower_ in DIVISION_WORDS and not self.gazetteer.lookup(span.text):
            # "Pike County" that the gazetteer lacks is no town called Pike in another country
            # or far from the article's places
            found = [e for e in found if e.feature != "city" or focus.get(e.country) and (
                context is None or context.bonus(e, key, index) > 0)]
            if not found:
                return None
        # a bare name shared by a town and its division is the town ("Sirte", "Kharkiv"); the
        # division is named with its word ("the Kharkiv region"), which matches on its own.
        # Not a town of another division: "Wyoming" is the state, not Wyoming, Michigan
        towns = [e for e in found if e.feature == "city" and name_key(e.name) == key and e.population >= 50_000]

        def holds_town(d: GazetteerEntry) -> bool:
            return any(t.country == d.country and (d.region is None or t.region == d.region
                                                   or _km(t.lat, t.lon, d.lat, d.lon) <= 400) for t in towns)

        found = [e for e in found if not (e.feature == "admin1" and holds_town(e) and not (
            context is not None and context.supports(e, key, index)))] or found
        # a town is called by its own name: one that merely lists the name among its
        # alternates (a former name, a translation: "Salisbury" for Harare, "White House" for
        # Casablanca) yields to a town whose name it is
        # (not a spelling of the same name: "Balakliia" is the town of Balakliya, not a hamlet)
        if any(e.feature == "city" and name_key(e.name) == key for e in found):
            found = [e for e in found if e.feature != "city" or _same_name(name_key(e.name), key)]

        def score(e: GazetteerEntry) -> float:
            # a large place beats a hamlet of the same name even in the article's focus
            # country ("Berlin" in a report on Russia), a close call goes to the focus
            population = max(e.population, NOTIONAL_POPULATION.get(e.feature, 0))
            if e.feature == "landmark" and e.geonameid is None:
                population = max(population, CURATED_LANDMARK_POPULATION)
            s = 1.5 * math.log10(population + 10)
            if e.feature == "country":
                s += 9
            if e.country and focus.get(e.country):
                s += 2.5 * focus[e.country] / total + 1.0
            if hint and e.country == hint:
                s += 10
            if name_key(e.name) == key:
                s += 0.5
            if context is not None and len(found) > 1:
                s += context.bonus(e, key, index)
            return s

        return max(found, key=score)


LISTED_KINDS = {"country", "admin1"}
LOCAL_FEATURES = {"city", "landmark", "airport", "admin1", "admin2"}
NEAR_KM = 100.0


class _Context:
    """Where the article's places lie, from a first reading: the first-level divisions
    (states, provinces) of its towns and divisions, and the points of its towns."""

    def __init__(self):
        self.regions: dict[str, set[str]] = {}  # division -> names of the places in it
        self.points: list[tuple[str, float, float]] = []  # (name, lat, lon) of towns and landmarks
        self.within: dict[int, str] = {}  # toponym -> division named right after it ("Tacoma, Washington")
        self.qualifying: set[int] = set()  # toponyms naming the division of the one before them
        self.peers: dict[int, set[str]] = {}  # toponym -> kinds (state, division) of the names it is listed with

    @classmethod
    def of(cls, options, picks) -> "_Context":
        context = cls()
        by_token = {t: i for i, (span, *_rest) in enumerate(options) for t in range(span.start, span.end)}
        for i, (span, demonym, *_rest) in enumerate(options):
            # "states such as California or Washington", "Georgia and Armenia": a name listed
            # with states (or divisions) is one too
            kinds = {picks[j].feature for j in (by_token.get(c.i) for c in span.root.conjuncts)
                     if j is not None and j != i and picks[j] is not None and not options[j][1]}
            if kinds & LISTED_KINDS and not demonym:
                context.peers[i] = kinds & LISTED_KINDS
        for i, ((span, demonym, _, found, _), best) in enumerate(zip(options, picks)):
            if i and _follows_with_comma(options[i - 1][0], span) and not options[i - 1][1]:
                # "Tacoma, Washington": a division that holds a namesake of the name before it
                # (in a list, "Miami, West Palm Beach, New York", it holds none)
                # (and a town much smaller than the first reading is no such namesake:
                # "stops in Washington, New York and Boston")
                first = picks[i - 1]
                floor = first.population / 20 if first is not None else 0
                towns = {e.region for e in options[i - 1][3] if e.feature != "admin1" and e.population >= floor}
                state = next((e for e in found if e.feature == "admin1" and e.region in towns), None)
                if state is not None:
                    context.qualifying.add(i)
                    context.within[i - 1] = state.region
            if best is None or demonym or best.feature not in LOCAL_FEATURES:
                continue
            key = name_key(span.text)
            if best.region and best.feature != "airport" and (best.feature == "admin1" or len({e.region for e in found}) == 1):
                # (an airport serves a wide area and is named in stories from afar: "flights from Heathrow")
                context.regions.setdefault(best.region, set()).add(key)
            if best.feature != "admin1":
                context.points.append((key, best.lat, best.lon))
        return context

    def supports(self, e: GazetteerEntry, key: str, index: int) -> bool:
        """Whether the article's other places lie in ``e`` (a division)."""
        return index in self.qualifying or bool(e.region and self.regions.get(e.region, set()) - {key})

    def bonus(self, e: GazetteerEntry, key: str, index: int) -> float:
        """Points for a candidate of the name ``key`` in the same division as another place
        of the article, or near another of its towns (not counting this name's own mentions);
        many more for the division named right after it ("Tacoma, Washington"), and for a
        division when the name qualifies a town so."""
        s = 0.0
        if e.feature in self.peers.get(index, ()):
            s += 3.0
        if index in self.within and e.region == self.within[index]:
            s += 6.0
        if index in self.qualifying and e.feature == "admin1":
            s += 6.0
        if e.region and self.regions.get(e.region, set()) - {key}:
            s += 2.0
        if e.feature in ("city", "landmark", "airport") and any(
                other != key and _km(e.lat, e.lon, lat, lon) <= NEAR_KM for other, lat, lon in self.points):
            s += 1.0
        return s


def _follows_with_comma(before: Span, span: Span) -> bool:
    """ "Tacoma, Washington": ``span`` right after ``before`` and a comma."""
    return span.start == before.end + 1 and span.doc[before.end].text == ","


BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225, "west": 270,
            "northwest": 315}
DISTANCE_UNITS = {"km": 1.0, "kms": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometer": 1.0,
                  "miles": 1.609, "mile": 1.609, "mi": 1.609}


def _by_distance(options, picks: list) -> list:
    """An ambiguous name followed by its distance and direction from another place ("Abu
    Grein, 370 km northwest of Sirte") is the namesake nearest the point they give."""
    starts = {span.start: i for i, (span, *_rest) in enumerate(options)}
    out = list(picks)
    for i, (span, _, _, found, _) in enumerate(options):
        if len(found) < 2:
            continue
        cue = _distance_cue(span, starts)
        if cue is None:
            continue
        km, bearing, j = cue
        origin = picks[j]
        if origin is None:
            continue
        rad = math.radians(bearing)
        lat = origin.lat + km / 111.0 * math.cos(rad)
        lon = origin.lon + km / (111.0 * max(math.cos(math.radians(origin.lat)), 0.1)) * math.sin(rad)
        best = min(found, key=lambda e: _km(e.lat, e.lon, lat, lon))
        if _km(best.lat, best.lon, lat, lon) <= max(50.0, km / 2):
            out[i] = best
    return out


def _distance_cue(span: Span, starts: dict[int, int]) -> tuple[float, float, int] | None:
    """(km, bearing, index of the other toponym) from the words right after a toponym:
    ", some 370 km (230 miles) northwest of Sirte"."""
    doc = span.doc
    i = span.end
    end = min(len(doc), span.end + 12, span.sent.end)
    while i < end and (doc[i].is_punct or doc[i].lower_ in ("some", "about", "around", "roughly", "nearly", "almost")):
        i += 1
    if i + 1 >= end or not doc[i].like_num:
        return None
    try:
        number = float(doc[i].text.replace(",", ""))
    except ValueError:
        return None
    unit = DISTANCE_UNITS.get(doc[i + 1].lower_)
    if unit is None:
        return None
    i += 2
    if i < end and doc[i].text == "(":  # "(230 miles)"
        while i < end and doc[i].text != ")":
            i += 1
        i += 1
    words = []
    while i < end and doc[i].lower_ != "of":
        words.append(doc[i].lower_.replace("-", ""))
        i += 1
    bearing = BEARINGS.get("".join(w for w in words if w != "-"))
    if bearing is None or i + 1 >= end:
        return None
    j = i + 1
    while j < end and doc[j].lower_ in ("the", "town", "city", "capital", "port"):
        j += 1
    if j not in starts:
        return None
    return number * unit, float(bearing), starts[j]


@lru_cache(maxsize=50_000)
def _same_name(name: str, key: str) -> bool:
    """The same name, or another spelling of it (a transliteration: "Balakliya", "Balakliia")."""
    return name == key or SequenceMatcher(None, name, key).ratio() >= 0.8


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _dateline_spans(doc: Doc) -> list[Span]:
    """Capitalised place names opening a line before a comma, dash or bracket: the
    dateline of a wire story ("BEIRUT (Reuters) -", "HELENA, Mont. (AP) -")."""
    out = []
    for tok in doc:
        if not (tok.i == 0 or "\n" in doc[tok.i - 1].text or doc[tok.i - 1].is_space):
            continue
        end = tok.i
        while end < len(doc) and end - tok.i < 4 and doc[end].is_upper and doc[end].is_alpha:
            end += 1
        if end > tok.i and end < len(doc) and doc[end].text in (",", "-", "—", "–", "(", ":") \
                and len(doc[tok.i:end].text) >= 4:
            out.append(doc[tok.i:end])
    return out


def _trim(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return doc[start:end]


def _name_span(tok: Token) -> Span:
    """A proper name ending at ``tok`` with its PROPN compounds ("Abu Grein")."""
    start = tok.i
    doc = tok.doc
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ in ("compound", "flat", "nmod"):
        start -= 1
    while start > 0 and doc[start - 1].text == "-" and start > 1 and doc[start - 2].pos_ in ("PROPN", "NOUN", "X"):
        start -= 2
    return doc[start: tok.i + 1]


def _after_locative(span: Span) -> bool:
    """A span in a prepositional phrase of place ("near X", "around the X checkpoint")."""
    doc = span.doc
    root = span.root
    node = root
    for _ in range(2):
        if node.dep_ == "pobj" and node.head.lower_ in LOCATIVE_PREPS:
            return True
        if node.dep_ == "compound":
            node = node.head
            continue
        break
    if node.dep_ == "pobj" and node.head.lower_ in LOCATIVE_PREPS:
        return True
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in ("the",) and span.start > 1:
        prev = doc[span.start - 2]
    return prev is not None and prev.lower_ in LOCATIVE_PREPS - {"of", "by", "on"}


def _country_after(span: Span, kb: ActorKB) -> str | None:
    """ISO3 of a country named right after a toponym: "Tripoli, Libya"."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        for n in (3, 2, 1):
            piece = doc[span.end + 1: span.end + 1 + n]
            if len(piece) == n:
                for entry in kb.lookup(piece.text):
                    if entry.kind == "country":
                        return entry.ref
    return None
