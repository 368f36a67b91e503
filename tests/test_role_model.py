"""The learned role spans (fivews/events/role_model.py, trained by training/roles/)."""
from __future__ import annotations

import pytest

from fivews.events.role_model import RoleModel, phrase_candidates
from fivews.models import Article


@pytest.fixture(scope="module")
def extractor(pipeline):
    return pipeline.nlp.get_pipe("fivews_events").extractor


def _doc(pipeline, text):
    return next(iter(pipeline.docs([Article(id="t", text=text)])))[1]


def test_candidates_are_the_phrases_of_the_parse(pipeline):
    doc = _doc(pipeline, "Turkish warplanes struck Kurdish militant positions in northern Iraq on Tuesday.")
    texts = {doc[s:e].text for s, e in phrase_candidates(doc)}
    assert {"Turkish warplanes", "Kurdish militant positions in northern Iraq", "northern Iraq"} <= texts
    assert "warplanes struck" not in texts and "struck Kurdish" not in texts
    assert len(texts) <= 2 * len(doc)


def test_the_packaged_model_marks_who_acts_and_on_whom(pipeline, extractor):
    assert isinstance(extractor.roles, RoleModel)
    doc = _doc(pipeline, "Unidentified gunmen abducted 40 villagers in Zamfara state on Sunday, police said.")
    spans = extractor.roles.spans(list(doc.sents))[0]
    marked = {(s.text, s.label_) for s in spans}
    assert ("Unidentified gunmen", "SOURCE") in marked
    assert any(label == "TARGET" and "villagers" in text for text, label in marked)
    assert not any(a.start < b.end and b.start < a.end for a in spans for b in spans if a is not b)


def _roles(pipeline, text):
    return [(e.type, [a.code for a in e.sources], [a.code for a in e.targets]) for e in pipeline.extract(Article(id="t", text=text))]


@pytest.mark.parametrize("text, expected", [
    # the parse leaves the target of the investigation out; the model marks it
    ("The European Commission opened an investigation on Monday of three Hungarian banks.",
     ("ACCUSE", ["IGOEURCOM"], ["HUNBUS"])),
    # the parse finds no source for the talks; the model marks the ministry's negotiators
    ("The Mexican interior ministry's negotiators ended talks with the teachers' union.",
     ("CONSULT", ["MEXGOV"], ["LAB"])),
    # in a sentence with one event, the model's target may sit in a clause of its own
    ("Kenyan truck drivers called off their strike hours after reaching a deal with the Kenyan government.",
     ("CONCEDE", ["KENLAB"], ["KENGOV"])),
    # the parse finds a place for the trip but no one met; the model marks the officials
    ("The minister travelled to Brussels on Monday for talks with officials of the European Union.",
     ("CONSULT", ["GOV"], ["IGOEUR"])),
])
def test_learned_roles_fill_only_what_the_parse_left_open(pipeline, extractor, text, expected):
    roles = extractor.roles
    try:
        extractor.roles = None
        alone = _roles(pipeline, text)
    finally:
        extractor.roles = roles
    assert alone and alone[0] != expected  # the rules alone miss one role
    assert expected in _roles(pipeline, text)


def test_a_phrase_of_another_clause_is_not_lent(pipeline):
    # "the government" belongs to the solidarity clause, not to the condemnation
    events = pipeline.extract(Article(id="t", text=(
        "The UN secretary-general condemned the attack, and the African Union chairman expressed "
        "solidarity with the government.")))
    condemn = next(e for e in events if e.type == "ACCUSE")
    assert condemn.targets == ()
