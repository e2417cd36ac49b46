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


def test_stage_joins_split_quote(nlp):
    text = '"We will not retreat," Ivan Petrov said, "and we will not surrender."'
    (quote,) = run(nlp, text)._.quotes
    assert [s.text for s in quote.segments] == ["We will not retreat,", "and we will not surrender."]
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
