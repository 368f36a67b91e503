"""Dates resolved against the publication date and the tense of the clause."""
from __future__ import annotations

from datetime import date

import pytest

from fivews.times.calendar import parse_date_line
from fivews.times.resolve import find_times, resolve_expression

WED = date(2020, 1, 8)  # a Wednesday


@pytest.mark.parametrize(
    "text, tense, expected",
    [
        ("on Monday", "past", ("2020-01-06", None, "day")),
        ("on Sunday", "future", ("2020-01-12", None, "day")),
        ("on Wednesday", "past", ("2020-01-08", None, "day")),
        ("late on Wednesday", "past", ("2020-01-08", None, "day")),
        ("Tuesday afternoon", "past", ("2020-01-07", None, "day")),
        ("last week", "past", ("2019-12-30", "2020-01-05", "week")),
        ("since April", "past", ("2019-04", "2020-01-08", "month")),
        ("in late 2016", "past", ("2016", None, "year")),
        ("in November", "past", ("2019-11", None, "month")),
        ("in November", "future", ("2020-11", None, "month")),
        ("December 30", "past", ("2019-12-30", None, "day")),
        ("3 March 2019", "past", ("2019-03-03", None, "day")),
        ("yesterday", "past", ("2020-01-07", None, "day")),
    ],
)
def test_resolve_expression(text, tense, expected):
    ref = resolve_expression(text, WED, tense)
    assert (ref.date, ref.date_end, ref.precision) == expected


@pytest.mark.parametrize("text", ["for months", "in the coming weeks", "in recent years"])
def test_vague_expressions_give_nothing(text):
    assert resolve_expression(text, WED, "past") is None


def test_tense_from_the_parse(pipeline):
    nlp = pipeline.nlp
    doc = nlp.make_doc("Rebels seized the port on Monday and vowed to hold a vote on Friday.")
    for name in ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"):
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
    found = {m.ref.text: m.ref.date for m in find_times(doc, WED)}
    assert found["Monday"] == "2020-01-06"
    assert found["Friday"] == "2020-01-10"


def test_header_date_lines():
    assert parse_date_line("March 3, 2021") == date(2021, 3, 3)
    assert parse_date_line("Updated 14 Feb 2022 09:10 GMT") == date(2022, 2, 14)
    assert parse_date_line("Fighting resumed on March 3, 2021 in the north") is None


@pytest.mark.parametrize("text", ["Wednesday last week", "last Wednesday"])
def test_weekday_of_last_week(text):
    friday = date(2021, 2, 26)
    assert resolve_expression(text, friday, "past").date == "2021-02-17"


def test_date_on_a_coordinated_verb_dates_both(pipeline):
    from fivews.models import Article

    text = "Police fired tear gas and detained dozens of protesters in central Tehran on Monday night."
    events = pipeline.extract(Article("t1", text, published=date(2022, 9, 21)))
    assert {e.type for e in events} >= {"ASSAULT", "COERCE"}
    assert {e.date for e in events} == {"2022-09-19"}
    # a coordinated clause with a subject of its own keeps its date to itself
    text = ("The ministers of Greece and Cyprus stressed their opposition to Turkey's plan, and to a maritime "
            "deal Turkey struck with Libya in November.")
    events = pipeline.extract(Article("t2", text, published=date(2020, 1, 8)))
    assert {e.type: e.date for e in events} == {"REJECT": "2020-01-08", "SUPPORT": "2019-11"}


def _dates(pipeline, text, published):
    from fivews.models import Article

    return {e.trigger: (e.date, e.date_precision) for e in pipeline.extract(Article("t", text, published=published))}


def test_a_day_after_counts_from_the_clause_it_hangs_on(pipeline):
    # published on a Wednesday: "on Monday" is 2024-03-11, the attack a day before it
    found = _dates(pipeline, "Troops arrested the mayor of Goma on Monday, a day after gunmen attacked a police "
                             "station in the city.", date(2024, 3, 13))
    assert found["arrested"] == ("2024-03-11", "day")
    assert found["attacked"] == ("2024-03-10", "day")


def test_days_after_without_a_number_give_no_day(pipeline):
    found = _dates(pipeline, "Protests erupted on Tuesday, days after police shot a student.", date(2024, 3, 13))
    assert found["shot"] != ("2024-03-12", "day")


def test_clauses_at_the_same_time_share_the_date(pipeline):
    found = _dates(pipeline, "The Kenyan president flew to Mogadishu on Sunday to mediate and met the prime minister.",
                   date(2024, 3, 13))
    assert found["met"] == ("2024-03-10", "day")
    found = _dates(pipeline, "Leaders of the Southern African Development Community, meeting in Harare on Monday, "
                             "demanded the release of the opposition leader.", date(2024, 3, 13))
    assert any(trigger.startswith("demanded") and value == ("2024-03-11", "day") for trigger, value in found.items())


def test_a_sentence_without_an_event_sets_the_paragraph_date(pipeline):
    found = _dates(pipeline, "Thousands gathered outside the courthouse in Dhaka on Monday. Police chased and "
                             "arrested dozens of students.", date(2024, 3, 13))
    assert found["arrested"] == ("2024-03-11", "day")


def test_the_story_date_carries_into_a_paragraph_that_continues_it(pipeline):
    text = ("Security forces detained the opposition leader in Harare on Tuesday.\n\n"
            "Within hours, his supporters blocked roads across the capital.")
    found = _dates(pipeline, text, date(2024, 3, 15))
    assert found["blocked roads"] == ("2024-03-12", "day")


def test_an_undated_clause_takes_the_date_of_its_sentence(pipeline):
    found = _dates(pipeline, "On Friday the Venezuelan foreign ministry condemned the raid and said Caracas would "
                             "respond in kind.", date(2024, 3, 16))
    assert found["respond in kind"] == ("2024-03-15", "day")


def test_a_clause_after_another_does_not_take_its_date(pipeline):
    found = _dates(pipeline, "Lithuania expelled a Belarusian diplomat on Monday after a court in Minsk jailed a "
                             "Lithuanian journalist.", date(2024, 3, 13))
    assert found["expelled a Belarusian diplomat"] == ("2024-03-11", "day")
    assert not any(value == ("2024-03-11", "day") for trigger, value in found.items() if trigger.startswith("jailed"))


def test_an_offset_on_the_conjunction_counts_days(pipeline):
    found = _dates(pipeline, "The court freed the senator on Thursday, two days after his arrest in Lima set off "
                             "protests across the country.", date(2024, 3, 15))
    assert found["arrest"] == ("2024-03-12", "day")


def test_a_where_clause_happens_when_its_head_does(pipeline):
    found = _dates(pipeline, "Protests began on Saturday in Bukavu, where police used tear gas to break up "
                             "mourners.", date(2024, 3, 13))
    assert found["used tear gas"] == ("2024-03-09", "day")


def test_a_weekday_the_model_joined_to_other_words_is_still_read(pipeline):
    found = _dates(pipeline, "Protests erupted on Tuesday, days after police shot a student.", date(2024, 3, 13))
    assert found["Protests"] == ("2024-03-12", "day")


def test_a_relative_clause_takes_the_date_of_its_noun(pipeline):
    found = _dates(pipeline, "The country has been unstable since the 2014 revolt that toppled the president.",
                   date(2024, 3, 13))
    assert found["toppled"] == ("2014", "year")


def test_a_relative_clause_describing_a_noun_keeps_its_own_time(pipeline):
    found = _dates(pipeline, "Soldiers who seized power in Niamey arrested several ministers on Monday.",
                   date(2023, 7, 31))
    assert found["arrested"] == ("2023-07-31", "day")
    assert found["seized"][1] != "day"


def test_a_background_date_in_a_relative_clause_does_not_move_the_story(pipeline):
    from fivews.models import Article

    text = ("The crisis in Sudan, where Omar al-Bashir was toppled in 2019, has displaced millions.\n\n"
            "Egypt and Chad condemned the RSF's attacks on civilians.")
    events = pipeline.extract(Article("t", text, published=date(2023, 6, 14)))
    condemnation = next(e for e in events if e.type == "ACCUSE")
    assert condemnation.date != "2019"


def test_a_state_lasting_since_a_year_dates_neither_the_story_nor_the_next_clause(pipeline):
    from fivews.models import Article

    text = ("Sudan has been divided since 2019 into rival camps, and the RSF's offensive against Khartoum upended "
            "the talks.\n\nIn Cairo, the foreign ministers of Egypt and Chad stressed their opposition to the RSF's "
            "attacks.")
    events = pipeline.extract(Article("t", text, published=date(2023, 6, 14)))
    assert all(e.date != "2019" for e in events)
