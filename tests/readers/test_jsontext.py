"""JSON records are parsed without unbounded recursion, and JSON arrays are split as they are read."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harbinger.errors import Problem
from harbinger.models import Article
from harbinger.readers import ReadOptions, read_paths
from harbinger.readers.jsontext import MAX_DEPTH, ArrayItems, ItemTooLarge, MalformedArray, TooDeep, is_array_document, loads

OPTS = ReadOptions(today=date(2026, 1, 1))
BEFORE = {"date": "2020-03-01", "text": "Ministers met in Brussels."}
AFTER = {"date": "2020-03-02", "text": "Talks resumed in Geneva."}
DEEP = {
    "array": "[" * 100_000 + "]" * 100_000,
    "object": '{"a":' * 100_000 + "1" + "}" * 100_000,
    "in a field": '{"text": "x", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "unclosed": "[" * 100_000,
}


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".ndjson"])
@pytest.mark.parametrize("kind", sorted(DEEP))
def test_jsontext_deeply_nested_line_is_one_problem_and_neighbours_are_stored(tmp_path, suffix, kind):
    path = tmp_path / f"news{suffix}"
    path.write_text("\n".join([json.dumps(BEFORE), DEEP[kind], json.dumps(AFTER)]) + "\n")
    articles, (problem,) = split(read_paths([str(path)], OPTS))
    assert [a.body for a in articles] == [BEFORE["text"], AFTER["text"]]
    assert (problem.code, problem.where) == ("H120", f"{path}:2")


@pytest.mark.parametrize("suffix", [".json", ""])
def test_jsontext_deep_first_line_still_lets_the_next_lines_be_read(tmp_path, suffix):
    # A first line starting with '[' looks like a JSON array; what follows the array is read as JSON Lines.
    path = tmp_path / f"news{suffix}"
    path.write_text(DEEP["array"] + "\n" + json.dumps(BEFORE) + "\n" + json.dumps(AFTER) + "\n")
    articles, (problem,) = split(read_paths([str(path)], OPTS))
    assert [(a.body, a.origin) for a in articles] == [(BEFORE["text"], f"{path}:2"), (AFTER["text"], f"{path}:3")]
    assert problem.code == "H120" and problem.where.startswith(str(path))


def test_jsontext_deep_item_in_an_array_is_skipped_alone(tmp_path):
    path = tmp_path / "news.json"
    path.write_text("[" + ",\n".join([json.dumps(BEFORE), DEEP["object"], json.dumps(AFTER)]) + "]")
    articles, (problem,) = split(read_paths([str(path)], OPTS))
    assert [a.body for a in articles] == [BEFORE["text"], AFTER["text"]]
    assert (problem.code, problem.where) == ("H120", f"{path}#2")


def test_jsontext_array_that_is_not_closed_keeps_the_items_before(tmp_path):
    path = tmp_path / "news.json"
    path.write_text("[" + json.dumps(BEFORE) + ", " + json.dumps(AFTER)[:-5])
    articles, (problem,) = split(read_paths([str(path)], OPTS))
    assert [a.body for a in articles] == [BEFORE["text"]]
    assert (problem.code, problem.where) == ("H104", f"{path}#2")


@pytest.mark.parametrize(
    "size,after",
    [(50_000, [AFTER["text"]]), (3_000_000, [])],  # found whole in one read: skipped alone; longer: the array stops
)
def test_jsontext_array_item_over_the_cap_is_refused_with_its_code(tmp_path, size, after):
    path = tmp_path / "news.json"
    path.write_text(json.dumps([BEFORE, {"text": "x" * size}, AFTER]))
    articles, (problem,) = split(read_paths([str(path)], ReadOptions(max_chars=1_000, today=date(2026, 1, 1))))
    assert [a.body for a in articles] == [BEFORE["text"], *after]
    assert (problem.code, problem.where) == ("H119", f"{path}#2") and "16,000 bytes" in problem.message


@pytest.mark.parametrize(
    "head,is_array",
    [
        ("[\n  {", True),
        ('[{\n  "a": 1', True),
        ('[{"a": 1},\n{"b": 2}]', True),
        ('[{"a": 1}, {"b": 2}]\n', True),
        ('[1, 2]\n{"a": 1}\n', False),
        ("[[[]]]\n{}", False),
        ('{"a": 1}\n', False),
    ],
)
def test_jsontext_tells_an_array_file_from_json_lines(head, is_array):
    assert is_array_document(head) is is_array


@pytest.mark.parametrize("depth", [MAX_DEPTH - 1, MAX_DEPTH])
def test_jsontext_loads_accepts_records_up_to_the_limit(depth):
    assert loads("[" * depth + "]" * depth) is not None


def test_jsontext_loads_ignores_brackets_inside_strings():
    text = json.dumps({"text": "[" * 5_000 + "{" * 5_000})
    assert loads(text)["text"].startswith("[[[")


def test_jsontext_loads_keeps_integers_python_refuses_to_convert():
    assert loads('{"n": ' + "9" * 5_000 + ', "text": "x"}')["n"] == "9" * 5_000


def test_jsontext_lone_surrogate_becomes_a_replacement_character(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text('{"date": "2020-03-01", "text": "Talks \\ud800 resumed \\ud83d\\ude00."}\n')
    (article,), _ = split(read_paths([str(path)], OPTS))
    assert article.body == "Talks \ufffd resumed \U0001f600."
    article.text.encode("utf-8")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(items=st.lists(json_values, max_size=8), chunk=st.integers(1, 9), indent=st.sampled_from([None, 1]))
def test_jsontext_array_items_match_json_whatever_the_read_sizes(items, chunk, indent):
    stream = io.BytesIO(json.dumps(items, indent=indent, ensure_ascii=False).encode() + b"\n")
    parsed = ArrayItems(lambda size: stream.read(min(size, chunk)), limit=1 << 20)
    assert [json.loads(item) for item in parsed] == items
    assert parsed.rest.strip() == b""


@given(depth=st.integers(0, 3 * MAX_DEPTH), opener=st.sampled_from(["[", '{"a":']))
def test_jsontext_loads_refuses_exactly_the_records_nested_too_deep(depth, opener):
    text = opener * depth + "0" + ("]" if opener == "[" else "}") * depth
    if depth > MAX_DEPTH:
        with pytest.raises(TooDeep):
            loads(text)
    else:
        assert loads(text) is not None


@pytest.mark.parametrize(
    "data,error",
    [(b'[{"a": 1}, {"b": "x', MalformedArray), (b"[1, 2", MalformedArray), (b'[1, "' + b"x" * 100 + b'"]', ItemTooLarge)],
)
def test_jsontext_array_items_report_where_they_stop(data, error):
    stream = io.BytesIO(data)
    parsed = iter(ArrayItems(lambda size: stream.read(min(size, 7)), limit=50))
    assert json.loads(next(parsed)) in ({"a": 1}, 1)
    with pytest.raises(error):
        list(parsed)
