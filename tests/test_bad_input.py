"""Bad input gets a one-line error (exit 2) or a finding; never a traceback or a hang."""

from __future__ import annotations

import time

from click.testing import CliRunner

from refcheck.api import check_paths
from refcheck.cli import main


def run(*args):
    return CliRunner().invoke(main, ["check", "--isolated", *args])


def test_empty_file(tmp_path):
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    result = run(str(path))
    assert result.exit_code == 0
    assert result.output == "No problems found (1 file, 0 references, 0 citations).\n"


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = run(str(path))
    assert result.exit_code == 2
    assert result.stderr == f"refcheck: error: {path}: binary data, not a text document\n"


def test_invalid_utf8_is_decoded_not_fatal(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Sécurité (Müller, 2020).\n\nReferences\nMüller, Karl (2020). Grenzen. Zeitschrift.\n".encode("cp1252"))
    (result,) = check_paths([str(path)]).files
    assert [r.authors[0].family for r in result.references] == ["Müller"]
    assert result.links == {"C1": "R1"}


def test_utf8_bom_crlf_and_utf16(tmp_path):
    text = "Security (Lemon, 2018).\r\n\r\nReferences\r\nLemon, Edward (2018). Critical approaches. Survey.\r\n"
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    utf16 = tmp_path / "wide.txt"
    utf16.write_bytes(text.encode("utf-16"))
    for path in (bom, utf16):
        (result,) = check_paths([str(path)]).files
        assert result.links == {"C1": "R1"}
        assert result.positions["R1"] == (4, 1)
        assert result.findings == []


def test_folder_with_nothing_supported(tmp_path):
    (tmp_path / "a.odt").write_bytes(b"PK")
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"refcheck: error: {tmp_path}: no supported documents in this folder")


def test_one_bad_file_does_not_hide_the_others(tmp_path):
    good = tmp_path / "good.md"
    good.write_text("Security (Lemon, 2019).\n\nReferences\nLemon, Edward (2018). Critical approaches. Survey.\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    result = run(str(good), str(bad))
    assert result.exit_code == 2
    assert "RC103" in result.stdout
    assert result.stderr == f"refcheck: error: {bad}: binary data, not a text document\n"


def test_no_reference_list_is_a_finding_and_exit_follows_fail_on(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text("Security is interconnected (Lemon, 2018).\n", encoding="utf-8")
    assert run(str(path)).exit_code == 0
    assert run("--fail-on", "warning", str(path)).exit_code == 1


def test_fifty_megabyte_single_line(tmp_path):
    path = tmp_path / "huge.txt"
    chunk = "(Smith, 2019; see (((( ]][[ Lemon 2018 -- et al. ((1990-1995)) " * 16
    path.write_text(chunk * (50 * 1024 * 1024 // len(chunk)), encoding="utf-8")
    start = time.perf_counter()
    report = check_paths([str(path)])
    elapsed = time.perf_counter() - start
    assert report.errors == []
    assert elapsed < 60
