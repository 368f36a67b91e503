"""Real output validates against the JSON Schema that ships with the package."""
from __future__ import annotations

import json
from importlib import resources

import jsonschema


def _schema():
    return json.loads(resources.files("fivews").joinpath("schema/event.schema.json").read_text(encoding="utf-8"))


def test_sample_events_follow_the_schema(sample_events):
    validator = jsonschema.Draft202012Validator(_schema())
    assert sample_events
    for event in sample_events:
        record = json.loads(json.dumps(event.as_dict()))
        errors = sorted(validator.iter_errors(record), key=str)
        assert not errors, f"{event.trigger}: {errors[0].message}"


def test_articles_we_wrote_follow_the_schema(pipeline, articles_dir):
    from fivews.ingest import read_sources

    validator = jsonschema.Draft202012Validator(_schema())
    total = 0
    for article in read_sources([articles_dir]):
        for event in pipeline.extract(article):
            validator.validate(json.loads(json.dumps(event.as_dict())))
            assert article.text[event.sentence_start: event.sentence_end] == event.sentence
            total += 1
    assert total >= 12


def test_schema_rejects_a_broken_record(sample_events):
    record = sample_events[0].as_dict()
    record["type"] = "SHOUT"
    assert list(jsonschema.Draft202012Validator(_schema()).iter_errors(record))
