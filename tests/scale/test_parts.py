"""A part reads back as written: articles, annotations, signatures, problems and stage timings."""

from __future__ import annotations

from harbinger.errors import Problem
from harbinger.readers import read_paths
from harbinger.scale.parts import PartItem, read_part, write_part
from tests.conftest import SEED


def test_part_round_trip(tmp_path):
    (article,) = list(read_paths([str(SEED)]))
    bad = Problem.make("H104", "x.jsonl:2", reason="Expecting value")
    items = [
        PartItem(0, article, {"article": article.to_dict(), "events": [{"type": "CONSULT", "span": [1, 2]}]}, b"\x01\x02"),
        PartItem(1, None, None, None, [bad]),
    ]
    path = tmp_path / "p" / "k.parquet"
    write_part(path, items, {"ner": 1.5})
    back, seconds = read_part(path)
    assert seconds == {"ner": 1.5}
    assert back[0].article == article and back[0].annotation == items[0].annotation and back[0].signature == b"\x01\x02"
    assert back[1].article is None and back[1].problems == [bad]
    assert [p.name for p in path.parent.iterdir()] == ["k.parquet"], "no temporary file is left behind"
