"""The one error type readers raise for a document they cannot read."""
from __future__ import annotations

from dataclasses import dataclass


class DocumentError(ValueError):
    """A document that cannot be read; the message says why."""


@dataclass(frozen=True, slots=True)
class IngestError:
    """A document that could not be read: where it is and why."""

    origin: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line is not None else self.origin
        return f"{where}: {self.reason}"
