from __future__ import annotations

from harbinger.annotation import doc_to_dict
from harbinger.pipeline import process


def test_doc_to_dict_offsets_slice_the_article_text(nlp_base, seed_article):
    (doc,) = process(nlp_base, [seed_article])
    result = doc_to_dict(nlp_base, doc, with_tokens=True)
    text = seed_article.text
    assert result["sentences"][0]["start"] == seed_article.body_start
    for key in ("sentences", "entities", "tokens"):
        assert result[key], key
        for span in result[key]:
            assert text[span["start"] : span["end"]] == span["text"]
    assert all(s["start"] >= seed_article.body_start for s in result["sentences"])
    assert {"GPE", "PERSON", "ORG"} <= {e["label"] for e in result["entities"]}
