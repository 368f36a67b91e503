"""Where an event happened: the place tied to it in the parse, else the sentence's place,
else the running place of the paragraph, else the article's focus country."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from fivews.models import Actor, Place
from fivews.places.resolve import BEARINGS, Toponym
from fivews.places.seats import Seats

# prepositions that place an event; "from" and "to" only for some event types
AT_PREPS = {"in", "near", "around", "at", "outside", "inside", "across", "throughout", "within", "along",
            "on", "off", "over", "beyond", "nearby", "close", "between", "north", "south", "east", "west"}
TRAVEL_TYPES = {"CONSULT"}  # "a trip to Brussels to meet ..." happened in Brussels
ORIGIN_TYPES = {"RETREAT"}  # "withdrew from Sirte" happened in Sirte


# heads that name a part of the place in their "of" phrase
PART_OF_PLACE = {"part", "area", "outskirts", "city", "town", "village", "province", "region", "district",
                 "suburb", "centre", "center", "heart", "north", "south", "east", "west", "rest", "port",
                 "capital", "county", "state", "island", "streets", "street"}


DIRECTIONS = {*BEARINGS, "north-east", "north-west", "south-east", "south-west"}


class PlaceIndex:
    """The toponyms of one Doc, by token."""

    def __init__(self, toponyms: list[Toponym], seats: Seats | None = None):
        self.toponyms = [t for t in toponyms if t.place.lat is not None]
        self.seats = seats
        self.at: dict[int, Toponym] = {}
        for top in self.toponyms:
            for i in range(top.start, top.end):
                self.at[i] = top

    def toponym_of(self, tok: Token) -> Toponym | None:
        """The toponym a noun phrase names: the token itself, its name compounds, or the
        place a part of it is named after ("parts of Kashmir", "the city of Ahmedabad")."""
        if tok.i in self.at and not self.at[tok.i].demonym:
            return self.at[tok.i]
        for child in tok.children:
            if child.dep_ in ("compound", "nmod", "amod") and child.i in self.at and not self.at[child.i].demonym:
                return self.at[child.i]
        for side in (c for c in tok.children if c.dep_ in ("advmod", "amod", "npadvmod") and c.lower_ in DIRECTIONS):
            for prep in (c for c in side.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    if pobj.i in self.at and not self.at[pobj.i].demonym:
                        return self.at[pobj.i]  # "in waters east of Taiwan"
        if tok.lemma_.lower() in PART_OF_PLACE:
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    if pobj.i in self.at and not self.at[pobj.i].demonym:
                        return self.at[pobj.i]
                    if pobj.lemma_.lower() in PART_OF_PLACE:  # "parts of the western city of Ahmedabad"
                        return self.toponym_of(pobj)
        return None

    def setting(self) -> Place | None:
        """The town the article is set in: the town named most often (at least twice, and
        more often than any other), else the first place named if it is a town, else None."""
        towns = [t.place for t in self.toponyms if not t.demonym and not t.embedded and t.place.feature == "city"]
        if not towns:
            return None
        counts = Counter(p.name for p in towns).most_common(2)
        if counts[0][1] >= 2 and (len(counts) == 1 or counts[1][1] < counts[0][1]):
            return next(p for p in towns if p.name == counts[0][0])
        first = next((t.place for t in self.toponyms if not t.demonym and not t.embedded), None)
        return first if first is not None and first.feature == "city" else None

    def seat(self, actors: list[Actor]) -> Place | None:
        """The seat the actors act from (a capital, a headquarters), if they share one."""
        return self.seats.of(actors) if self.seats is not None and actors else None

    def focus(self) -> Place | None:
        counts = Counter(t.place.country for t in self.toponyms if t.place.country and not t.embedded)
        if not counts:
            return None
        country, _ = counts.most_common(1)[0]
        for top in self.toponyms:
            if top.place.country == country and top.place.feature == "country":
                return top.place
        return None


OBJECT_PLACE_TYPES = {"ASSAULT", "COERCE", "CONSULT", "MOBILIZE", "PROTEST"}


def _allowed(prep: Token, event_type: str) -> bool:
    word = prep.lower_
    if word in AT_PREPS:
        return True
    if word in ("to", "into"):
        return event_type in TRAVEL_TYPES
    if word == "from":
        return event_type in ORIGIN_TYPES
    if word == "of":
        return prep.head.lemma_.lower() in ("control", "capture", "seizure", "siege", "outskirts", "town", "city", "village")
    return False


def _prep_places(node: Token, index: PlaceIndex, event_type: str, near: bool = False) -> list[Toponym]:
    found = []
    for child in node.children:
        if child.dep_ == "prep" and (_allowed(child, event_type) or near and child.lower_ in ("to", "from")):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    top = index.toponym_of(pobj)
                    if top is None:
                        # "near the Abu Grein checkpoint, close to al-Washka": one level further
                        for sub in pobj.children:
                            if sub.dep_ == "prep" and _allowed(sub, event_type):
                                for inner in sub.children:
                                    if inner.dep_ == "pobj" and index.toponym_of(inner):
                                        top = index.toponym_of(inner)
                    if top is not None:
                        found.append(top)
        elif child.dep_ == "advmod" and child.lower_ in ("close", "near", "nearby"):
            found.extend(_prep_places(child, index, event_type, near=True))
        elif child.dep_ in ("advmod", "npadvmod") and child.lower_ in DIRECTIONS:
            for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"):
                found.extend(index.toponym_of(p) for p in prep.children
                             if p.dep_ == "pobj" and index.toponym_of(p) is not None)  # "east of Taiwan"
    return found


def tied_place(anchors: list[Token], index: PlaceIndex, event_type: str) -> Toponym | None:
    """A place attached in the parse to the trigger or its governing words."""
    for anchor in anchors:
        places = _prep_places(anchor, index, event_type)
        if places:
            return places[0]
    # the place acted on: "freed the town of Balakliia", "missiles struck the port of Odesa"
    if event_type in OBJECT_PLACE_TYPES:
        for anchor in anchors:
            for obj in (c for c in anchor.children if c.dep_ in ("dobj", "nsubjpass")):
                top = index.toponym_of(obj)
                if top is None:
                    for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "near")):
                        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                            top = top or index.toponym_of(pobj)
                if top is not None:
                    return top
    # inside a relative clause on a place: "al-Washka, where nine men were killed"
    for anchor in anchors:
        node = anchor
        for _ in range(4):
            if node.dep_ == "relcl":
                top = index.toponym_of(node.head)
                if top is not None:
                    return top
            if node.head == node:
                break
            node = node.head
    return None


def subject_place(subject: Token, index: PlaceIndex, event_type: str) -> Toponym | None:
    """A place the actors are said to be in: "officers in Islamabad detained ..."."""
    for child in subject.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "near", "around", "inside"):
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                top = index.toponym_of(pobj)
                if top is not None:
                    return top
    return None


def sentence_place(sent, index: PlaceIndex, event_type: str, exclude: set[int]) -> Toponym | None:
    """A place the sentence sets the scene in ("In Cairo, ..."), not one named as an actor."""
    for tok in sent:
        if tok.dep_ == "prep" and _allowed(tok, event_type) and tok.lower_ not in ("of", "between", "on"):
            for pobj in tok.children:
                top = index.toponym_of(pobj) if pobj.dep_ == "pobj" else None
                if top is not None and top.start not in exclude:
                    return top
    return None
