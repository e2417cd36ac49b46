"""The quotes stage on the real spaCy pipeline: quote styles, split quotes, indirect speech, speakers, venues, denials."""

from __future__ import annotations

from datetime import date

import pytest

from harbinger.models import Article
from harbinger.quotes.marks import find_quoted


@pytest.fixture(scope="module")
def nlp():
    from harbinger.pipeline import load_nlp

    return load_nlp(stage_names=["actors", "quotes"])


def run(nlp, text: str):
    from harbinger.pipeline import process

    (doc,) = list(process(nlp, [Article.create(text, date(2022, 1, 9))]))
    return doc


@pytest.mark.parametrize(
    "text, content",
    [
        ('"We will not retreat," Smith said.', "We will not retreat,"),
        ("“We will not retreat,” Smith said.", "We will not retreat,"),
        ('Smith said: "We will not retreat."', "We will not retreat."),
        ("«We will not retreat», Smith said.", "We will not retreat"),
    ],
)
def test_marks_quote_styles(text, content):
    spans = find_quoted(text)
    assert [text[s:e] for s, e in spans] == [content]


def test_marks_quote_spanning_paragraphs():
    text = '"First paragraph of the quote.\n\n"Second paragraph," she said.'
    (span,) = find_quoted(text)
    assert text[span[0] : span[1]] == 'First paragraph of the quote.\n\n"Second paragraph,'


@pytest.mark.parametrize(
    "text, speaker, cue, kind",
    [
        ('"We will not retreat," Minister Ivan Petrov said on Monday.', "Minister Ivan Petrov", "said", "direct"),
        ('"We will not retreat," said Ivan Petrov.', "Ivan Petrov", "said", "direct"),
        ('Ivan Petrov said, "We will not retreat from the border."', "Ivan Petrov", "said", "direct"),
        ("Ivan Petrov said the army would not retreat from the border.", "Ivan Petrov", "said", "indirect"),
        ("Ivan Petrov warned that the army would strike back.", "Ivan Petrov", "warned", "indirect"),
        ("The army will not retreat, Ivan Petrov said.", "Ivan Petrov", "said", "indirect"),
        ("The army did not retreat, according to local officials.", "local officials", "according to", "indirect"),
        ('Ivan Petrov said the plan was "a betrayal of our people".', "Ivan Petrov", "said", "mixed"),
    ],
)
def test_stage_attributes_speaker_cue_and_kind(nlp, text, speaker, cue, kind):
    quotes = run(nlp, text)._.quotes
    assert len(quotes) == 1
    (quote,) = quotes
    assert (quote.speaker.mention.text, quote.cue.text, quote.kind) == (speaker, cue, kind)


@pytest.mark.parametrize(
    "text, speaker, cue, cue_class, stance, content",
    [
        ("President Biden believes that every veteran deserves access to health care.", "President Biden", "believes", "belief", "asserts",
         "that every veteran deserves access to health care"),
        ("The minister is confident that the talks will succeed.", "The minister", "is confident", "belief", "asserts", "that the talks will succeed"),
        ("The minister does not think that the talks will succeed.", "The minister", "think", "belief", "doubts", "that the talks will succeed"),
        ("The Department of Justice plans to post an application next month.", "The Department of Justice", "plans", "intention", "asserts",
         "to post an application next month"),
        # PARC leaves the addressee out of a demand's content (the proposition keeps it: test_parc_rules)
        ("The President urged Russia to withdraw its troops from the border.", "The President", "urged", "demand", "demands",
         "to withdraw its troops from the border"),
        ("She called on Congress to pass the Freedom to Vote Act.", "She", "called on", "demand", "demands", "to pass the Freedom to Vote Act"),
        ("The leaders called for adherence to international humanitarian law.", "The leaders", "called for", "demand", "demands",
         "adherence to international humanitarian law"),
        ("Deputy Secretary Sherman welcomed the EU's efforts to provide assistance to Ukraine.", "Deputy Secretary Sherman", "welcomed", "judgement",
         "asserts", "the EU's efforts to provide assistance to Ukraine"),
        ("The Cuban foreign minister accused the United States of orchestrating the protests.", "The Cuban foreign minister", "accused",
         "judgement", "asserts", "the United States of orchestrating the protests"),
        ("A 2018 commission report found that schools ignored student misconduct.", "A 2018 commission report", "found", "evidence", "asserts",
         "that schools ignored student misconduct"),
        ("Russia's claim that the exercises were defensive was rejected by NATO.", "Russia's", "claim", "speech", "asserts",
         "that the exercises were defensive"),
        ("His position is that the treaty is void.", "His", "position", "belief", "asserts", "that the treaty is void"),
        ("In her view, the sanctions have failed.", "her", "view", "belief", "asserts", "the sanctions have failed"),
        ("Secretary General Akiba emphasized that Japan is committed to coordinating with the United States.", "Secretary General Akiba",
         "emphasized", "speech", "asserts", "that Japan is committed to coordinating with the United States"),
    ],
)  # fmt: skip
def test_stage_attributes_every_cue_class(nlp, text, speaker, cue, cue_class, stance, content):
    quotes = run(nlp, text)._.quotes
    found = [q for q in quotes if q.cue is not None and q.cue.text == cue]
    assert len(found) == 1, [(q.cue.text if q.cue else None, q.content.text) for q in quotes]
    (quote,) = found
    assert (quote.speaker.mention.text, quote.cue_class, quote.stance, quote.content.text) == (speaker, cue_class, stance, content)


@pytest.mark.parametrize(
    "text",
    [
        "Officials are expected to arrive on Monday.",  # a passive belief with no one holding it
        "Local actor Joshua Winch was offering DVDs of his films.",  # an offer of goods is no attribution
        "Among the things the Administration plans to evaluate is the scope of the rules.",  # the infinitive lacks its object
        "This shows how far the talks have come.",  # an evidence verb needs a document or figures as its source
    ],
)
def test_stage_finds_no_attribution_without_a_source_or_content(nlp, text):
    assert run(nlp, text)._.quotes == ()


@pytest.mark.parametrize(
    "text, speaker, content, found_by",
    [
        ("SMITH: We will never accept these terms.\nJONES: That is a mistake, he said.", "SMITH", "We will never accept these terms.", "line"),
        ('"We will never give up our land."\n― Jane Doe, farmer', "Jane Doe", '"We will never give up our land."', "byline"),
        ('"We will never give up our land." — Jane Doe', "Jane Doe", '"We will never give up our land."', "byline"),
    ],
)
def test_stage_attributes_colon_lines_and_dash_bylines(nlp, text, speaker, content, found_by):
    quote = run(nlp, text)._.quotes[0]
    assert (quote.speaker.mention.text, quote.content.text, quote.found_by, quote.kind) == (speaker, content, found_by, "direct")


@pytest.mark.parametrize("label", ["Note: the talks were postponed until May.", "Fact Sheet: The President Outlines His Plan for Jobs",
                                   "Kenya: $5 million to support local health workers."])  # fmt: skip
def test_stage_ignores_headings_and_list_labels(nlp, label):
    assert all(q.found_by != "line" for q in run(nlp, label)._.quotes)


def test_stage_joins_quote_continued_over_paragraphs(nlp):
    text = 'Ivan Petrov spoke at length. "We will hold the line.\n\n"We will not retreat from the border," he said.'
    (quote,) = run(nlp, text)._.quotes
    assert quote.content.text == '"We will hold the line.\n\n"We will not retreat from the border,"'
    assert quote.speaker.name == "Ivan Petrov"


@pytest.mark.parametrize(
    "convention, content",
    [("parc", 'that the army would strike back'), ("proposition", "the army would strike back")],
)
def test_stage_content_spans_follow_the_configured_convention(convention, content):
    from harbinger.pipeline import load_nlp, process

    nlp = load_nlp(stage_names=["quotes"], config={"quotes": {"content_spans": convention}})
    (doc,) = list(process(nlp, [Article.create("Ivan Petrov warned that the army would strike back.", date(2022, 1, 9))]))
    (quote,) = doc._.quotes
    assert (quote.content.text, quote.bare.text) == (content, "the army would strike back")


def test_stage_refuses_an_unknown_convention():
    from harbinger.errors import HarbingerError
    from harbinger.pipeline import load_nlp

    with pytest.raises(HarbingerError):
        load_nlp(stage_names=["quotes"], config={"quotes": {"content_spans": "bare"}})


def test_speaker_never_lies_inside_the_content(nlp):
    text = 'Speaking to reporters, "a speech by the mayor would change nothing," said Ivan Petrov.'
    (quote,) = run(nlp, text)._.quotes
    assert quote.speaker.mention.text == "Ivan Petrov"
    assert not (quote.content.start < quote.speaker.mention.end and quote.speaker.mention.start < quote.content.end)


@pytest.mark.parametrize(
    "text, stance",
    [
        ("The President urged Russia to withdraw its troops from the border.", "demands"),
        ("The minister does not think that the army will withdraw its troops.", "doubts"),
        ("Ivan Petrov denied that the army would withdraw its troops.", "disputes"),
        ("Ivan Petrov believes that the army will withdraw its troops.", "asserts"),
    ],
)
def test_claims_take_the_stance_of_their_cue(nlp, text, stance):
    (claim,) = run(nlp, text)._.claims
    assert claim.stance == stance


def test_claim_nested_in_a_claim_of_the_same_holder_is_stated_once(nlp):
    text = "Ivan Petrov said he doesn't expect that the talks will bring any breakthrough this week."
    doc = run(nlp, text)
    assert len(doc._.quotes) == 2
    (claim,) = doc._.claims
    assert claim.text.text.startswith("he doesn't expect")


def test_stage_joins_split_quote(nlp):
    text = '"We will not retreat," Ivan Petrov said, "and we will not surrender."'
    (quote,) = run(nlp, text)._.quotes
    assert [s.text for s in quote.segments] == ['"We will not retreat,"', '"and we will not surrender."']  # PARC spans keep the marks
    assert quote.bare.text == 'We will not retreat," Ivan Petrov said, "and we will not surrender.'
    assert quote.kind == "direct"


@pytest.mark.parametrize("pronoun", ["he", "He"])
def test_stage_resolves_pronoun_speaker(nlp, pronoun):
    text = f'Secretary of State Antony Blinken spoke to reporters on Sunday. "Neither of those is on the table," {pronoun} said.'
    (quote,) = run(nlp, text)._.quotes
    assert quote.speaker.mention.text == pronoun
    assert quote.speaker.name == "Antony Blinken"


@pytest.mark.parametrize(
    "text, venue",
    [
        ('"Neither of those is on the table," Blinken said on CNN\'s "State of the Union."', 'CNN\'s "State of the Union."'),
        ("Blinken said in a statement that the talks would go ahead.", "a statement"),
        ("Blinken said on Twitter that the talks would go ahead.", "Twitter"),
    ],
)
def test_stage_finds_venue(nlp, text, venue):
    (quote,) = run(nlp, text)._.quotes
    assert quote.venue is not None and quote.venue.text == venue


def test_stage_links_denial_to_disputed_claim(nlp):
    text = (
        "Officials told NBC News the U.S. would withdraw troops from Poland. "
        "After the story ran, spokesperson Emily Horne denied that the U.S. would withdraw troops from Poland."
    )
    doc = run(nlp, text)
    first, second = doc._.claims
    assert (first.stance, second.stance) == ("asserts", "disputes")
    assert second.relates_to == first.id


def test_quote_context_gives_speaker_and_mode(nlp):
    from harbinger.quotes import quote_context_for_span

    text = "Spokesperson Emily Horne denied that the U.S. would withdraw troops from Poland."
    doc = run(nlp, text)
    start = text.index("withdraw")
    context = quote_context_for_span(doc, start, start + len("withdraw"))
    assert context is not None and context.mode == "denied" and context.speaker.name == "Emily Horne"
    assert quote_context_for_span(doc, 0, 5) is None


def test_stage_without_actors_uses_mention_text():
    from harbinger.pipeline import load_nlp, process

    nlp = load_nlp(stage_names=["quotes"])
    (doc,) = list(process(nlp, [Article.create('"We stay," Ivan Petrov said.', date(2022, 1, 9))]))
    (quote,) = doc._.quotes
    assert (quote.speaker.name, quote.speaker.code) == ("Ivan Petrov", None)


@pytest.mark.parametrize(
    "text, word, mode",
    [
        ("U.S. officials told NBC News the U.S. is ready to propose talks.", "propose", "reported"),
        ("The army shelled the town, according to local officials.", "shelled", "reported"),
        ("Ivan Petrov said the army would attack the town.", "attack", "asserted"),
    ],
)
def test_quote_context_mode(nlp, text, word, mode):
    from harbinger.quotes import quote_context_for_span

    start = text.index(word)
    context = quote_context_for_span(run(nlp, text), start, start + len(word))
    assert context is not None and context.mode == mode
