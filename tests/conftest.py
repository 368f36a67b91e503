"""Shared fixtures: one loaded pipeline per test session, resources written by us."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

RESOURCES = Path(__file__).parent / "resources"


@pytest.fixture(scope="session", autouse=True)
def _own_data_dir(tmp_path_factory):
    """Places a user imported on this machine must not change what the tests see."""
    mp = pytest.MonkeyPatch()
    mp.setenv("FIVEWS_DATA_DIR", str(tmp_path_factory.mktemp("fivews-data")))
    yield
    mp.undo()


@pytest.fixture(scope="session")
def pipeline(_own_data_dir):
    from fivews.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return resources.files("fivews").joinpath("data/samples/libya_january_2020.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_article(sample_text):
    from fivews.ingest.text import parse_news_text

    return parse_news_text(sample_text, origin="sample")


@pytest.fixture(scope="session")
def sample_events(pipeline, sample_article):
    return pipeline.extract(sample_article)


@pytest.fixture(scope="session")
def articles_dir() -> Path:
    return RESOURCES / "articles"
