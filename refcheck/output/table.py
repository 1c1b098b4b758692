"""`refcheck refs`: the references and citations refcheck understood, as tables."""

from __future__ import annotations

from ..extract.urls import reference_urls
from ..findings import FileResult
from ..rules.base import plural
from .escape import printable

GAP = 2  # spaces between columns


def fit(widths: list[int], flexible: list[int], total: int | None, least: int = 8) -> list[int]:
    """Column widths that fit in ``total`` characters: the ``flexible`` columns
    (indexes) give up width, widest first, down to ``least`` each; None or a
    wide terminal keeps ``widths``."""
    widths = list(widths)
    if total is None:
        return widths
    excess = sum(widths) + GAP * (len(widths) - 1) - total
    while excess > 0:
        column = max(flexible, key=lambda i: widths[i])
        if widths[column] <= least:
            break
        widths[column] -= 1
        excess -= 1
    return widths


def _table(headers: list[str], rows: list[list[str]], widths: list[int]) -> list[str]:
    def cut(text: str, width: int) -> str:
        text = printable(" ".join(text.split()))
        return text if len(text) <= width else text[: width - 1] + "…"

    lines = ["  ".join(cut(h, w).ljust(w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(cut(c, w).ljust(w) for c, w in zip(row, widths)).rstrip())
    return lines


def _link_rows(result: FileResult) -> list[list[str]]:
    rows = []
    for ref in result.references:
        for url in reference_urls(ref):
            status = (result.link_status or {}).get(url)
            if status is None:
                continue
            http = str(status.http_status) if status.http_status else "-"
            detail = status.final_url if status.status == "redirected" and status.final_url else (status.reason or "")
            rows.append([ref.id, status.status, http, url, detail])
    return rows


def render_understanding(result: FileResult, width: int | None = None) -> str:
    """The references, the citations and (when probed) the links of one file,
    as tables that fit in ``width`` characters (None: the natural widths)."""
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
    out += _table(["REF", "LINE", "AUTHORS", "YEAR", "TITLE", "CITED BY"], ref_rows, fit([5, 5, 34, 8, 44, 14], [2, 4, 5], width))
    out.append("")
    cit_rows = []
    for cit in result.citations:
        line, col = result.positions[cit.id]
        kind = result.link_kinds.get(cit.id, "none")
        target = result.links.get(cit.id, "-")
        cit_rows.append([cit.id, f"{line}:{col}", cit.text, cit.form, f"{target} ({kind})" if kind != "exact" else target])
    out += _table(["CIT", "AT", "TEXT", "FORM", "REFERENCE"], cit_rows, fit([6, 9, 48, 13, 18], [2, 4], width))
    if result.link_status is not None:
        out.append("")
        rows = _link_rows(result)
        out += _table(["REF", "STATUS", "HTTP", "URL", "DETAIL"], rows, fit([5, 12, 4, 56, 30], [3, 4], width)) if rows else ["No links."]
    return "\n".join(out) + "\n"
