"""Reading the knowledge files the package ships under ``fivews/data/``."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def data_path(relative: str):
    return resources.files("fivews").joinpath("data/" + relative)


@lru_cache(maxsize=None)
def load_yaml(relative: str) -> Any:
    path = data_path(relative)
    if not path.is_file():
        raise FileNotFoundError(f"fivews data file missing: {relative}")
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


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
