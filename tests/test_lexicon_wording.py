"""Trigger lexicon wording: news phrasings the lexicon codes, on sentences we wrote."""
from __future__ import annotations

from datetime import date

import pytest

from fivews.models import Article


def _events(pipeline, text):
    return pipeline.extract(Article(id="t", text=text, published=date(2021, 3, 4)))


def _summary(events):
    return "\n".join(f"{e.type} {e.cameo} {[a.code for a in e.sources]} -> {[a.code for a in e.targets]}: {e.trigger}"
                     for e in events)


CASES = [
    # joint exercises, also of several states named together, are military cooperation, not a mobilization
    ("Egypt and Jordan held joint military exercises near their border.", "COOPERATE", "062"),
    ("Indian and French warships began a joint naval exercise in the Arabian Sea.", "COOPERATE", "062"),
    ("The two armies staged joint war games in the desert.", "COOPERATE", "062"),
    ("France, Spain and Portugal are taking part in a naval exercise in the Atlantic.", "COOPERATE", "062"),
    ("Russia held military drills near the border.", "MOBILIZE", "150"),
    # easing tariffs and sanctions
    ("Washington cut tariffs on Mexican steel.", "RETREAT", "085"),
    ("Canada scrapped tariffs on American aluminium on Friday.", "RETREAT", "085"),
    ("The Treasury removed sanctions on three Iranian banks.", "RETREAT", "085"),
    # halted mediation
    ("Norway ended mediation efforts between the government and the rebels.", "SANCTION", "165"),
    # refugees taken in
    ("Canada accepted 20,000 Syrian refugees last year.", "AID", "075"),
    ("Turkey admitted refugees from the besieged town.", "AID", "075"),
    # rescue teams and funds
    ("Japan sent a rescue team to Turkey after the earthquake.", "AID", "073"),
    ("The bank is mobilizing funds for flood victims in Pakistan.", "AID", "071"),
    # expelled relief workers
    ("Sudan expelled foreign relief workers from Darfur.", "SANCTION", "1663"),
    # a state of siege is emergency rule
    ("The government declared a state of siege in the northern province.", "COERCE", "1724"),
    # convictions
    ("The opposition leader was found guilty of treason by a military court.", "SANCTION", "160"),
    # a warning given
    ("Biden gave Moscow a stern warning over Ukraine.", "THREATEN", "130"),
    # an extradition approved
    ("A judge approved the extradition of the banker to the United States.", "COOPERATE", "063"),
    # pressure to act is a demand; pushing for a policy is an appeal
    ("Washington pressured Ankara to drop the purchase.", "REQUEST", "100"),
    ("The opposition is exerting pressure on the president to resign.", "REQUEST", "100"),
    ("Activists have pushed for reforms to the electoral law.", "REQUEST", "020"),
    # breaking a ban, sanctions or a curfew is defiance
    ("North Korea has violated a ban on missile tests.", "REJECT", "128"),
    ("Protesters violated the curfew in the capital.", "REJECT", "128"),
    # a sentence commuted
    ("The president commuted the death sentence of the activist.", "CONCEDE", "081"),
    # "ink" carries the agreement it signs
    ("Iran and Iraq inked an agreement on gas supplies.", "SUPPORT", "057"),
    # a courtesy call is a visit, not an appeal
    ("The Chinese envoy paid a courtesy call to President Ramaphosa.", "CONSULT", "042"),
    # weapons of riot and war
    ("Militants lobbed a grenade at a police patrol.", "ASSAULT", "183"),
    ("Youths threw petrol bombs at the soldiers.", "PROTEST", "145"),
    ("Police fired rubber bullets at the protesters.", "ASSAULT", "175"),
    ("Security forces used live ammunition against demonstrators.", "ASSAULT", "193"),
    ("Government helicopters dropped barrel bombs on the town.", "ASSAULT", "195"),
    # more forces in a place
    ("The militia intensified its forces around the airport.", "MOBILIZE", "154"),
    ("The United States increased its military presence in the Gulf.", "MOBILIZE", "154"),
]

# wordings coded with the actors they bear on: (text, type, cameo, source codes, target codes)
ROLE_CASES = [
    # money and supplies given, also when the receiver is named only in the purpose
    ("Germany gave 350 million euros to promote private investment in Ethiopia.", "AID", "071", {"DEU"}, {"ETH"}),
    ("The Japanese government earmarked 3 million dollars in emergency aid to Nepal.", "AID", "071", {"JPNGOV"},
     {"NPL"}),
    ("The EU handed over medical supplies to the Nigerian government.", "AID", "073", {"IGOEUR"}, {"NGAGOV"}),
    # a threat to shell a place
    ("Hezbollah threatened to shell the Israeli town of Metula.", "THREATEN", "130", {"LBNREB"}, {"ISR"}),
    # aid flown in, and more aid
    ("Doctors Without Borders flew 15 tons of medicine into Syria.", "AID", "073", {"NGOMSF"}, {"SYR"}),
    ("The Red Cross flew 20 tonnes of medical supplies into Yemen.", "AID", "073", {"NGOIRC"}, {"YEM"}),
    ("Japan announced a threefold increase in aid to Nepal.", "AID", "070", {"JPN"}, {"NPL"}),
    ("Britain has increased funding to Somalia.", "AID", "071", {"GBR"}, {"SOM"}),
    # peacekeeping taken part in
    ("Rwandan troops participate in peacekeeping operations in Mali.", "AID", "074", {"RWAMIL"}, {"MLI"}),
    # aid suspended
    ("The United States announced a suspension of aid to Somalia.", "SANCTION", "162", {"USA"}, {"SOM"}),
    # people held or used as human shields
    ("Al-Shabaab militants used villagers as human shields in Somalia.", "ASSAULT", "184", {"SOMREB"}, {"SOMCVL"}),
    ("The rebels are holding hundreds of families as human shields in the city.", "ASSAULT", "184", {"REB"}, {"CVL"}),
    # borders opened to refugees; refuge sought in a state
    ("Poland opened its borders to Ukrainian refugees.", "RETREAT", "086", {"POL"}, {"UKRREF"}),
    # aid slashed or scaled back
    ("Washington slashed aid to the Palestinians last year.", "SANCTION", "162", {"USAGOV"}, {"PSE"}),
    ("Britain cut back aid to Rwanda.", "SANCTION", "162", {"GBR"}, {"RWA"}),
    ("Thousands of Eritreans have sought refuge in Ethiopia.", "REQUEST", "023", {"ERI"}, {"ETH"}),
    # the release of someone announced
    ("Iran announced the release of two Kuwaiti fishermen.", "RETREAT", "0841", {"IRN"}, {"KWTAGR"}),
    # captives freed on bail; property returned
    ("A Kenyan court has freed on bail three opposition leaders.", "RETREAT", "0841", {"KENJUD"}, {"KENOPP"}),
    ("Italy returned an ancient sarcophagus to Egypt.", "RETREAT", "0842", {"ITA"}, {"EGY"}),
    ("The Netherlands returned a stolen portrait to Poland.", "RETREAT", "0842", {"NLD"}, {"POL"}),
    # a call for sanctions, a demand hostile to their target, also with its date before the verb
    ("Greece on Friday called for sanctions against Turkey.", "REQUEST", "100", {"GRC"}, {"TUR"}),
    ("Lithuania urged sanctions against Belarus.", "REQUEST", "100", {"LTU"}, {"BLR"}),
    # the trigger's object counted ("dozens of", "tons of") or held as something
    ("Britain returned dozens of looted artifacts to Nigeria.", "RETREAT", "0842", {"GBR"}, {"NGA"}),
    ("Ukraine expelled dozens of Russian diplomats.", "SANCTION", "166", {"UKR"}, {"RUSGOV"}),
    ("Japan sent tons of aid to Nepal.", "AID", "070", {"JPN"}, {"NPL"}),
    ("Islamist fighters held 5,000 villagers as human shields in the town.", "ASSAULT", "184", {"REB"}, {"CVL"}),
    # expulsions of part of a group, and of aid workers; weapons given back
    ("Eritrea has expelled some of the UN peacekeepers.", "SANCTION", "1661", {"ERI"}, {"IGOUNOPKO"}),
    ("The government expelled 20 humanitarian workers employed by the UN.", "SANCTION", "1663", {"GOV"}, {"NGO"}),
    ("The rebels returned their weapons to the government on Monday.", "RETREAT", "0873", {"REB"}, {"GOV"}),
    # forces added or moved, weapons handed on
    ("Ethiopia transferred two battalions to the Sudanese border.", "MOBILIZE", "154", {"ETH"}, {"SDN"}),
    ("The UN transferred three helicopters to Darfur.", "MOBILIZE", "150", {"IGOUNO"}, {"SDN"}),
    ("Iran transferred weapons to the Houthi rebels.", "AID", "072", {"IRN"}, {"YEMREB"}),
    # money given, named by the contribution
    ("Germany made a contribution of 50 million euros to the World Food Programme.", "AID", "071", {"DEU"},
     {"IGOUNOWFP"}),
    ("Japan announced a financial contribution to UNRWA.", "AID", "071", {"JPN"}, {"IGOUNORWA"}),
    # aid goods on their way, and their suspension
    ("Jordan resumed relief flights to Gaza.", "AID", "073", {"JOR"}, {"PSE"}),
    ("The UN has suspended aid deliveries in Somalia.", "SANCTION", "162", {"IGOUNO"}, {"SOM"}),
    # troops that arrive somewhere are deployed there, to keep the peace or not
    ("Hundreds of British troops have arrived in Mali to join the UN peacekeeping mission there.", "AID", "074",
     {"GBRMIL"}, {"MLI"}),
    ("Russian troops arrived in Belarus for joint drills.", "MOBILIZE", "154", {"RUSMIL"}, {"BLR"}),
    # refugees taken in or refused: the refugees, or the state they come from
    ("Canada accepted 20,000 Syrian refugees last year.", "AID", "075", {"CAN"}, {"SYRREF"}),
    ("Hungary says it will not accept refugees from Afghanistan.", "REJECT", "122", {"HUN"}, {"AFG"}),
    ("Bangladesh cannot accept any more refugees from Myanmar.", "REJECT", "122", {"BGD"}, {"MMR"}),
]


@pytest.mark.parametrize("text,etype,cameo", CASES)
def test_wording_is_coded(pipeline, text, etype, cameo):
    events = _events(pipeline, text)
    assert any(e.type == etype and e.cameo == cameo for e in events), _summary(events)


@pytest.mark.parametrize("text,etype,cameo,sources,targets", ROLE_CASES)
def test_wording_is_coded_with_roles(pipeline, text, etype, cameo, sources, targets):
    events = _events(pipeline, text)
    assert any(e.type == etype and e.cameo == cameo and {a.code for a in e.sources} == sources
               and {a.code for a in e.targets} == targets for e in events), _summary(events)


def test_suspended_aid_is_no_aid(pipeline):
    events = _events(pipeline, "The United States announced a suspension of aid to Somalia.")
    assert not any(e.type == "AID" for e in events), _summary(events)


def test_what_people_are_held_as_is_no_part_of_them(pipeline):
    events = _events(pipeline, "Islamist fighters held 5,000 villagers as human shields in the town.")
    event = next(e for e in events if e.cameo == "184")
    assert [a.text for a in event.targets] == ["5,000 villagers"], _summary(events)


def test_a_captive_freed_is_the_target_also_when_unknown(pipeline):
    for text in ("The rebels freed Juan Carlos Herrera on Sunday.",
                 "The rebels said they will free Juan Carlos Herrera next week."):
        events = _events(pipeline, text)
        assert any(e.cameo in ("0841", "0353") and [a.text for a in e.targets] == ["Juan Carlos Herrera"]
                   for e in events), _summary(events)


def test_a_general_arriving_is_a_visit(pipeline):
    events = _events(pipeline, "General Milley arrived in Kabul on Monday.")
    assert any(e.type == "CONSULT" and e.cameo == "042" for e in events), _summary(events)


def test_a_contribution_to_a_debate_is_no_aid(pipeline):
    events = _events(pipeline, "Her contribution to the debate was praised.")
    assert not any(e.type == "AID" for e in events), _summary(events)


def test_a_decision_is_the_act_a_plan_is_intent(pipeline):
    events = _events(pipeline, "Japan decided on Friday to ease sanctions on Iran.")
    assert any(e.type == "RETREAT" and e.cameo == "085" for e in events), _summary(events)
    events = _events(pipeline, "Japan plans to ease sanctions on Iran.")
    assert any(e.type == "AGREE" for e in events), _summary(events)


def test_the_release_of_a_report_is_no_release(pipeline):
    events = _events(pipeline, "The ministry welcomed the release of the report.")
    assert not any(e.type == "RETREAT" for e in events), _summary(events)


def test_fighting_poverty_is_no_attack(pipeline):
    events = _events(pipeline, "Germany spent billions on fighting poverty and the root causes of migration.")
    assert not any(e.type == "ASSAULT" for e in events), _summary(events)


def test_a_video_of_hostages_is_no_release(pipeline):
    events = _events(pipeline, "The army released a video of the hostages.")
    assert not any(e.type == "RETREAT" for e in events), _summary(events)


def test_joint_exercise_is_not_a_mobilization(pipeline):
    events = _events(pipeline, "Egypt and Jordan held joint military exercises near their border.")
    assert not any(e.type == "MOBILIZE" for e in events), _summary(events)


def test_gave_a_warning_is_no_aid(pipeline):
    events = _events(pipeline, "Biden gave Moscow a stern warning over Ukraine.")
    assert not any(e.type == "AID" for e in events), _summary(events)


def test_cut_tariffs_aims_at_the_goods_country(pipeline):
    events = _events(pipeline, "Washington cut tariffs on Mexican steel.")
    event = next(e for e in events if e.type == "RETREAT")
    assert "MEX" in {a.code for a in event.targets}


def test_carrying_ammunition_is_no_attack(pipeline):
    events = _events(pipeline, "The soldiers were carrying live ammunition.")
    assert not any(e.type == "ASSAULT" for e in events), _summary(events)
