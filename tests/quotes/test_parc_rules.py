"""The PARC rules added when the blind PARC set became tuning data: each test is one rule on sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest

from harbinger.models import Article


@pytest.fixture(scope="module")
def nlp():
    from harbinger.pipeline import load_nlp

    return load_nlp(stage_names=["actors", "quotes"])


def quotes(nlp, text: str):
    from harbinger.pipeline import process

    (doc,) = list(process(nlp, [Article.create(text, date(2022, 1, 9))]))
    return list(doc._.quotes)


def by_cue(found, cue: str):
    matches = [q for q in found if q.cue is not None and q.cue.text == cue]
    assert matches, [(q.cue.text if q.cue else None, q.content.text) for q in found]
    return matches[0]


def test_demand_content_leaves_out_the_addressee_in_parc_but_the_claim_keeps_it(nlp):
    quote = by_cue(quotes(nlp, "The minister urged the regional governors to close the border crossings."), "urged")
    assert quote.content.text == "to close the border crossings"
    assert quote.bare.text == "the regional governors to close the border crossings"


def test_call_for_keeps_its_whole_complement(nlp):
    quote = by_cue(quotes(nlp, "The council called for his death to be investigated."), "called for")
    assert quote.content.text == "his death to be investigated"


@pytest.mark.parametrize(
    "text, cue, content, cue_class",
    [
        ("Roscosmos announced the death of cosmonaut Alexei Leonov.", "announced", "the death of cosmonaut Alexei Leonov", "speech"),
        ("The ministers reaffirmed their commitment to the treaty.", "reaffirmed", "their commitment to the treaty", "speech"),
        ("We recognize the importance of market transparency.", "recognize", "the importance of market transparency", "belief"),
        ("The United States values our cooperation on Arctic issues.", "values", "our cooperation on Arctic issues", "judgement"),
    ],
)
def test_reporting_verbs_take_a_noun_phrase_content(nlp, text, cue, content, cue_class):
    quote = by_cue(quotes(nlp, text), cue)
    assert (quote.content.text, quote.cue_class) == (content, cue_class)


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("The United States remains committed to delivering aid to the refugees.", "remains committed", "to delivering aid to the refugees"),
        ("We are committed to supporting efforts to resolve the crisis.", "are committed", "to supporting efforts to resolve the crisis"),
        ("The United States is prepared to assist these efforts.", "is prepared", "to assist these efforts"),
    ],
)
def test_intention_adjectives_with_a_copula(nlp, text, cue, content):
    quote = by_cue(quotes(nlp, text), cue)
    assert (quote.content.text, quote.cue_class) == (content, "intention")


def test_look_forward_to_is_one_cue(nlp):
    quote = by_cue(quotes(nlp, "We look forward to even closer collaboration on pressing issues."), "look forward to")
    assert (quote.content.text, quote.cue_class) == ("even closer collaboration on pressing issues", "belief")


@pytest.mark.parametrize(
    "text, cue_class",
    [("The two leaders agreed to expand their cooperation.", "intention"), ("The two leaders agreed that the talks had failed.", "belief")],
)
def test_agree_takes_its_class_from_its_complement(nlp, text, cue_class):
    assert by_cue(quotes(nlp, text), "agreed").cue_class == cue_class


def test_a_mislemmatised_third_person_verb_is_still_a_cue(nlp):
    quote = by_cue(quotes(nlp, "The White House hopes the Senate will take action expeditiously."), "hopes")
    assert quote.content.text == "the Senate will take action expeditiously"


def test_coordinated_sources_are_one_speaker(nlp):
    quote = by_cue(quotes(nlp, "Hurley and Behnken said they would return the flag to Earth."), "said")
    assert quote.speaker.mention.text == "Hurley and Behnken"


def test_nested_attribution_inside_a_direct_quote(nlp):
    found = quotes(nlp, 'Cruz said, "It is long past time for Congress to act. I urge my colleagues to submit this amendment to the states."')
    nested = by_cue(found, "urge")
    assert nested.content.text == "to submit this amendment to the states"
    assert nested.speaker.mention.text == "I"


def test_as_parenthetical_attributes_the_host_clause(nlp):
    quote = by_cue(quotes(nlp, "As the President has said, there is no deadline for American citizens."), "said")
    assert quote.content.text == "there is no deadline for American citizens"
    assert quote.speaker.mention.text == "the President"


def test_a_cue_in_an_if_clause_is_not_an_attribution(nlp):
    found = quotes(nlp, "We will help them leave if they want to come out.")
    assert not [q for q in found if q.cue is not None and q.cue.text == "want"]


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        ("Kaczynski publicly declared intent to impose stricter punishment.", "intent", "Kaczynski", "to impose stricter punishment"),
        ("We also reiterate our call for the PRC to end forced labor.", "call for", "our", "the PRC to end forced labor"),
        ("The United States acknowledges the announcement by the transition government of a new timetable.",
         "announcement", "the transition government", "a new timetable"),
    ],
)
def test_nominal_cues_are_the_noun_with_their_source(nlp, text, cue, speaker, content):
    quote = by_cue(quotes(nlp, text), cue)
    assert (quote.speaker.mention.text, quote.content.text, quote.found_by) == (speaker, content, "nominal")


def test_issued_a_statement_stays_one_light_verb_cue(nlp):
    quote = by_cue(quotes(nlp, "The ministry issued a statement that the talks had failed."), "issued a statement")
    assert quote.content.text == "that the talks had failed"


def test_according_to_before_the_subject_scopes_over_the_rest_of_the_sentence(nlp):
    text = "According to the aviation authority, Calicut has a tabletop runway, so the aircraft fell into a gorge."
    quote = by_cue(quotes(nlp, text), "According to")
    assert quote.content.text == "Calicut has a tabletop runway, so the aircraft fell into a gorge"


def test_a_participle_describing_a_noun_takes_it_as_source(nlp):
    quote = by_cue(quotes(nlp, "The House passed a resolution condemning this violence."), "condemning")
    assert (quote.speaker.mention.text, quote.content.text) == ("a resolution", "this violence")


def test_an_attribution_nested_in_a_direct_quote_makes_no_claim_of_its_own(nlp):
    from harbinger.pipeline import process

    text = 'Cruz said, "It is long past time for Congress to act. I urge my colleagues to submit this amendment to the states."'
    (doc,) = list(process(nlp, [Article.create(text, date(2022, 1, 9))]))
    nested = by_cue(list(doc._.quotes), "urge")
    assert nested.id not in {claim.quote for claim in doc._.claims}
