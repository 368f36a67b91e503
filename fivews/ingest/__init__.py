"""Readers that turn files, directories and streams into :class:`fivews.models.Article`."""
from fivews.ingest.sources import IngestError, read_sources

__all__ = ["IngestError", "read_sources"]
