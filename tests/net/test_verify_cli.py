"""`refcheck check --verify` and `refcheck verify` end to end, against a local
stand-in for the registries (configured base URLs on 127.0.0.1)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from refcheck.cli import main

from .test_verify import RECORDS
from .verify_fake import Registry, serve

DOCUMENT = """Deep networks (Bengio, 2012), gates (Hochreiter, 1997), weaving (Smith, 2020) and news (Doe, 2023).

References
Bengio, Y. (2012). Deep learning. Nature, 521, 436-444. https://doi.org/10.1038/nature14539
Doe, J. (2023). Rail link opens to the coast. Retrieved from https://news.example.org/rail. Accessed on 02.03.2025.
Hochreiter, S., & Schmidhuber, J. (1997). Long short-term memory. Neural Computation, 9(8), 1735-1780.
Smith, J. (2020). A wholly invented study of quantum basket weaving. Journal of Imaginary Results, 12(3), 1-10.
"""


@pytest.fixture
def setup(tmp_path):
    registry = Registry(RECORDS)
    with serve(registry) as base:
        config = tmp_path / "refcheck.toml"
        config.write_text("\n".join([
            'mailto = "editor@example.org"',
            f'crossref-url = "{base}/crossref"', f'openalex-url = "{base}/openalex"', f'datacite-url = "{base}/datacite"',
            f'arxiv-url = "{base}/arxiv/api/query"', f'doi-url = "{base}/handles/api/handles"', ""]), encoding="utf-8")
        document = tmp_path / "doc.md"
        document.write_text(DOCUMENT, encoding="utf-8")
        yield registry, str(config), str(document), str(tmp_path / "cache")


def invoke(*args):
    return CliRunner().invoke(main, list(args))  # click >= 8.2: stdout and stderr apart


def test_check_verify_reports_and_summarises(setup):
    registry, config, document, cache = setup
    result = invoke("check", "--config", config, "--verify", "--cache-dir", cache, "--select", "RC5", "--fail-on", "info", document)
    lines = result.stdout.splitlines()
    assert [line.split(" ")[1] for line in lines[:-1]] == ["warning[RC504]", "info[RC508]", "warning[RC501]"]
    assert lines[0].startswith(f"{document}:4:1: warning[RC504] Bengio (2012): differs from Crossref's record for doi:10.1038/nature14539")
    assert result.stderr.splitlines()[-1] == "refcheck: verify: 1 verified, 1 mismatch, 1 not found, 1 cannot determine"
    assert result.exit_code == 1
    assert all("mailto:editor@example.org" in agent for agent in registry.user_agents)


def test_verify_strict_fails_on_cannot_determine(setup):
    _, config, document, cache = setup
    relaxed = invoke("check", "--config", config, "--verify", "--cache-dir", cache, "--select", "RC508", document)
    assert relaxed.exit_code == 0
    strict = invoke("check", "--config", config, "--verify-strict", "--cache-dir", cache, "--select", "RC508", document)
    assert strict.exit_code == 1 and strict.stdout.count("RC508") == 1
    assert strict.stderr.splitlines()[-1] == "refcheck: error: --verify-strict: 1 reference could not be verified"


def test_verify_command_table(setup):
    _, config, document, cache = setup
    result = invoke("verify", "--config", config, "--cache-dir", cache, document)
    out = result.stdout.splitlines()
    assert out[0] == f"{document}: 4 references"
    assert out[2].split() == ["REF", "LINE", "VERDICT", "SCORE", "SOURCE", "YEAR", "DOI", "RECORD"]
    assert out[4].split()[:7] == ["R1", "4", "mismatch", "0.70", "Crossref", "2015", "10.1038/nature14539"]
    assert out[5].strip().startswith("doi:10.1038/nature14539: title similarity 1.00; first author: 'Bengio' here, 'LeCun (Bengio is the 2nd")
    assert out[6].split()[:3] == ["R2", "5", "cannot"]
    assert out[-1] == "1 verified, 1 mismatch, 1 not found, 1 cannot determine"
    assert result.exit_code == 0  # RC504 and RC501 are warnings
    assert invoke("verify", "--config", config, "--cache-dir", cache, "--strict", document).exit_code == 1


def test_offline_nothing_fails(tmp_path):
    from refcheck.api import check_paths
    from refcheck.config import Config
    from refcheck.net.policy import Unresolvable
    from refcheck.output.verify_table import summary_line

    async def no_dns(host):
        raise Unresolvable("Name or service not known")

    document = tmp_path / "doc.md"
    document.write_text(DOCUMENT, encoding="utf-8")
    report = check_paths([str(document)], Config(verify=True, select=("RC5",)), resolver=no_dns)
    assert report.findings == [] and report.exit_code(Config().fail_on) == 0
    assert summary_line(report.files) == "0 verified, 0 mismatches, 0 not found, 4 cannot determine"
    assert {v.reason for v in report.files[0].verification.values()} == {"offline: no registry host name resolves"}


@pytest.mark.parametrize("line, message", [
    ("verify = 1", "verify must be true or false"), ('mailto = "nobody"', "mailto must be an e-mail address"),
    ('crossref-url = "ftp://x"', "crossref-url must be an http:// or https:// URL"),
])
def test_verify_config_is_validated(tmp_path, line, message):
    config = tmp_path / "refcheck.toml"
    config.write_text(line + "\n", encoding="utf-8")
    document = tmp_path / "doc.md"
    document.write_text(DOCUMENT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config", str(config), str(document)])
    assert result.exit_code == 2 and message in result.output
