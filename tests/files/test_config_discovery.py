"""Each file's settings: the nearest settings file from its folder upwards, else the working directory's."""

from __future__ import annotations

import pytest

from refcheck.api import check_paths
from refcheck.config import Config, Finder, discover
from refcheck.errors import ConfigError

from ._docs import cli, codes, put


@pytest.fixture
def tree(tmp_path, monkeypatch):
    put(tmp_path, "refcheck.toml", 'ignore = ["RC102"]\n')
    put(tmp_path, "top.md")
    put(tmp_path, "a/refcheck.toml", 'select = ["RC102"]\n')
    put(tmp_path, "a/b/deep.md")
    put(tmp_path, "c/pyproject.toml", '[project]\nname = "x"\n')  # no [tool.refcheck]: passed over
    put(tmp_path, "c/other.md")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_nearest_settings_file_wins(tree):
    assert codes("top.md", "a/b/deep.md", "c/other.md") == [
        ("top.md", 1, "RC103"), ("a/b/deep.md", 7, "RC102"), ("c/other.md", 1, "RC103"),
    ]


def test_a_file_outside_the_tree_falls_back_to_the_working_directory(tree, tmp_path_factory):
    outside = put(tmp_path_factory.mktemp("elsewhere"), "far.md")
    assert codes(str(outside)) == [(str(outside), 1, "RC103")]  # RC102 ignored by ./refcheck.toml


def test_command_line_options_apply_to_every_file(tree):
    # --select replaces each file's select; ./refcheck.toml's ignore still wins for top.md
    assert codes("--select", "RC1", "top.md", "a/b/deep.md") == [
        ("top.md", 1, "RC103"), ("a/b/deep.md", 1, "RC103"), ("a/b/deep.md", 7, "RC102"),
    ]


def test_config_pins_one_file_for_all(tree):
    assert codes("--config", "a/refcheck.toml", "top.md") == [("top.md", 7, "RC102")]
    assert codes("--isolated", "a/b/deep.md") == [("a/b/deep.md", 1, "RC103"), ("a/b/deep.md", 7, "RC102")]


def test_finder_caches_per_folder(tree):
    finder = Finder(discover(str(tree)))
    first = finder.for_path("a/b/deep.md")
    assert finder.for_path("a/b/other.md") is first
    assert finder.for_path("a/x.md") is first
    assert first.source == str(tree / "a" / "refcheck.toml")
    assert finder.for_path("top.md") is finder.base


def test_api_per_file(tree):
    base = discover(str(tree))
    report = check_paths(["top.md", "a/b/deep.md"], base, configs=Finder(base))
    assert [(f.path, f.code) for f in report.findings] == [("top.md", "RC103"), ("a/b/deep.md", "RC102")]


def test_a_broken_nested_settings_file_is_an_error(tree):
    put(tree, "a/b/refcheck.toml", "style = 3\n")
    result = cli("check", "a/b/deep.md")
    assert result.exit_code == 2
    assert result.stderr == f"refcheck: error: {tree / 'a' / 'b' / 'refcheck.toml'}: style: unknown style 3 (use one of apa7, apa6, harvard, chicago, abnt, auto)\n"


def row(text: str, origin: str) -> str:
    return f"{text.ljust(48)}  # {origin}"


def test_refcheck_config_shows_values_and_origins(tree):
    put(tree, "a/refcheck.toml", 'select = ["RC102"]\n[links]\nconcurrency = 5\n[severity]\nRC102 = "error"\n')
    result = cli("config", "a/b/deep.md")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:3] == ["# settings for a/b/deep.md", "# from a/refcheck.toml", row('style = "auto"', "default")]
    assert row('select = ["RC102"]', "a/refcheck.toml") in lines
    assert row('severity = { RC102 = "error" }', "a/refcheck.toml") in lines
    assert row("links.concurrency = 5", "a/refcheck.toml") in lines
    assert row("links.host-concurrency = 10", "default") in lines
    assert row("# links.url-deadline not set: 30", "default") in lines
    assert len(lines) == 2 + 27  # every key


def test_show_settings_marks_command_line_options(tree):
    result = cli("check", "--show-settings", "--style", "harvard", "top.md")
    assert result.exit_code == 0
    assert row('style = "harvard"', "command line") in result.stdout.splitlines()
    assert row('ignore = ["RC102"]', "refcheck.toml") in result.stdout.splitlines()


def test_links_section_and_deprecated_top_level_keys(tmp_path):
    put(tmp_path, "refcheck.toml", 'concurrency = 3\nexclude = ["^https://intranet\\\\."]\n[per-file-ignores]\n"x/*.md" = ["RC1"]\n')
    from refcheck.config import load

    config = load(str(tmp_path / "refcheck.toml"))
    assert (config.concurrency, config.exclude) == (3, ("^https://intranet\\.",))
    assert config.notes == (f"{tmp_path / 'refcheck.toml'}: exclude, concurrency belong in the [links] section now "
                            "(read from the top level for now; this will stop working)",)
    put(tmp_path, "refcheck.toml", '[links]\nenabled = true\nconcurrency = 3\nexclude = ["^https://intranet"]\n')
    config = load(str(tmp_path / "refcheck.toml"))
    assert (config.links, config.concurrency, config.exclude, config.notes) == (True, 3, ("^https://intranet",), ())


def test_deprecation_note_on_stderr(tmp_path, monkeypatch):
    put(tmp_path, "refcheck.toml", "allow-private = true\n")
    put(tmp_path, "doc.md")
    monkeypatch.chdir(tmp_path)
    result = cli("check", "--format", "json", "doc.md")
    assert result.stderr == (f"refcheck: note: {tmp_path / 'refcheck.toml'}: allow-private belongs in the [links] "
                             "section now (read from the top level for now; this will stop working)\n")


@pytest.mark.parametrize("text, problem", [
    ("[links]\nspeed = 1\n", "unknown key 'speed' in [links] (known: enabled, exclude, allow-private, user-agent, "
                             "cache-ttl, concurrency, host-concurrency, url-deadline, link-deadline)"),
    ("concurrency = 2\n[links]\nconcurrency = 3\n", "concurrency is set both at the top level and in [links]; keep the [links] one"),
    ("links = \"yes\"\n", "links must be true or false (or a [links] table)"),
    ("[links]\nenabled = 1\n", "links.enabled must be true or false"),
    ("per-file-ignores = [\"a\"]\n", 'per-file-ignores must be a table of "GLOB" = ["CODE", ...]'),
    ("[per-file-ignores]\n\"*.md\" = [\"RC9\"]\n", "per-file-ignores: *.md: unknown rule code, prefix or name 'RC9' (see `refcheck rules`)"),
    ("extend-exclude = [1]\n", "extend-exclude: expected a list of path globs (gitignore syntax)"),
    ("respect-gitignore = \"no\"\n", "respect-gitignore must be true or false"),
])
def test_bad_new_keys(tmp_path, text, problem):
    from refcheck.config import load

    put(tmp_path, "refcheck.toml", text)
    with pytest.raises(ConfigError) as caught:
        load(str(tmp_path / "refcheck.toml"))
    assert str(caught.value) == f"{tmp_path / 'refcheck.toml'}: {problem}"


def test_per_file_ignores(tmp_path, monkeypatch):
    put(tmp_path, "refcheck.toml", '[per-file-ignores]\n"drafts/**" = ["RC103"]\n"*.txt" = ["RC102"]\n')
    put(tmp_path, "drafts/one.md")
    put(tmp_path, "two.txt")
    put(tmp_path, "three.md")
    monkeypatch.chdir(tmp_path)
    assert codes(".") == [("./three.md", 1, "RC103"), ("./three.md", 7, "RC102"), ("./two.txt", 1, "RC103"),
                          ("./drafts/one.md", 7, "RC102")]


def test_config_pickles_for_worker_processes():
    import pickle
    from types import MappingProxyType

    from refcheck.findings import Severity

    config = Config(severity=MappingProxyType({"RC102": Severity.ERROR}), per_file_ignores=(("*.md", ("RC1",)),))
    copy = pickle.loads(pickle.dumps(config))
    assert copy == config and isinstance(copy.severity, MappingProxyType)


def test_show_settings_with_a_broken_file(tree):
    put(tree, "a/b/refcheck.toml", "nonsense = 1\n")
    result = cli("check", "--show-settings", "a/b/deep.md")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"refcheck: error: {tree / 'a' / 'b' / 'refcheck.toml'}: unknown key 'nonsense'")
