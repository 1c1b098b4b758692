"""``json.dumps(obj, ensure_ascii=False, indent=2)``, byte for byte, at C speed.

The standard library uses its C encoder only without ``indent``; with it, every
value goes through the pure-Python encoder (about 1 s for a 10,000-entry report).
Here each run of scalar members of an object or array is written by one call of
the C encoder whose item separator is the newline and indent of its depth, so
Python code runs once per nested container, not once per value. The records of
a long array (references, citations) can be given as rows of values for fixed
keys (:class:`Lazy` with ``keys``): their scalars take one C call per record and
no dict is built.
"""

from __future__ import annotations

import json
import operator

_INDENT = "  "
_SCALARS = frozenset((str, int, float, bool, type(None)))
_CONTAINERS = frozenset((list, tuple, dict))
_encoders: list = []


def _make(item_separator: str):
    """A function that serialises like ``json.dumps(..., ensure_ascii=False, separators=(item_separator, ": "))``.
    It calls the C encoder directly: ``JSONEncoder.encode`` builds a new one per call."""
    standard = json.JSONEncoder(ensure_ascii=False, separators=(item_separator, ": ")).encode
    make = getattr(json.encoder, "c_make_encoder", None)  # CPython's private accelerator
    try:
        encoder = make(None, _unserialisable, json.encoder.encode_basestring, None, ": ", item_separator,
                       False, False, True)
    except TypeError:  # absent (another Python) or called otherwise: the same bytes, slower
        return standard
    join = "".join

    def encode(obj) -> str:
        return join(encoder(obj, 0))

    sample = {"a": [1, 2.5, None, True, "x\"\n\u2028é"], "b": {}}
    return encode if encode(sample) == standard(sample) else standard


def _unserialisable(obj):
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


def _flat(depth: int):
    """The encoder that writes a flat container's members one per line at ``depth``."""
    while len(_encoders) <= depth:
        _encoders.append(_make(",\n" + _INDENT * len(_encoders)))
    return _encoders[depth]


_separated_by: dict = {}


def _separated(separator: str):
    """The encoder whose item separator is ``separator``."""
    if separator not in _separated_by:
        _separated_by[separator] = _make(separator)
    return _separated_by[separator]


def _nested(value) -> bool:
    """Whether the one-line encoder would write ``value`` otherwise than the indenting one:
    a non-empty container (a scalar or ``[]``/``{}`` is written the same)."""
    kind = type(value)
    if kind in _SCALARS:
        return False
    if kind in _CONTAINERS or isinstance(value, (list, tuple, dict)):
        return bool(value)
    return False  # other types: the C encoder raises as json.dumps would


def _encode(obj, depth: int, out: list) -> None:
    """Append the pieces of a non-empty container at ``depth`` to ``out``."""
    is_dict = isinstance(obj, dict)
    members = obj.items() if is_dict else obj
    values = obj.values() if is_dict else obj
    nested = [i for i, v in enumerate(values) if type(v) not in _SCALARS and v and isinstance(v, (list, tuple, dict))]
    encode = _flat(depth + 1)
    if not nested:  # one C call: '{"a": 1,\n  "b": 2}' -> '{\n  "a": 1,\n  "b": 2\n}'
        text = encode(obj)
        out.append(_opened(text, depth))
        return
    values = list(values)
    if all(_is_flat(values[i]) for i in nested):
        # nested containers of scalars only (a citation's authors): the whole object in one
        # C call, then each nested container's text, written with this depth's separator,
        # replaced by its own indented text. A text with a quote or a line break can stand
        # nowhere else: in a string (or key) the quotes would be escaped and no line breaks;
        # "[1]" can, so such a container takes the general way.
        text = encode(obj)
        for value in {id(values[i]): values[i] for i in nested}.values():
            written = encode(value)
            if '"' not in written and "\n" not in written:
                break
            text = text.replace(written, _indented(value, depth + 1))
        else:
            out.append(_opened(text, depth))
            return
    inner = ",\n" + _INDENT * (depth + 1)
    items = list(members)
    out.append(("{" if is_dict else "[") + inner[1:])
    start = 0
    for index in nested:
        if index > start:  # the flat members before this one, in one C call
            out.append(encode(dict(items[start:index]) if is_dict else items[start:index])[1:-1] + inner)
        if is_dict:
            key, value = items[index]
            out.append(_key(key, encode) + ": ")
        else:
            value = items[index]
        _encode(value, depth + 1, out)
        start = index + 1
        if start < len(items):
            out.append(inner)
    if start < len(items):
        out.append(encode(dict(items[start:]) if is_dict else items[start:])[1:-1])
    out.append("\n" + _INDENT * depth + ("}" if is_dict else "]"))


def _is_flat(container) -> bool:
    """Whether a container's members are all scalars or empty containers."""
    members = container.values() if isinstance(container, dict) else container
    return not any(type(v) not in _SCALARS and v and isinstance(v, (list, tuple, dict)) for v in members)


def _indented(container, depth: int) -> str:
    """A non-empty container of scalars as the indenting encoder writes it at ``depth``."""
    return _opened(_flat(depth + 1)(container), depth)


def _opened(text: str, depth: int) -> str:
    """A container written on one line with depth + 1's separator, opened out:
    '{"a": 1,\\n    "b": 2}' -> '{\\n    "a": 1,\\n    "b": 2\\n  }' at depth 1."""
    return f"{text[0]}\n{_INDENT * (depth + 1)}{text[1:-1]}\n{_INDENT * depth}{text[-1]}"


def _key(key, encode) -> str:
    return encode({key: 0})[1:-4]  # the key, converted as json converts keys


def dumps(obj) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=2)``."""
    if not _nested(obj):
        return _flat(0)(obj)
    out: list[str] = []
    _encode(obj, 0, out)
    return "".join(out)


class Lazy:
    """A JSON array whose items are made while it is written: ``iterencode`` asks
    ``items()`` for them one at a time, so they never all stand in memory. With
    ``keys``, each item is a row: a list of the values of those keys, in order,
    written as the object ``dict(zip(keys, row))`` would be, without building it."""

    __slots__ = ("items", "keys")

    def __init__(self, items, keys: tuple[str, ...] | None = None) -> None:
        self.items = items  # a function returning an iterator
        self.keys = keys


_writers: dict = {}


def _row_writer(keys: tuple[str, ...], depth: int):
    """A function that writes a row of ``keys``' values as ``_encode`` writes their
    object at ``depth``. The scalars are written by one C call whose separator is
    NUL, which the JSON text of a scalar cannot hold (a string's NUL is written
    \\u0000), then split and put after their keys; a non-empty container in the
    row is written on its own, at its depth."""
    writer = _writers.get((keys, depth))
    if writer is not None:
        return writer
    if not keys:
        def writer(row) -> str:
            if len(row):
                raise ValueError(f"a row of {len(row)} values for no keys")
            return "{}"
        _writers[keys, depth] = writer
        return writer
    key = _flat(0)
    inner = ",\n" + _INDENT * (depth + 1)
    prefixes = [inner[1:] + _key(keys[0], key) + ": "] + [inner + _key(k, key) + ": " for k in keys[1:]]
    prefixes[0] = "{" + prefixes[0]
    closing = "\n" + _INDENT * depth + "}"
    flat = _separated("\x00")
    size = len(keys)
    add = operator.add
    join = "".join

    def writer(row) -> str:
        if len(row) != size:
            raise ValueError(f"a row of {len(row)} values for {size} keys")
        nested = None
        if not _SCALARS.issuperset(map(type, row)):
            nested = [(i, v) for i, v in enumerate(row) if _nested(v)]
            if nested:
                row = list(row)
                for i, _ in nested:
                    row[i] = 0
        parts = flat(row)[1:-1].split("\x00")  # (no scalar's text holds a NUL: one part each)
        if nested:
            for i, value in nested:
                out: list[str] = []
                _encode(value, depth + 1, out)
                parts[i] = join(out)
        return join(map(add, prefixes, parts)) + closing

    _writers[keys, depth] = writer
    return writer


def iterencode(obj, chunk: int = 4096):
    """The text of ``dumps(obj)`` in pieces of about ``chunk`` parts; ``obj`` may hold
    :class:`Lazy` arrays in its dicts and lists, not in the items of a Lazy."""
    out: list[str] = []
    yield from _stream(obj, 0, out, chunk)
    if out:
        yield "".join(out)


def _streams(value) -> bool:
    return isinstance(value, Lazy) or (isinstance(value, (dict, list, tuple)) and any(
        _streams(v) for v in (value.values() if isinstance(value, dict) else value)))


def _stream(obj, depth: int, out: list, chunk: int):
    if not _streams(obj):
        if _nested(obj):
            _encode(obj, depth, out)
        else:
            out.append(_flat(depth)(obj))
        return
    inner = "\n" + _INDENT * (depth + 1)
    if isinstance(obj, Lazy):
        opened = False
        separator = ",\n" + _INDENT * (depth + 1)
        flat = _flat(depth + 1)
        row = _row_writer(obj.keys, depth + 1) if obj.keys is not None else None
        for item in obj.items():  # (an item holds no Lazy of its own)
            out.append(separator if opened else "[" + inner)
            opened = True
            if row is not None:
                out.append(row(item))
            elif _nested(item):
                _encode(item, depth + 1, out)
            else:
                out.append(flat(item))
            if len(out) >= chunk:
                yield "".join(out)
                out.clear()
        out.append("\n" + _INDENT * depth + "]" if opened else "[]")
        return
    is_dict = isinstance(obj, dict)
    out.append("{" if is_dict else "[")
    for index, item in enumerate(obj.items() if is_dict else obj):
        out.append(("," if index else "") + inner)
        if is_dict:
            out.append(_key(item[0], _flat(0)) + ": ")
        yield from _stream(item[1] if is_dict else item, depth + 1, out, chunk)
    out.append("\n" + _INDENT * depth + ("}" if is_dict else "]"))
