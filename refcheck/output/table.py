"""`refcheck refs`: the references and citations refcheck understood, as tables."""

from __future__ import annotations

from ..findings import FileResult
from ..rules.base import plural
from .escape import printable


def _table(headers: list[str], rows: list[list[str]], widths: list[int]) -> list[str]:
    def cut(text: str, width: int) -> str:
        text = printable(" ".join(text.split()))
        return text if len(text) <= width else text[: width - 1] + "…"

    lines = ["  ".join(cut(h, w).ljust(w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(cut(c, w).ljust(w) for c, w in zip(row, widths)).rstrip())
    return lines


def render_understanding(result: FileResult) -> str:
    cited_by: dict[str, list[str]] = {}
    for cid, rid in sorted(result.links.items(), key=lambda kv: int(kv[0][1:])):
        cited_by.setdefault(rid, []).append(cid)
    out = [f"{printable(result.path)}: {plural(len(result.references), 'reference')}, {plural(len(result.citations), 'citation')} (style {result.style})", ""]
    if not result.section_found:
        out += ["No reference list found.", ""]
    ref_rows = []
    for ref in result.references:
        authors = "; ".join(f"{a.family}, {a.given}" if a.given else a.family for a in ref.authors)
        if ref.et_al:
            authors += " et al."
        if ref.corporate:
            authors += " [corporate]"
        line, col = result.positions[ref.id]
        ref_rows.append([
            ref.id, f"{line}", authors or "?", f"{ref.year or '?'}{ref.year_suffix}",
            ref.title or (f"! {ref.problem}" if ref.problem else ""), ", ".join(cited_by.get(ref.id, [])) or "-",
        ])
    out += _table(["REF", "LINE", "AUTHORS", "YEAR", "TITLE", "CITED BY"], ref_rows, [5, 5, 34, 8, 44, 14])
    out.append("")
    cit_rows = []
    for cit in result.citations:
        line, col = result.positions[cit.id]
        kind = result.link_kinds.get(cit.id, "none")
        target = result.links.get(cit.id, "-")
        cit_rows.append([cit.id, f"{line}:{col}", cit.text, cit.form, f"{target} ({kind})" if kind != "exact" else target])
    out += _table(["CIT", "AT", "TEXT", "FORM", "REFERENCE"], cit_rows, [6, 9, 48, 13, 18])
    return "\n".join(out) + "\n"
