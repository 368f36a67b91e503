"""The one function everything else maps: ``extract(article) -> list[Event]``."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language

from fivews.models import Article, Event, PlaceMention

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    model: str | None = None
    actor_files: tuple[str, ...] = ()
    trigger_files: tuple[str, ...] = ()
    batch_size: int = 16


class Pipeline:
    """A loaded spaCy model with the fivews components: articles in, events out."""

    def __init__(self, options: PipelineOptions | None = None, nlp: Language | None = None):
        from fivews.nlp import load_nlp

        self.options = options or PipelineOptions()
        self.nlp = nlp or load_nlp(self.options.model, self.options.actor_files, self.options.trigger_files)

    @property
    def model_name(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"

    def _doc(self, article: Article):
        doc = self.nlp.make_doc(article.text)
        doc._.fivews_article = article
        doc._.fivews_published = article.published
        return doc

    def docs(self, articles: Iterable[Article]):
        """(article, Doc) pairs, parsed in batches."""
        articles = list(articles) if not isinstance(articles, list) else articles
        docs = (self._doc(a) for a in articles)
        yield from zip(articles, self.nlp.pipe(docs, batch_size=self.options.batch_size))

    def extract(self, article: Article) -> list[Event]:
        return next(iter(self.extract_many([article])))[1]

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article, doc in self.docs(articles):
            yield article, list(doc._.fivews_events or [])

    def places(self, article: Article) -> list[PlaceMention]:
        return next(iter(self.places_many([article])))[1]

    def places_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[PlaceMention]]]:
        """Toponym mentions of each article (events and times are not computed)."""
        articles = list(articles) if not isinstance(articles, list) else articles
        with self.nlp.select_pipes(disable=["fivews_events", "fivews_times"]):
            docs = self.nlp.pipe((self._doc(a) for a in articles), batch_size=self.options.batch_size)
            for article, doc in zip(articles, docs):
                yield article, [PlaceMention(article.id, t.start_char, t.end_char, t.place)
                                for t in doc._.fivews_places or []]


_LOADED: dict[PipelineOptions, Pipeline] = {}


def load_pipeline(options: PipelineOptions | None = None) -> Pipeline:
    """A Pipeline for these options, loaded once per process and then shared."""
    options = options or PipelineOptions()
    if options not in _LOADED:
        _LOADED[options] = Pipeline(options)
    return _LOADED[options]


def extract(article: Article | str, published=None) -> list[Event]:
    """Events in one article (an Article, or a text and an optional publication date)."""
    if isinstance(article, str):
        from fivews.models import content_id
        from fivews.times.calendar import parse_iso_date

        if isinstance(published, str):
            published = parse_iso_date(published)
        article = Article(id=content_id(article), text=article, published=published)
    return load_pipeline().extract(article)
