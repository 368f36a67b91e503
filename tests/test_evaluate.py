"""The scorers behind ``fivews eval``: known predictions give known figures.

The arithmetic is tested with fixed predictions (a tiny object with the pipeline's
``places_many`` / ``extract_many`` methods), so each expected figure can be worked out by
hand; the same files are also run through the real pipeline.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from fivews.evaluate.gold import evaluate_gold, read_gold
from fivews.evaluate.metrics import FormatError, haversine_km, per_class_prf
from fivews.evaluate.penta import evaluate_penta
from fivews.evaluate.places import evaluate_places
from fivews.evaluate.roles import detokenize, evaluate_roles, read_bio
from fivews.models import Actor, Event, Place, PlaceMention

EVAL = Path(__file__).parent / "resources" / "eval"
RESOURCES = Path(__file__).parent / "resources"


class FixedPlaces:
    """Predicts the given (text, lat, lon) toponyms wherever the text occurs."""

    def __init__(self, predictions: dict[str, list[tuple[str, float | None, float | None]]]):
        self.predictions = predictions

    def places_many(self, articles):
        for article in articles:
            mentions = []
            for text, lat, lon in self.predictions.get(article.id, []):
                start = article.text.index(text)
                mentions.append(PlaceMention(article.id, start, start + len(text), Place(text, text, None, None, lat, lon)))
            yield article, mentions


def make_event(article, sentence_words: str, etype: str, trigger: str, penta: int | None = None,
               sources=(), targets=(), date=None, place=None, fatalities=None, confidence=0.5) -> Event:
    text = article.text
    start = text.index(sentence_words)
    s_start = text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0
    s_end = text.find(". ", start)
    s_end = len(text) if s_end < 0 else s_end + 1
    return Event(event_id=f"{article.id}-{start}-{etype}", article_id=article.id, url=None, published=None,
                 sentence=text[s_start:s_end], sentence_start=s_start, sentence_end=s_end, trigger=trigger, type=etype,
                 penta_class=penta, sources=tuple(Actor(c, c, c) if isinstance(c, str) else c for c in sources),
                 targets=tuple(Actor(c, c, c) if isinstance(c, str) else c for c in targets), date=date,
                 location=place, fatalities=fatalities, confidence=confidence)


class FixedEvents:
    """Predicts events made by a function of the article."""

    def __init__(self, make):
        self.make = make

    def extract_many(self, articles):
        for article in articles:
            yield article, self.make(article)


def test_haversine_known_distance():
    # Paris to London is about 344 km.
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=3)


def test_places_scorer_counts_by_hand():
    fixed = FixedPlaces({
        "gwn-a": [("Lagos", 6.5, 3.4), ("Abuja", 40.0, -75.0), ("Jordan", 31.0, 36.0), ("Monday", None, None),
                  ("town hall", None, None)],
        "gwn-b": [("Sirte", 31.21, 16.59)],
    })
    report = evaluate_places(EVAL / "mini_gwn.xml", fixed, with_details=True)
    f = report.figures
    assert f["gold_toponyms"] == 5  # Lagos, Nigerian, Abuja, Sirte, Libya
    assert f["recognition_recall"] == pytest.approx(3 / 5)
    # Lagos, Abuja, Sirte right; Jordan (a person) and Monday wrong; "town hall" ignored.
    assert f["recognition_precision"] == pytest.approx(3 / 5)
    assert f["recognition_f1"] == pytest.approx(0.6)
    assert f["accuracy_161km"] == pytest.approx(2 / 3)  # Abuja placed in America
    assert f["end_to_end_recall_161km"] == pytest.approx(2 / 4)  # Libya never found
    groups = {row[0]: row for row in report.tables[0].rows}
    assert groups["literal"][1:3] == [3, 2]
    assert groups["metonymic"][1:3] == [1, 1]
    assert groups["demonym"][1:3] == [1, 0]
    assert groups["non-locational"][1:3] == [1, 1]
    kinds = sorted(d["kind"] for d in report.details)
    assert kinds == ["false_positive", "false_positive", "misplaced", "missed", "missed"]


def test_places_scorer_rejects_other_xml(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<feed><entry/></feed>")
    with pytest.raises(FormatError, match="no <article>"):
        evaluate_places(bad, FixedPlaces({}))


def test_penta_scorer_counts_by_hand():
    guesses = {  # line -> predicted class (None: no event)
        1: 4, 2: 1, 3: None, 4: 4, 5: 3, 6: 4,
    }

    def make(article):
        line = int(article.id.split("-")[1])
        if guesses[line] is None:
            return []
        first_word = article.text.split()[0]
        return [make_event(article, first_word, "ASSAULT", first_word, penta=guesses[line])]

    report = evaluate_penta(EVAL / "mini_penta.tsv", FixedEvents(make), with_details=True)
    f = report.figures
    assert f["sentences"] == 6
    assert f["accuracy"] == pytest.approx(5 / 6)  # the aid pledge (2) was called material conflict
    per_class = {row[0]: row for row in report.tables[0].rows}
    assert per_class[2][-1] == 0.0  # class 2: no true positive
    assert per_class[4][4] == pytest.approx(2 / 3)  # precision of class 4
    assert f["macro_f1"] == pytest.approx((1 + 1 + 0 + 1 + 0.8) / 5)
    matrix = {row[0]: row[1:] for row in report.tables[1].rows}
    assert matrix[2] == [0, 0, 0, 0, 1]
    assert [d["line"] for d in report.details] == [4]


def test_penta_main_event_is_the_most_confident():
    def make(article):
        return [make_event(article, "Police", "ACCUSE", "Police", penta=3, confidence=0.4),
                make_event(article, "arrested", "COERCE", "arrested", penta=4, confidence=0.8)]

    report = evaluate_penta(EVAL / "mini_penta.tsv", FixedEvents(make), limit=1)
    assert report.figures["predicted_distribution"] == {4: 1}


def test_per_class_prf():
    counts = per_class_prf([0, 1, 1, 2], [0, 1, 2, 2], (0, 1, 2))
    assert (counts[1].tp, counts[1].fp, counts[1].fn) == (1, 0, 1)
    assert (counts[2].tp, counts[2].fp, counts[2].fn) == (1, 1, 0)


def test_detokenize_keeps_token_offsets():
    text, spans = detokenize(("Iraq", "'s", "army", "(", "ISF", ")", "said", ",", "it", "does", "n't", "."))
    assert text == "Iraq's army (ISF) said, it doesn't."
    assert [text[s:e] for s, e in spans][:6] == ["Iraq", "'s", "army", "(", "ISF", ")"]
    # numbers split by the tokenizer are joined back; a date's comma keeps its space
    text, _ = detokenize(("deported", "2", ",", "374", "people", "on", "May", "7", ",", "2015", "for", "6", ".", "3",
                          "million", "."))
    assert text == "deported 2,374 people on May 7, 2015 for 6.3 million."


def test_read_bio_and_bad_tags(tmp_path):
    sentences = list(read_bio(EVAL / "mini_roles.txt"))
    assert len(sentences) == 4
    assert sentences[1].role_tokens("S") == {0, 1, 2}
    assert sentences[3].role_tokens("R") == {0, 1, 3, 4}
    bad = tmp_path / "bad.txt"
    bad.write_text("Rebels B-X\n")
    with pytest.raises(FormatError, match="bad.txt:1"):
        list(read_bio(bad))


def test_roles_scorer_counts_by_hand():
    def make(article):
        text = article.text
        if text.startswith("Rebels"):  # source right, target too short ("army convoy" of "an army convoy")
            return [make_event(article, "ambushed", "ASSAULT", "ambushed", sources=[Actor("Rebels", "rebels", "REB")],
                               targets=[Actor("army convoy", "army", "MIL")])]
        if text.startswith("The opposition"):  # source and target swapped
            return [make_event(article, "accused", "ACCUSE", "accused",
                               sources=[Actor("the ruling party", "party", "PTY")],
                               targets=[Actor("The opposition leader", "opposition", "OPP")])]
        if text.startswith("The envoy"):  # a meeting: its parties, one with a place too many
            return [make_event(article, "met", "CONSULT", "met", sources=[Actor("The envoy", "envoy", "GOV")],
                               targets=[Actor("rebel leaders in Goma", "rebels", "REB")])]
        return []  # no event for the flooding sentence

    report = evaluate_roles(EVAL / "mini_roles.txt", FixedEvents(make))
    f = report.figures
    # source: gold 1 + 3 tokens; predicted "Rebels" (right) + "the ruling party" (wrong)
    assert f["source_precision"] == pytest.approx(1 / 4)
    assert f["source_recall"] == pytest.approx(1 / 4)
    # target: gold 3 + 3 + 1 tokens; predicted "army convoy" (2 right) + "The opposition leader"
    # (wrong) + "in Goma" (not a party of the meeting, so wrong as a target)
    assert f["target_precision"] == pytest.approx(2 / 7)
    assert f["target_recall"] == pytest.approx(2 / 7)
    # the meeting's parties: "The envoy" and "rebel leaders" whichever slot they are in
    assert f["parties_precision"] == pytest.approx(4 / 6)
    assert f["parties_recall"] == 1.0
    assert f["sentences_with_event"] == 3


def _kenya_predictions(article):
    nairobi = Place("Nairobi", "Nairobi", "KEN", None, -1.28, 36.82)
    kampala = Place("Kampala", "Kampala", "UGA", None, 0.31, 32.58)
    garissa = Place("Garissa", "Garissa", "KEN", None, -0.45, 39.66)
    return [
        make_event(article, "arrested", "COERCE", "arrested", sources=["KENCOP"], date="2023-03-07", place=nairobi),
        make_event(article, "met in", "CONSULT", "met", sources=["KENGOV"], place=kampala),
        make_event(article, "Gunmen", "ASSAULT", "killed", date="2023-03-10", place=garissa, fatalities=3),
        make_event(article, "urged", "REQUEST", "urged"),
        make_event(article, "protesters", "PROTEST", "protesters"),
    ]


def test_gold_scorer_counts_by_hand():
    report = evaluate_gold(EVAL / "mini_gold.jsonl", FixedEvents(_kenya_predictions), with_details=True)
    f = report.figures
    assert f["gold_events"] == 3
    assert f["event_recall"] == 1.0
    assert f["event_precision"] == pytest.approx(3 / 4)  # the optional REQUEST is not a false positive
    assert f["event_f1"] == pytest.approx(2 * 0.75 / 1.75)
    assert f["type_accuracy"] == 1.0
    assert f["sources_accuracy"] == pytest.approx(1 / 2)  # Uganda's government missing from the meeting
    assert f["date_accuracy"] == pytest.approx(1 / 2)  # the killing dated a day late
    assert f["place_accuracy"] == 1.0
    assert f["fatalities_accuracy"] == 1.0
    assert [d["result"] for d in report.details].count("false positive") == 1


def test_gold_alternative_codes_and_swapped_roles(tmp_path):
    record = json.loads((EVAL / "mini_gold.jsonl").read_text())
    record["events"][1]["sources"] = ["KENGOV|KEN"]
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n")
    report = evaluate_gold(path, FixedEvents(_kenya_predictions))
    assert report.figures["sources_accuracy"] == 1.0


@pytest.mark.parametrize("change, message", [
    ({"type": "ATTACK"}, "unknown PLOVER type"),
    ({"evidence": "words that are nowhere"}, "not in the article"),
    ({"date": "9 March"}, "date must be"),
    ({"place": {"name": "Nairobi"}}, "lat and lon"),
])
def test_gold_reader_rejects_bad_events(tmp_path, change, message):
    record = json.loads((EVAL / "mini_gold.jsonl").read_text())
    record["events"][0].update(change)
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n")
    with pytest.raises(FormatError, match=message):
        read_gold(path)


def test_gold_file_for_our_articles_is_valid():
    golds = read_gold(RESOURCES / "gold.jsonl")
    assert len(golds) >= 7
    assert all(g.article.published is not None for g in golds)
    assert sum(len(g.events) for g in golds) >= 40


def test_real_pipeline_on_the_small_files(pipeline):
    penta = evaluate_penta(EVAL / "mini_penta.tsv", pipeline, with_details=True)
    assert penta.figures["accuracy"] >= 5 / 6, penta.details
    gold = evaluate_gold(EVAL / "mini_gold.jsonl", pipeline, with_details=True)
    assert gold.figures["event_recall"] >= 2 / 3, gold.details
    places = evaluate_places(EVAL / "mini_gwn.xml", pipeline, with_details=True)
    assert places.figures["accuracy_161km"] >= 2 / 3, places.details


def test_calibration_counts_by_band_and_checks_the_rise():
    from fivews.evaluate.metrics import calibration

    table, figures = calibration([(0.4, False), (0.6, True), (0.6, False), (0.9, True), (0.95, True)], "Events")
    assert [row[1:] for row in table.rows] == [[1, 0, 0.0], [2, 1, 0.5], [0, 0, None], [2, 2, 1.0]]
    assert figures["confidence_rises"] is True
    _, falling = calibration([(0.4, True), (0.9, False)], "Events")
    assert falling["confidence_rises"] is False
