"""fivews: who did what to whom, when and where, read from the news.

    >>> import fivews
    >>> events = fivews.extract(text, published="2020-01-08")
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "Event", "Place", "PlaceMention", "TimeRef", "Pipeline", "PipelineOptions",
    "extract", "load_pipeline", "code_actor", "read_sources", "__version__",
]


def __getattr__(name: str):
    # lazy: importing fivews stays cheap; spaCy loads on first use
    if name in ("Actor", "Article", "Event", "Place", "PlaceMention", "TimeRef"):
        from fivews import models

        return getattr(models, name)
    if name in ("Pipeline", "PipelineOptions", "extract", "load_pipeline"):
        from fivews import pipeline

        return getattr(pipeline, name)
    if name == "code_actor":
        from fivews.actors.api import code_actor

        return code_actor
    if name == "read_sources":
        from fivews.ingest import read_sources

        return read_sources
    raise AttributeError(f"module 'fivews' has no attribute {name!r}")
