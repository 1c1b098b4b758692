"""model.Derived: a result's tables are worked out when first read, and behave as dicts."""

from __future__ import annotations

import pickle

from refcheck.api import check_text
from refcheck.model import Derived, plain


def test_a_derived_table_is_made_once_and_only_when_read():
    calls = []

    def make():
        calls.append(1)
        return {"C1": "R1", "C2": "R2"}

    table = Derived(make)
    assert calls == []
    assert table["C1"] == "R1" and table.get("C3") is None and "C2" in table and "R9" not in table
    assert list(table) == ["C1", "C2"] and len(table) == 2 and dict(table.items()) == {"C1": "R1", "C2": "R2"}
    assert table == {"C1": "R1", "C2": "R2"} and {"C1": "R1", "C2": "R2"} == table
    assert repr(table) == "{'C1': 'R1', 'C2': 'R2'}"
    assert calls == [1]
    assert plain(table) is table.as_dict() and plain({"a": 1}) == {"a": 1}
    copied = pickle.loads(pickle.dumps(table))  # --jobs sends results between processes
    assert type(copied) is dict and copied == {"C1": "R1", "C2": "R2"}


def test_a_result_links_its_citations_as_before():
    result = check_text("Trade (Lemon, 2018; Lemon, 2019; Ito, 2001).\n\nReferences\n\n"
                        "Lemon, A. (2018). Trade. Journal, 3(1), 1-9.\n\nKahn, B. (2001). Water. Journal, 4, 2-3.\n")
    assert dict(result.links) == {"C1": "R1", "C2": "R1"}  # C2 by its year (RC103); C3 matches none
    assert dict(result.link_kinds) == {"C1": "exact", "C2": "year", "C3": "none"}
