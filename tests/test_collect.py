"""The command runs without cycle collection, except where cycles are made."""

from __future__ import annotations

import gc

import pytest

from refcheck import collect
from refcheck.rules import REGISTRY

from ._cli import cli, write


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.mark.parametrize("start", [True, False])
def test_paused_and_collecting_give_back_the_state_they_found(start):
    was = gc.isenabled()
    (gc.enable if start else gc.disable)()
    try:
        with collect.paused():
            assert not gc.isenabled()
            with collect.collecting():
                assert gc.isenabled()
            assert not gc.isenabled()
        assert gc.isenabled() is start
        with pytest.raises(KeyError), collect.collecting():
            raise KeyError("x")
        assert gc.isenabled() is start
    finally:
        (gc.enable if was else gc.disable)()


def test_collecting_runs_rarely_and_gives_back_the_thresholds():
    was, thresholds = gc.isenabled(), gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        gc.disable()
        with collect.collecting():
            assert gc.isenabled() and gc.get_threshold() == collect.THRESHOLDS == (100_000, 50, 100)
        assert not gc.isenabled() and gc.get_threshold() == (700, 10, 10)
        gc.enable()
        gc.set_threshold(500, 5, 5)
        with collect.collecting():  # on already: the caller's own settings stay
            assert gc.isenabled() and gc.get_threshold() == (500, 5, 5)
    finally:
        gc.set_threshold(*thresholds)
        (gc.enable if was else gc.disable)()


def test_the_command_collects_while_reading_and_not_while_checking(tmp_path, monkeypatch, collector_on):
    import refcheck.readers as readers

    seen = {}
    read = readers.read_source
    rule = REGISTRY["RC103"].check

    def reading(*args, **kwargs):
        seen["reading"] = gc.isenabled()
        return read(*args, **kwargs)

    def checking(ctx):
        seen["checking"] = gc.isenabled()
        return rule(ctx)

    monkeypatch.setattr(readers, "read_source", reading)
    monkeypatch.setattr(REGISTRY["RC103"], "check", checking)
    result = cli("check", "--isolated", str(write(tmp_path)))
    assert result.exit_code == 0
    assert seen == {"reading": True, "checking": False}
    assert gc.isenabled()  # the caller's state, back


def test_the_link_stage_collects(monkeypatch, collector_on):
    from refcheck.net import run as net_run

    seen = []

    async def probe(*args):
        seen.append(gc.isenabled())
        return {}

    monkeypatch.setattr(net_run, "_probe", probe)
    with collect.paused():
        assert net_run.probe_urls([], net_run.LinkRun()) == {}
    assert seen == [True]
