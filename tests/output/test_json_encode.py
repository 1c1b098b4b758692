"""The fast indented encoder writes exactly what json.dumps(indent=2) writes."""

import json
import random

import pytest

from refcheck.output.json_encode import dumps

SCALARS = [None, True, False, 0, -3, 10**20, 1.5, float("inf"), float("nan"), "", "x", 'a"b\\c', "line\nbreak\ttab\x00\x1f",
           "\u2028 é ✓ \U0001f600", "},\n  {", "x [1] y", "[null]", "[[]]", "{}", "[true]"]


def value(rng: random.Random, depth: int = 0):
    roll = rng.random()
    if depth > 4 or roll < 0.4:
        return rng.choice(SCALARS)
    if roll < 0.65:
        return [value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if roll < 0.75:
        return tuple(value(rng, depth + 1) for _ in range(rng.randint(0, 3)))
    keys = ["k", "é", 1, None, True, 2.5, "a b", 'q"', "[1]", "[[]]"]
    return {rng.choice(keys) if rng.random() < 0.3 else f"k{i}": value(rng, depth + 1) for i in range(rng.randint(0, 5))}


def test_random_values_match_the_standard_library():
    rng = random.Random(12)
    for _ in range(5000):
        obj = value(rng)
        assert dumps(obj) == json.dumps(obj, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("obj", [
    {}, [], "plain", 7, None,
    {"authors": [], "fix": {}, "links": [{"url": "https://a.example/", "status": 200}], "year": "2019"},
    [[[]], [{}], [[1, [2, [3]]]]],
    {"a": {"b": {"c": {"d": ["deep"]}}}},
    # a string holding the text of a nested list, at the depth it is written with
    {"text": '["A"]', "authors": ["A"], "also": ["A"], "key": '["A",\n  "B"]', "more": ["A", "B"], "m": {"x": 1}},
    # a one-member container without a quote can stand in a string or a key
    {"a": "x [1] y", "b": [1]}, {"[1]": 0, "b": [1]}, {"s": "[null] [[]]", "n": [None], "e": [[]], "t": (True,)},
    [{"text": '["A",\n    "B"]', "authors": ["A", "B"], "fix": {"line": 1, "col": [2]}}, {"authors": [[], {}, "x"]}],
])
def test_shapes_match_the_standard_library(obj):
    assert dumps(obj) == json.dumps(obj, ensure_ascii=False, indent=2)


def test_an_unserialisable_value_raises_as_json_does():
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps({"a": [object()], "b": 1})
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps({"a": object()})


def test_lazy_arrays_stream_the_same_bytes():
    from refcheck.output.json_encode import Lazy, iterencode

    made = []

    def records(n):
        def items():
            for i in range(n):
                made.append(i)
                yield {"id": f"R{i}", "authors": [{"family": "Ito"}] if i % 2 else [], "n": i}
        return items

    for n in (0, 1, 5):
        plain = {"schema": 2, "files": [{"path": "a.md", "references": [r for r in records(n)()], "findings": []}],
                 "errors": [], "summary": {"files": 1}}
        lazy = {"schema": 2, "files": [{"path": "a.md", "references": Lazy(records(n)), "findings": Lazy(records(0))}],
                "errors": [], "summary": {"files": 1}}
        expected = json.dumps(plain, ensure_ascii=False, indent=2)
        assert "".join(iterencode(lazy)) == expected
        assert "".join(iterencode(lazy, chunk=1)) == expected
        assert "".join(iterencode(plain)) == expected
    # items are made while the text is written: the first piece comes before the last item
    made.clear()
    pieces = iterencode({"refs": Lazy(records(50))}, chunk=2)
    next(pieces)
    assert 0 < len(made) < 50


def test_rows_are_written_as_their_objects():
    from refcheck.output.json_encode import Lazy, iterencode

    rng = random.Random(5)
    keys = ("id", "é", 'q"', "[1]", "authors", "fix", "n")
    for _ in range(2000):
        rows = [[value(rng) for _ in keys] for _ in range(rng.randint(0, 3))]
        for row in rows:  # the values a row holds most: strings, and a list of strings
            row[4] = [rng.choice(SCALARS[8:]) for _ in range(rng.randint(0, 3))]
        expected = json.dumps({"items": [dict(zip(keys, r)) for r in rows]}, ensure_ascii=False, indent=2)
        assert "".join(iterencode({"items": Lazy(lambda: iter(rows), keys)})) == expected


@pytest.mark.parametrize("keys, row, message", [
    (("a", "b"), [1], "a row of 1 values for 2 keys"),
    (("a",), [], "a row of 0 values for 1 keys"),  # would be '{"a": }'
    (("a", "b"), [[1, 2]], "a row of 1 values for 2 keys"),
    (("a",), [1, [2, 3]], "a row of 2 values for 1 keys"),
    ((), ["x"], "a row of 1 values for no keys"),
])
def test_a_row_that_does_not_fit_its_keys_raises(keys, row, message):
    from refcheck.output.json_encode import Lazy, iterencode

    with pytest.raises(ValueError, match=message):
        "".join(iterencode({"items": Lazy(lambda: iter([row]), keys)}))


def test_a_row_of_no_keys_is_an_empty_object():
    from refcheck.output.json_encode import Lazy, iterencode

    assert "".join(iterencode({"items": Lazy(lambda: iter([[], ()]), ())})) == json.dumps(
        {"items": [{}, {}]}, indent=2)
