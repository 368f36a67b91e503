"""Seats: the town an actor acts from when a text names no place for its act.

A state's government sits in its capital; an organisation at its headquarters (the
``seat`` field of its entry, or its parent's). "Germany expelled two diplomats" happened
in Berlin, "the European Union imposed sanctions" in Brussels, even when the sentence
names the country the act is aimed at.
"""
from __future__ import annotations

from fivews.actors.kb import ActorKB
from fivews.models import Actor, Place
from fivews.places.gazetteer import Gazetteer


class Seats:
    def __init__(self, gazetteer: Gazetteer, kb: ActorKB):
        self.gazetteer = gazetteer
        self.kb = kb
        self._places: dict[tuple[str, str], Place | None] = {}

    def of(self, actors: list[Actor]) -> Place | None:
        """The one seat all of ``actors`` share, else None ("Turkey and Russia asked" has none)."""
        seats = {self.kb.seat_of(a) for a in actors}
        if len(seats) != 1:
            return None
        seat = seats.pop()
        return self.place(*seat) if seat is not None else None

    def place(self, town: str, country: str) -> Place | None:
        key = (town, country)
        if key not in self._places:
            entries = [e for e in self.gazetteer.lookup(town) if e.country == country and e.feature == "city"]
            best = max(entries, key=lambda e: e.population, default=None)
            self._places[key] = None if best is None else Place(
                town, best.name, best.country, best.admin1, best.lat, best.lon, best.geonameid, best.feature)
        return self._places[key]
