from ..conftest import found, messages


def test_entry_without_year():
    text = """
    Security is interconnected (Lemon, 2018).

    References

    Lemon, Edward (2018). Critical approaches to security in Central Asia. Central Asian Survey, 37(1), 1-12.

    Critical approaches to security, Central Asian Survey.
    """
    assert found(text) == [(7, 1, "RC110")]
    assert messages(text, "RC110") == [
        'cannot read this entry (no year or date found): "Critical approaches to security, Central Asian Survey."'
    ]


def test_every_entry_is_kept():
    from ..conftest import run

    text = """
    References

    Lemon, Edward (2018). Critical approaches. Central Asian Survey.

    ???

    Yuneman, Roman (2023). Multi-vector policy. Russia in Global Affairs.
    """
    result = run(text)
    assert [r.raw for r in result.references] == [
        "Lemon, Edward (2018). Critical approaches. Central Asian Survey.",
        "???",
        "Yuneman, Roman (2023). Multi-vector policy. Russia in Global Affairs.",
    ]
