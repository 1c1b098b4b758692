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


@pytest.mark.parametrize("module, inner, stage", [
    ("refcheck.net.run", "_probe", lambda m: m.probe_urls([], m.LinkRun())),
    ("refcheck.net.verify.run", "_verify", lambda m: m.verify_references([])),
])
def test_the_network_stages_collect(monkeypatch, collector_on, module, inner, stage):
    import importlib

    network = importlib.import_module(module)
    seen = []

    async def record(*args):
        seen.append(gc.isenabled())
        return {}

    monkeypatch.setattr(network, inner, record)
    with collect.paused():
        assert stage(network) == {}
    assert seen == [True]


@pytest.mark.parametrize("collector", [True, False])
def test_workers_collect_when_the_parent_does(tmp_path, collector):
    import subprocess
    import sys

    from ._cli import GOOD

    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    # spawned workers (macOS, Windows) start with the collector on: each says what it has
    # once set up; the parent sets its own state only under __main__, which they do not run
    code = (
        "import gc, multiprocessing\n"
        "from refcheck import pool\n"
        "set_up = pool._init_worker\n"
        "def probe(state):\n"
        "    set_up(state)\n"
        "    print('worker collector', gc.isenabled(), flush=True)\n"
        "pool._init_worker = probe\n"
        "if __name__ == '__main__':\n"
        f"    {'gc.enable' if collector else 'gc.disable'}()\n"
        "    multiprocessing.set_start_method('spawn')\n"
        "    from refcheck.api import check_paths\n"
        "    from refcheck.config import Config\n"
        "    print('files', len(check_paths(['a.md', 'b.md'], Config(), jobs=2).files))\n"
    )
    (tmp_path / "probe.py").write_text(code, encoding="utf-8")
    out = subprocess.run([sys.executable, "probe.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[-1] == "files 2"
    assert lines[:-1] and set(lines[:-1]) == {f"worker collector {collector}"}
