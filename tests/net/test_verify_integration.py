"""--verify against a real HTTP server on 127.0.0.1 standing in for every registry."""

from __future__ import annotations

from refcheck.api import extract
from refcheck.extract.identifiers import key
from refcheck.net.verify.run import VerifyRun, verify_references
from refcheck.readers import read_bytes

from .test_verify import RECORDS, Sleeps
from .verify_fake import Registry, serve, settings

DOCUMENT = """Text.

References
LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature, 521(7553), 436-444. https://doi.org/10.1038/nature14539
Smith, J. (2019). Fast methods for sparse graphs. Journal of Graphs, 3(2), 1-9. https://doi.org/10.1162/neco.1997.9.8.1735
Hochreiter, S., & Schmidhuber, J. (1997). Long short-term memory. Neural Computation, 9(8), 1735-1780.
Smith, J. (2020). A wholly invented study of quantum basket weaving. Journal of Imaginary Results, 12(3), 1-10.
Wakefield, A. J. (1998). Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children. The Lancet, 351, 637-641. https://doi.org/10.1016/S0140-6736(97)11096-0
Devlin, J., & Chang, M.-W. (2018). BERT: Pre-training of deep bidirectional transformers for language understanding. arXiv:1810.04805
"""


def run(registry: Registry, tmp_path):
    refs = extract(read_bytes("doc.md", DOCUMENT.encode(), "md")).references
    with serve(registry) as base:
        verdicts = verify_references(refs, VerifyRun(settings(base, timeout=5.0), cache_dir=str(tmp_path)), sleep=Sleeps())
    return [verdicts[key(r)] for r in refs]


def test_every_verdict_over_http(tmp_path):
    registry = Registry(RECORDS, {"datacite": "busy-once"})
    verdicts = run(registry, tmp_path)
    assert [v.status for v in verdicts] == ["verified", "conflict", "verified", "not-found", "verified", "verified"]
    assert verdicts[2].suggest_doi == "10.1162/neco.1997.9.8.1735"
    assert verdicts[4].work.retracted and verdicts[5].work.published_doi == "10.18653/v1/n19-1423"
    assert sum(1 for s in registry.seen if s.startswith("datacite")) == 3  # one 429, then both searches
    again = Registry(RECORDS)
    assert [v.status for v in run(again, tmp_path)] == [v.status for v in verdicts]
    assert again.seen == []  # everything from the cache


def test_a_registry_that_refuses_connections(tmp_path):
    verdicts = run(Registry(RECORDS, {"openalex": "refused", "crossref": "refused"}), tmp_path)
    assert [v.status for v in verdicts] == ["undetermined", "undetermined", "undetermined", "undetermined", "undetermined",
                                            "verified"]
    assert verdicts[3].reason.startswith("no confident match; Crossref: ")
    assert "not-found" not in [v.status for v in verdicts]
