"""Coding one name at a time: `fivews actor` and ``fivews.code_actor``."""
from __future__ import annotations

from datetime import date

from fivews.actors.kb import load_kb
from fivews.actors.resolve import ActorCoder
from fivews.models import Actor


class ActorService:
    """Codes names as fivews would in an article published on a given date."""

    def __init__(self, model: str | None = None, actor_files: tuple[str, ...] = (), nlp=None):
        import spacy

        from fivews.nlp import choose_model

        self.kb = load_kb(actor_files)
        self.coder = ActorCoder(self.kb)
        self.nlp = nlp or spacy.load(choose_model(model))

    def code(self, text: str, day: date | None = None) -> Actor | None:
        text = text.strip()
        if not text:
            return None
        return self.coder.code_text(self.nlp(text), day)


_SERVICE: ActorService | None = None


def code_actor(text: str, date: date | str | None = None) -> Actor | None:
    """The ACTOR fivews codes for ``text`` (as of ``date``), or None."""
    global _SERVICE
    if isinstance(date, str):
        from datetime import date as _d

        date = _d.fromisoformat(date)
    if _SERVICE is None:
        _SERVICE = ActorService()
    return _SERVICE.code(text, date)
