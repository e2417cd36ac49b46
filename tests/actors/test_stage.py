"""The actors stage on real spaCy parses: codes, traces, titles, user dictionaries, unresolved mentions, actor_for_span."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from harbinger.actors import actor_for_span
from harbinger.pipeline import load_nlp, process

SEED_GOLD = json.loads((Path(__file__).resolve().parents[2] / "data" / "gold" / "seed.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_doc(nlp_actors, seed_article):
    (doc,) = list(process(nlp_actors, [seed_article]))
    return doc


@pytest.mark.parametrize("gold", SEED_GOLD["actors"], ids=[a["mention"] for a in SEED_GOLD["actors"]])
def test_stage_codes_seed_actors(seed_doc, gold):
    start, end = gold["span"]
    codes = {m.code for m in seed_doc._.actors if m.start < end and start < m.end}
    assert gold["code"] in codes


def test_stage_mentions_slice_the_text_and_carry_traces(seed_doc):
    text = seed_doc._.article.text
    for m in seed_doc._.actors:
        assert text[m.start : m.end] == m.text
        assert m.resolved_by, m
        assert (m.code is None) == m.resolved_by[0].startswith("unresolved:") or m.kind == "pronoun"


@pytest.mark.parametrize(
    ("text", "day", "expected", "step"),
    [
        ("Angela Merkel said on Monday that talks would continue.", date(2021, 6, 1), "DEUGOV", "person_dictionary:wikidata"),
        ("Angela Merkel said on Monday that talks would continue.", date(2022, 6, 1), "DEUELI", "person_dictionary:phoenix"),
        ("Antony Blinken said on Monday that talks would continue.", date(2022, 1, 9), "USAGOV", "person_dictionary:wikidata"),
        ("Antony Blinken said on Monday that talks would continue.", date(2020, 6, 1), None, "unresolved:"),
    ],
)
def test_stage_resolves_date_ranged_roles_at_article_date(annotate_text, text, day, expected, step, mention):
    found = mention(annotate_text(text, day), text.split(" said")[0])
    assert found.code == expected
    assert found.resolved_by[0].startswith(step)


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("NATO Secretary-General Jens Stoltenberg said the alliance would respond.", "Jens Stoltenberg", "IGOWSTNAT"),
        ("Chinese Defence Minister Wei Fenghe arrived in Moscow on Tuesday.", "Wei Fenghe", "CHNGOVMIL"),  # a defence minister: government and military, as Phoenix codes "minister of defence"
        ("Moscow rejected it, and Kremlin spokesman Dmitry Peskov declined to comment.", "Dmitry Peskov", "RUSGOV"),
    ],
)
def test_stage_codes_titled_person_from_title_and_nationality(annotate_text, text, name, code, mention):
    doc = annotate_text(text, date(2022, 2, 1))
    found = mention(doc, name)
    assert (found.code, found.name) == (code, name)
    assert found.resolved_by[0].startswith("title:")


def test_stage_title_beats_shipped_dictionary(annotate_text, mention):
    day = date(2022, 2, 1)
    assert mention(annotate_text("Jens Stoltenberg said the alliance would respond.", day), "Jens Stoltenberg").code == "NORGOV"
    titled = annotate_text("NATO Secretary-General Jens Stoltenberg said the alliance would respond. Stoltenberg left.", day)
    assert [m.code for m in titled._.actors if m.text.endswith("Stoltenberg")] == ["IGOWSTNAT", "IGOWSTNAT"]


@pytest.mark.parametrize(
    ("text", "span", "code", "step"),
    [
        ("With Russian troops massed on the border, talks began.", "Russian troops", "RUSMIL", "agent:troops"),
        ("Moscow said the sanctions were illegal.", "Moscow", "RUSGOV", "capital_metonym"),
        ("The Kremlin said the sanctions were illegal.", "Kremlin", "RUSGOV", "actor_dictionary"),
        ("The talks between the Biden administration and Russia failed.", "the Biden administration", "USAGOV", "agent:administration"),
        ("Officials met their Russian counterparts in Geneva.", "their Russian counterparts", "RUSGOV", "agent:counterparts"),
        ("Sri Lanka has established diplomatic ties with Iran.", "Sri Lanka", "LKA", "actor_dictionary:"),
        ("British Defence Secretary Tom King has promised to continue aid.", "Tom King", "GBRGOVMIL", "title:"),
        ("Rebels in the Ivory Coast dismissed an appeal from the president.", "Rebels", "CIVREB", "agent:"),
        ("The governor of Puerto Rico declared a state of emergency.", "The governor", "USAPRI", "agent:"),
    ],
)
def test_stage_codes_groups_countries_titles_and_institutions(annotate_text, text, span, code, step, mention):
    found = mention(annotate_text(text), span)
    assert found.code == code
    assert found.resolved_by[0].startswith(step)


@pytest.mark.parametrize("text", ["The Frobnitz Institute said the plan would fail.", "Zorblax Quimby said the plan would fail."])
def test_stage_keeps_unresolvable_mention_with_reason(annotate_text, text):
    doc = annotate_text(text)
    (found,) = [m for m in doc._.actors if m.kind != "pronoun"]
    assert found.code is None and found.confidence == 0.0
    assert found.resolved_by[0].startswith("unresolved:")


@pytest.mark.parametrize("suffix", [".csv", ".yaml"])
def test_stage_uses_user_dictionary_from_config(tmp_path, annotate_text, suffix, mention):
    path = tmp_path / f"mine{suffix}"
    if suffix == ".csv":
        path.write_text("name,aliases,code,role,from,to\nJake Sullivan,,USAGOV,National Security Adviser,2021-01-20,\n")
    else:
        path.write_text("- {name: Jake Sullivan, code: USAGOV, role: National Security Adviser, from: 2021-01-20}\n")
    nlp = load_nlp(stage_names=["actors"], config={"actors": {"user_dictionaries": [str(path)]}})
    text = "Jake Sullivan said on Sunday that the talks would go ahead."
    found = mention(annotate_text(text, date(2022, 1, 9), nlp=nlp), "Jake Sullivan")
    assert (found.code, found.role) == ("USAGOV", "National Security Adviser")
    assert found.resolved_by == (f"user_dictionary:{path.name}",)
    before = mention(annotate_text(text, date(2020, 1, 9), nlp=nlp), "Jake Sullivan")
    assert before.code is None
    assert mention(annotate_text(text, date(2022, 1, 9)), "Jake Sullivan").code is None  # not without the file


def test_stage_user_dictionary_overrides_shipped(tmp_path, annotate_text, mention):
    path = tmp_path / "override.csv"
    path.write_text("name,aliases,code,role,from,to\nVladimir Putin,Putin,RUSELI,,,\n")
    nlp = load_nlp(stage_names=["actors"], config={"actors": {"user_dictionaries": [str(path)]}})
    found = mention(annotate_text("Vladimir Putin spoke on Monday.", date(2022, 1, 9), nlp=nlp), "Vladimir Putin")
    assert found.code == "RUSELI"
    assert found.resolved_by[0].startswith("user_dictionary:")


@pytest.mark.parametrize(
    ("span_text", "code"),
    [("he doesn't expect", "USAGOV"), ("Russian troops massed", "RUSMIL"), ("Blinken said", "USAGOV"), ("NATO will reinforce", "IGOWSTNAT")],
)
def test_actor_for_span_finds_the_heading_mention(seed_doc, span_text, code):
    text = seed_doc._.article.text
    start = text.index(span_text)
    found = actor_for_span(seed_doc, start, start + len(span_text))
    assert found is not None and found.code == code


def test_actor_for_span_none_without_mention(seed_doc):
    start = seed_doc._.article.text.index("breakthroughs")
    assert actor_for_span(seed_doc, start, start + len("breakthroughs")) is None


def test_actors_to_json_is_plain_data(seed_doc, nlp_actors):
    from harbinger.annotation import doc_to_dict

    rows = doc_to_dict(nlp_actors, seed_doc)["actors"]
    assert json.loads(json.dumps(rows)) == rows
    assert set(rows[0]) == {"start", "end", "text", "name", "code", "country", "sector", "role", "resolved_by", "confidence", "chain", "kind", "wikidata"}


@pytest.mark.parametrize(("phrase", "code"), [("The government", "AFGGOV"), ("Thames Valley Police", None)])
def test_stage_bare_state_group_takes_the_datelines_country(nlp_actors, phrase, code):
    from harbinger.models import Article, Span

    text = f"KABUL — {phrase} rejected the offer on Monday, officials said."
    article = Article.create(text, date(2022, 1, 9), dateline=Span.of(text, 0, 5), body_start=8)
    (doc,) = list(process(nlp_actors, [article]))
    assert next(m for m in doc._.actors if m.text == phrase).code == code


def test_stage_bare_people_are_nobody_in_particular(annotate_text):
    doc = annotate_text("KABUL — People gathered outside the ministry.")
    assert not any(m.text == "People" for m in doc._.actors)


@pytest.mark.parametrize(
    ("text", "pronoun", "code"),
    [
        ("China said it had sanctioned two American firms.", "it", "CHN"),
        ("Russia said its embassy would respond.", "its", "RUS"),
    ],
)
def test_stage_links_it_and_its_to_a_country_or_organisation(annotate_text, text, pronoun, code):
    (found,) = [m for m in annotate_text(text)._.actors if m.text == pronoun]
    assert found.code == code and found.resolved_by[0].startswith("coreference:")


def test_stage_dummy_it_is_no_mention(annotate_text):
    doc = annotate_text("It is clear that NATO will respond.")
    assert [m.text for m in doc._.actors if m.kind == "pronoun"] == []


def test_stage_bare_title_names_the_last_person_with_it(annotate_text):
    doc = annotate_text(
        "Secretary of State Antony J. Blinken spoke today with Brazilian Foreign Minister Carlos Franca. "
        "The Secretary and the Foreign Minister discussed trade."
    )
    bare = {m.text: m.code for m in doc._.actors if m.resolved_by[0].startswith("title_alone:")}
    assert bare == {"The Secretary": "USAGOV", "the Foreign Minister": "BRAGOV"}
