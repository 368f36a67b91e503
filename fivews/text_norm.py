"""Normalising names for lookup: case, accents, apostrophes, dashes, spacing, a leading 'the'."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"\s+")
_TRANSLATE = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "–": "-", "—": "-", "‐": "-", "‑": "-"})


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without accents, with plain apostrophes and dashes and single spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLATE))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACE.sub(" ", text).strip().lower()


def name_key(text: str) -> str:
    """The lookup key of a name: folded, without a leading 'the' and trailing punctuation."""
    key = fold(text).strip(" ,;:")
    if key.startswith("the "):
        key = key[4:]
    return key


_LEAD = re.compile(r"[\s\-']")


def lead_word(key: str) -> str:
    """The leading run of a folded key up to a space, dash or apostrophe ("al-washka" -> "al")."""
    return _LEAD.split(key, 1)[0]
