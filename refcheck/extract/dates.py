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
    r"(?:\s+(?:on|el|am|le))?\s*:?\s*"
    r"(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:de\s+)?[A-Za-zéûäç]{3,10}\.?\s+(?:de\s+)?\d{4}"
    r"|[A-Za-zéûäç]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|[A-Za-zéûäç]{3,10}\.?,?\s+\d{4})",
    re.IGNORECASE,
)
