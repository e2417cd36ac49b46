"""A toy stage written by following docs/architecture.md's recipe: registered, ordered, typed, serialised.

The stage lists, per sentence, the pairs of coded actors in it (a crude dyad finder). It reads
the actors layer through ``layer`` and adds its own; the pipeline puts it in the JSON output
and refuses to run it before the actors stage.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from harbinger.annotation import doc_to_dict
from harbinger.errors import HarbingerError
from harbinger.models import Article
from harbinger.pipeline import load_nlp, process
from harbinger.stages import StageSpec, layer, register_stage


@dataclass(frozen=True)
class CoMention:
    sentence_start: int
    source: str
    target: str


@Language.factory("test_co_mentions", assigns=["doc._.co_mentions"])
def make_co_mentions(nlp: Language, name: str):
    def annotate(doc: Doc) -> Doc:
        pairs = []
        for sent in doc.sents:
            codes = [m.code for m in layer(doc, "actors") or () if m.code and sent.start_char <= m.start < sent.end_char]
            pairs += [CoMention(sent.start_char, a, b) for i, a in enumerate(codes) for b in codes[i + 1 :] if a != b]
        doc._.co_mentions = tuple(pairs)
        return doc

    return annotate


register_stage(
    StageSpec("co-mentions", "test_co_mentions", "co_mentions", lambda doc: [asdict(p) for p in doc._.co_mentions], reads=("actors",))
)


@pytest.mark.slow
def test_toy_stage_runs_after_actors_and_appears_in_the_output():
    nlp = load_nlp(stage_names=["actors", "co-mentions"])
    article = Article.create("Russia accused Ukraine of shelling on Monday.", date(2022, 2, 1))
    (doc,) = list(process(nlp, [article]))
    assert doc_to_dict(nlp, doc)["co_mentions"] == [{"sentence_start": 0, "source": "RUS", "target": "UKR"}]


def test_toy_stage_before_the_stage_it_reads_is_refused():
    with pytest.raises(HarbingerError, match="'co-mentions' reads the output of actors"):
        load_nlp(stage_names=["co-mentions", "actors"])
