"""Reading the knowledge files the package ships under ``fivews/data/``."""
from __future__ import annotations

import csv
import hashlib
import os
import pickle
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import platformdirs
import yaml

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def data_path(relative: str):
    return resources.files("fivews").joinpath("data/" + relative)


def cache_dir() -> Path:
    """Where fivews keeps what it can rebuild: the gazetteer index, parsed knowledge files."""
    path = Path(os.environ.get("FIVEWS_CACHE") or platformdirs.user_cache_dir("fivews"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@lru_cache(maxsize=None)
def load_yaml(relative: str) -> Any:
    """A packaged YAML file, parsed once per version of its bytes: the parse is kept in the
    cache directory, so that a new process reads the large files (people, groups, triggers)
    in milliseconds rather than seconds."""
    path = data_path(relative)
    if not path.is_file():
        raise FileNotFoundError(f"fivews data file missing: {relative}")
    raw = path.read_bytes()
    digest = hashlib.sha1(raw).hexdigest()[:16]
    try:
        cached = cache_dir() / "knowledge" / f"{relative.replace('/', '_')}-{digest}.pickle"
        if cached.exists():
            with open(cached, "rb") as fh:
                return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError):
        cached = None
    data = yaml.load(raw.decode("utf-8"), Loader=_Loader)
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            for old in cached.parent.glob(f"{relative.replace('/', '_')}-*.pickle"):
                old.unlink(missing_ok=True)  # parses of earlier versions
            tmp = cached.with_suffix(f".tmp{os.getpid()}")
            with open(tmp, "wb") as fh:
                pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cached)
        except OSError:  # a read-only cache: parse every time
            pass
    return data


def read_yaml_file(path) -> Any:
    """A user's YAML file; a syntax error becomes a ValueError naming the file and line."""
    with open(path, encoding="utf-8") as fh:
        try:
            return yaml.load(fh, Loader=_Loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
            problem = getattr(exc, "problem", None) or "not valid YAML"
            raise ValueError(f"{where}: {problem}") from None


@lru_cache(maxsize=None)
def load_csv(relative: str) -> tuple[dict[str, str], ...]:
    path = data_path(relative)
    if not path.is_file():
        raise FileNotFoundError(f"fivews data file missing: {relative}")
    return tuple(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
