"""Turn an annotated ``Doc`` into plain data: the article, its sentences, entities and every stage's output.

Offsets are character offsets into ``article.text``; whitespace and anything
before the story body (header, dateline) are trimmed away, so each span's
``text`` equals ``article.text[start:end]``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan

from harbinger.fingerprint import fingerprints_of
from harbinger.pipeline import harbinger_stages


def trimmed(span: SpacySpan, text: str, body_start: int) -> tuple[int, int] | None:
    """Character offsets of the span without surrounding whitespace or pre-body text; None if nothing is left."""
    start, end = max(span.start_char, body_start), span.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def sentences(doc: Doc) -> list[dict]:
    article = doc._.article
    rows = []
    for sent in doc.sents:
        offsets = trimmed(sent, article.text, article.body_start)
        if offsets:
            rows.append({"index": len(rows), "start": offsets[0], "end": offsets[1], "text": article.text[offsets[0] : offsets[1]]})
    return rows


def entities(doc: Doc) -> list[dict]:
    text = doc._.article.text
    return [
        {"index": i, "start": ent.start_char, "end": ent.end_char, "text": text[ent.start_char : ent.end_char], "label": ent.label_}
        for i, ent in enumerate(doc.ents)
    ]


def tokens(doc: Doc) -> list[dict]:
    return [
        {
            "i": tok.i,
            "start": tok.idx,
            "end": tok.idx + len(tok.text),
            "text": tok.text,
            "lemma": tok.lemma_,
            "pos": tok.pos_,
            "tag": tok.tag_,
            "dep": tok.dep_,
            "head": tok.head.i,
        }
        for tok in doc
        if not tok.is_space and tok.idx >= doc._.article.body_start
    ]


def doc_to_dict(nlp: Language, doc: Doc, with_tokens: bool = False) -> dict:
    """Everything known about one article: its fields, sentences, entities and every stage's output."""
    article = doc._.article
    result = {
        "article": article.to_dict(),
        "sentences": sentences(doc),
        "entities": entities(doc),
    }
    if with_tokens:
        result["tokens"] = tokens(doc)
    result["fingerprints"] = fingerprints_of(nlp)
    for spec in harbinger_stages(nlp):
        result[spec.attr] = spec.to_json(doc)
        for attr, to_json in spec.extra_layers:
            result[attr] = to_json(doc)
    return result
