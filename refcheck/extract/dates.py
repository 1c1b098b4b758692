"""Calendar dates as reference lists write them, to ISO 8601."""

from __future__ import annotations

import datetime as _dt
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "enero", "janvier", "januar", "janeiro"),
            ("february", "feb", "febrero", "février", "fevrier", "februar", "fevereiro"),
            ("march", "mar", "marzo", "mars", "märz", "marz", "março"),
            ("april", "apr", "abril", "avril"),
            ("may", "mayo", "mai", "maio"),
            ("june", "jun", "junio", "juin", "juni", "junho"),
            ("july", "jul", "julio", "juillet", "juli", "julho"),
            ("august", "aug", "agosto", "août", "aout"),
            ("september", "sep", "sept", "septiembre", "septembre", "setembro"),
            ("october", "oct", "octubre", "octobre", "oktober", "outubro"),
            ("november", "nov", "noviembre", "novembre", "novembro"),
            ("december", "dec", "diciembre", "décembre", "decembre", "dezember", "dezembro"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-zéûäç]{3,10})\.?"
_PATTERNS = (
    re.compile(r"^(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})$"),
    re.compile(r"^(?P<day>\d{1,2})[./](?P<mnum>\d{1,2})[./](?P<year>\d{4})$"),
    re.compile(rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?(?P<year>\d{{4}})$"),
    re.compile(rf"^{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})$"),
    re.compile(rf"^{_MONTH},?\s+(?P<year>\d{{4}})$"),
)


def parse_date(text: str) -> str | None:
    """``28.12.2024`` -> ``2024-12-28``; ``November 2023`` -> ``2023-11``.

    Slash dates are read day first only when that is unambiguous or the other
    reading is impossible; an ambiguous ``1/6/2011`` gives ``None``.
    """
    text = text.strip().rstrip(".,)")
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        parts = match.groupdict()
        year = int(parts["year"])
        if parts.get("month"):
            month = MONTHS.get(parts["month"].lower().rstrip("."))
            if month is None:
                return None
        else:
            month = int(parts["mnum"])
        day = int(parts["day"]) if parts.get("day") else None
        if "/" in text and day is not None and day <= 12 and month <= 12 and day != month:
            return None  # 1/6/2011: January 6 or 1 June?
        if "/" in text and month > 12 and day is not None and day <= 12:
            day, month = month, day  # month/day/year
        try:
            if day is None:
                _dt.date(year, month, 1)
                return f"{year:04d}-{month:02d}"
            return _dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    return None


# "Accessed on 24.06.2025", "(Accessed: 28 November 2023)", "Retrieved June 3, 2024, from",
# "downloaded on 1/6/2011", "consultado el 3 de junio de 2024", "abgerufen am 3.6.2024"
ACCESS_RE = re.compile(
    r"(?:accessed|retrieved|downloaded|viewed|consulted|last\s+visited|consultado|abgerufen|consulté)"
    r"(?:\s+(?:on|el|am|le))?\s*(?::\s*)?"  # not "\s*:?\s*": two ways to split every run of spaces
    r"(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:de\s+)?[A-Za-zéûäç]{3,10}\.?\s+(?:de\s+)?\d{4}"
    r"|[A-Za-zéûäç]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|[A-Za-zéûäç]{3,10}\.?,?\s+\d{4})",
    re.IGNORECASE,
)


_SEASON = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "spring": (3, 5), "summer": (6, 8),
           "autumn": (9, 11), "fall": (9, 11), "winter": (12, 12)}
_MONTH_NAMES = "|".join(sorted((m for m in MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True))
_CLAIM = re.compile(
    rf"\b(?:(?P<month>{_MONTH_NAMES})\.?\s+(?:(?P<day>\d{{1,2}}),?\s+)?(?P<year>(?:19|20)\d\d)"
    rf"|(?P<season>early|mid|late|spring|summer|autumn|fall|winter)[\s-]+(?:of\s+)?(?P<syear>(?:19|20)\d\d)"
    rf"|(?P<pyear>(?:19|20)\d\d)\s+(?P<pmonth>{_MONTH_NAMES})(?:\s?[-\u2013]\s?(?P<pend>{_MONTH_NAMES}))?)\b",
    re.IGNORECASE,
)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(\d{1,2})(?:/|$)|[/-]((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?:\D|$)")


def claimed_dates(text: str) -> list[tuple[int, int, int, int, int, str]]:
    """Dated claims: (start, end, year, first month, last month, text) for
    "May 2022", "January 5, 2022", "early 2024", "mid-2020"."""
    out = []
    for m in _CLAIM.finditer(text):
        if m.group("month"):
            month = MONTHS[m.group("month").lower()]
            out.append((m.start(), m.end(), int(m.group("year")), month, month, m.group(0)))
        elif m.group("pmonth"):  # "2023 January-August"
            first = MONTHS[m.group("pmonth").lower()]
            last = MONTHS[m.group("pend").lower()] if m.group("pend") else first
            out.append((m.start(), m.end(), int(m.group("pyear")), first, last, m.group(0)))
        else:
            first, last = _SEASON[m.group("season").lower()]
            out.append((m.start(), m.end(), int(m.group("syear")), first, last, m.group(0)))
    return out


def url_date(url: str) -> tuple[int, int] | None:
    """(year, month) from a dated URL path: ``/2024/11/``, ``...-2022-6-20-0/``."""
    m = _URL_DATE.search(url)
    if not m:
        return None
    year, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    if not 1 <= int(month) <= 12:
        return None
    return int(year), int(month)
