"""Packaged knowledge files are parsed once per version and the parse kept in the cache."""
from __future__ import annotations

from fivews import data_files


def test_a_parse_is_kept_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("FIVEWS_CACHE", str(tmp_path))
    data_files.load_yaml.cache_clear()
    try:
        first = data_files.load_yaml("events/modality.yaml")
        kept = list((tmp_path / "knowledge").glob("events_modality.yaml-*.pickle"))
        assert len(kept) == 1
        data_files.load_yaml.cache_clear()
        again = data_files.load_yaml("events/modality.yaml")
        assert again == first and "negation" in again
        assert list((tmp_path / "knowledge").glob("events_modality.yaml-*.pickle")) == kept
    finally:
        data_files.load_yaml.cache_clear()


def test_each_sector_word_is_under_one_sector_once():
    data = data_files.load_yaml("actors/sectors.yaml")
    seen: dict[str, str] = {}
    twice = []
    for entry in data["sectors"]:
        for word in entry["words"]:
            key = str(word).lower()
            if key in seen:
                twice.append((key, seen[key], entry["sector"]))
            seen[key] = entry["sector"]
    assert not twice
