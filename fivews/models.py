"""Typed records that flow through fivews: articles in, events out.

Records are frozen, slotted dataclasses. Dicts appear only at the JSON, database and
HTTP boundaries, through ``as_dict()`` and ``from_dict()``.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any


def content_id(*parts: object, length: int = 16) -> str:
    """A stable identifier: the hex digest of the parts, joined."""
    digest = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Article:
    """One news document, its text and metadata."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    source: str | None = None
    language: str | None = None
    byline: str | None = None
    origin: str | None = None  # file path (and line) the article was read from

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "title": self.title,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "language": self.language,
            "byline": self.byline,
            "origin": self.origin,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        published = data.get("published")
        if isinstance(published, str) and published:
            published = date.fromisoformat(published[:10])
        return cls(
            id=data["id"],
            text=data["text"],
            title=data.get("title"),
            url=data.get("url"),
            published=published or None,
            source=data.get("source"),
            language=data.get("language"),
            byline=data.get("byline"),
            origin=data.get("origin"),
        )


@dataclass(frozen=True, slots=True)
class Actor:
    """Who: a coded actor (SCHEMA.md, ACTOR)."""

    text: str
    name: str
    code: str
    country: str | None = None
    sector: str | None = None
    kind: str = "unknown"
    id: str | None = None
    # character offsets of ``text`` in the article (None outside an article); not identity
    start: int | None = field(default=None, compare=False)
    end: int | None = field(default=None, compare=False)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Actor":
        return cls(**{f.name: data.get(f.name) for f in fields(cls) if f.name in data})

    def with_text(self, text: str, start: int | None = None, end: int | None = None) -> "Actor":
        return Actor(text, self.name, self.code, self.country, self.sector, self.kind, self.id, start, end)


@dataclass(frozen=True, slots=True)
class Place:
    """Where: a resolved (or unresolved) place (SCHEMA.md, PLACE)."""

    text: str
    name: str | None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Place":
        return cls(**{f.name: data.get(f.name) for f in fields(cls) if f.name in data})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in an article: character offsets and the place it resolves to."""

    article_id: str
    start: int
    end: int
    place: Place

    def as_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "start": self.start, "end": self.end, **self.place.as_dict()}


@dataclass(frozen=True, slots=True)
class TimeRef:
    """When: a temporal expression resolved against the publication date."""

    text: str
    date: str | None  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY"
    date_end: str | None = None
    precision: str | None = None  # day | week | month | year

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


MODALITIES = ("asserted", "intended", "hypothetical", "negated")


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event (SCHEMA.md, event record)."""

    event_id: str
    article_id: str
    url: str | None
    published: str | None
    sentence: str
    sentence_start: int
    sentence_end: int
    trigger: str
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    penta_class: int | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    sources: tuple[Actor, ...] = ()
    targets: tuple[Actor, ...] = ()
    reported_by: Actor | None = None
    date: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    location: Place | None = None
    fatalities: int | None = None
    injured: int | None = None
    size: int | None = None
    modality: str = "asserted"
    historical: bool = False
    confidence: float = 0.5
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name == "extra":
                continue
            value = getattr(self, f.name)
            if f.name in ("sources", "targets"):
                value = [a.as_dict() for a in value]
            elif f.name == "context":
                value = list(value)
            elif f.name in ("reported_by", "location"):
                value = value.as_dict() if value is not None else None
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name == "extra" or f.name not in data:
                continue
            value = data[f.name]
            if f.name in ("sources", "targets"):
                value = tuple(Actor.from_dict(a) for a in value or ())
            elif f.name == "context":
                value = tuple(value or ())
            elif f.name == "reported_by":
                value = Actor.from_dict(value) if value else None
            elif f.name == "location":
                value = Place.from_dict(value) if value else None
            kwargs[f.name] = value
        return cls(**kwargs)
