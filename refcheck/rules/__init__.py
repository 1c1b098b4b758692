"""The rules: one module per rule, and the registry that maps codes to them.

A rule module defines ``CODE``, ``NAME``, ``DEFAULT_SEVERITY`` and
``check(ctx) -> Iterator[Problem]``; its docstring is its documentation, in
the sections What it does / Why is this bad? / Example / Fix.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

# The explicit registry: one module per rule, in code order.
RULE_MODULES = (
    "rc100_no_reference_list",
    "rc101_cited_not_listed",
    "rc102_listed_not_cited",
    "rc103_year_mismatch",
    "rc104_author_mismatch",
    "rc105_et_al_mismatch",
    "rc106_year_suffix",
    "rc107_duplicate_reference",
    "rc108_reference_order",
    "rc109_citation_form",
    "rc110_unparsed_reference",
    "rc111_style_mismatch",
    "rc112_unreliable_reading",
    "rc114_key_year_mismatch",
    "rc115_unreadable_source",
    "rc116_edited_citation_field",
    "rc201_incomplete_reference",
    "rc202_access_date",
    "rc203_url_date_mismatch",
    "rc204_title_url_mismatch",
    "rc205_reference_typography",
    "rc206_url_noise",
    "rc301_figure_mismatch",
    "rc302_date_mismatch",
    "rc401_link_dead",
    "rc402_link_error",
    "rc403_link_unverifiable",
    "rc404_link_redirected",
    "rc405_link_not_probed",
    "rc406_page_title_drift",
    "rc501_work_not_found",
    "rc502_identifier_conflict",
    "rc503_identifier_not_registered",
    "rc504_metadata_mismatch",
    "rc505_retracted",
    "rc506_correction_or_concern",
    "rc507_preprint_published",
    "rc508_doi_available",
    "rc509_identifier_malformed",
)

REGISTRY: dict[str, ModuleType] = {
    module.CODE: module for module in (import_module(f".{name}", __name__) for name in RULE_MODULES)
}

SECTIONS = ("What it does", "Why is this bad?", "Example", "Fix")


def doc_sections(module: ModuleType) -> dict[str, str]:
    """Split a rule's docstring into its ``## Title`` sections."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in (module.__doc__ or "").splitlines():
        if line.startswith("## ") and line[3:].strip() in SECTIONS:
            current = sections.setdefault(line[3:].strip(), [])
        elif current is not None:
            current.append(line)
    return {title: "\n".join(lines).strip("\n") for title, lines in sections.items()}


def summary(module: ModuleType) -> str:
    """The first line of a rule's docstring."""
    return (module.__doc__ or "").strip().splitlines()[0]


def example(module: ModuleType) -> str:
    """The example document of a rule: the indented block of its Example section."""
    import textwrap

    block = [line for line in doc_sections(module).get("Example", "").splitlines() if line.startswith("    ") or not line.strip()]
    return textwrap.dedent("\n".join(block)).strip("\n") + "\n"
