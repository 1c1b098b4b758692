"""Figures in text: money, percentages, scaled counts, with spans and context.

``$2.5 billion``, ``US$2.5bn``, ``USD 2.5 billion``, ``€3m``, ``1.2 trillion tenge``,
``11.6%``, ``7 percent``, ``73,000 businesses``, ``1.2 million``, and the slug
forms of URLs and titles (``1-5-billion``, ``7-percent``). Each figure keeps its
qualifier ("roughly", "up to", "over") and its role: a ``share`` ("2% of GDP"),
a ``change`` ("up 9%", "rising by 7%") or a plain ``level``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "millions": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "billions": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
    "trillions": 1e12, "thousands": 1e3,
}
CURRENCY_SYMBOLS = {
    "us$": "USD", "$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "JPY", "jpy": "JPY", "₸": "KZT", "kzt": "KZT", "₽": "RUB", "rub": "RUB", "cny": "CNY",
    "rmb": "CNY", "₹": "INR", "inr": "INR",
}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
    "yen": "JPY", "tenge": "KZT", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "usd": "USD", "eur": "EUR",
    "kzt": "KZT", "som": "KGS", "manat": "AZN",
}
QUALIFIERS = ("roughly", "about", "around", "approximately", "nearly", "almost", "some", "over",
              "more than", "up to", "at least", "less than", "under", "below", "above", "close to", "circa", "c.")
_CHANGE_WORDS = ("increase", "increased", "increasing", "rise", "rising", "rose", "grow", "grew", "growth",
                 "growing", "higher", "lower", "up", "down", "decline", "declined", "fall", "fell", "drop",
                 "dropped", "cut", "boost", "jump", "jumped", "surge", "gain", "compared", "more", "less")

_NUMBER = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+,\d{1,2}(?=\s*(?:%|percent|bn|billion|million|trillion|m\b))|\d+(?:\.\d+)?"
)
_SCALE = r"thousands?|millions?|billions?|trillions?|bn|mn|mln|trn|tn|k|m|b"
_SYMBOL = r"US\$|\$|€|£|¥|₸|₽|₹|(?:USD|EUR|GBP|JPY|KZT|RUB|CNY|RMB|INR)\s?"
_WORDS = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))
_FIGURE = re.compile(
    rf"(?P<sym>{_SYMBOL})\s?(?P<n1>{_NUMBER})(?:\s?(?P<s1>{_SCALE})\b)?"
    rf"|(?P<n2>{_NUMBER})(?:\s?(?P<s2>{_SCALE})\b)?\s?(?:(?P<pct>%|\s?percent\b|\s?per\s?cent\b|\s?pct\b)|\s?(?P<cur>{_WORDS})\b)?",
    re.IGNORECASE,
)
# The low end starts a run of digits, or is "234,567" inside "1234,567": from
# anywhere else in a run it reads no differently, and trying every digit of a
# long run was quadratic.
_RANGE = re.compile(
    rf"(?P<sym>{_SYMBOL})?\s?(?:(?<!\d)|(?=\d{{1,3}},\d))(?P<lo>{_NUMBER})\s?(?:[-\u2013\u2014]|to)\s?(?:{_SYMBOL})?(?P<hi>{_NUMBER})"
    rf"(?:\s?(?P<s>{_SCALE})\b)?\s?(?:(?P<pct>%|percent\b)|(?P<cur>{_WORDS})\b)?",
    re.IGNORECASE,
)
_SLUG = re.compile(
    r"(?<!\d)(?<!\d-)(\d+)-(\d+)-(billion|million|trillion|percent)\b|(?<!\d)(?<!\d-)(\d+)-(percent|billion|million|trillion)\b",
    re.IGNORECASE,
)


_DIGIT = re.compile(r"\d")  # every figure holds one: a text without is read no further
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_OF = re.compile(r"\s+of\b")
_WORD = re.compile(r"[a-z]+")
_CHANGE_AFTER = re.compile(r"\s+(?:higher|lower|more|less|increase|rise|growth|up|down)\b")


@dataclass(frozen=True, slots=True)
class Figure:
    kind: str  # "money" | "percent" | "count"
    value: float
    unit: str  # currency code, "%" or ""
    text: str
    start: int
    end: int
    precision: float  # half of this is the rounding tolerance
    qualifier: str = ""
    role: str = "level"  # "level" | "share" | "change"
    high: float | None = None  # the upper end of a range ("$1-2 billion")


def _number(text: str) -> tuple[float, float]:
    """Value and precision (one unit of the last written digit)."""
    if _DECIMAL_COMMA.fullmatch(text):  # decimal comma
        text = text.replace(",", ".")
    text = text.replace(",", "")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return float(text), 10.0 ** -decimals


def _role(text: str, start: int, end: int, kind: str) -> str:
    after = text[end:end + 12].lower()
    before = text[max(0, start - 40):start].lower()
    qualifier = _qualifier(text, start)
    if qualifier:  # "up to" qualifies the figure; it is not a change
        before = before.rstrip()[: -len(qualifier)]
    if kind == "percent" and _OF.match(after):
        return "share"
    words = _WORD.findall(before)[-4:]
    if any(w in _CHANGE_WORDS for w in words) or _CHANGE_AFTER.match(after):
        return "change"
    return "level"


def _qualifier(text: str, start: int) -> str:
    before = text[max(0, start - 20):start].lower().rstrip()
    for word in QUALIFIERS:
        if before.endswith(word):
            return word
    return ""


def _slug_figures(text: str) -> list[Figure]:
    found = []
    for m in _SLUG.finditer(text):
        if m.group(1):
            value, precision = float(f"{m.group(1)}.{m.group(2)}"), 10.0 ** -len(m.group(2))
            word = m.group(3).lower()
        else:
            value, precision = float(m.group(4)), 1.0
            word = m.group(5).lower()
        if word == "percent":
            kind, unit, scale = "percent", "%", 1.0
        else:
            kind, unit, scale = "money" if text[max(0, m.start() - 1):m.start()] == "$" else "count", "", SCALES[word]
        found.append(Figure(kind, value * scale, unit, m.group(0), m.start(), m.end(), precision * scale,
                            "", _role(text, m.start(), m.end(), kind)))
    return found


def _kind(symbol: str | None, currency: str | None, percent: str | None, scale_word: str) -> tuple[str, str] | None:
    """(kind, unit) of a figure, or None for a bare number (a year, a page)."""
    if symbol:
        return "money", CURRENCY_SYMBOLS.get(symbol.strip().lower(), "")
    if currency:
        return "money", CURRENCY_WORDS[currency.lower()]
    if percent:
        return "percent", "%"
    if len(scale_word) > 1:  # "1.2 million"; a lone m/b/k needs a currency
        return "count", ""
    return None


def _ranges(text: str) -> list[Figure]:
    found = []
    for m in _RANGE.finditer(text):
        scale_word = (m.group("s") or "").lower()
        what = _kind(m.group("sym"), m.group("cur"), m.group("pct"), scale_word)
        if what is None:
            continue  # "2018-2020", "pp. 3-5"
        kind, unit = what
        scale = SCALES.get(scale_word, 1.0)
        low, low_precision = _number(m.group("lo"))
        high, high_precision = _number(m.group("hi"))
        if high <= low:
            continue
        start, end = m.start(), m.start() + len(m.group(0).rstrip())
        found.append(Figure(kind, low * scale, unit, text[start:end], start, end, max(low_precision, high_precision) * scale,
                            _qualifier(text, start), _role(text, start, end, kind), high * scale))
    return found


def figures(text: str) -> list[Figure]:
    """All money amounts, percentages and scaled counts in ``text``."""
    if not _DIGIT.search(text):
        return []
    found = _slug_figures(text) if "-" in text else []
    if any(c in text for c in "-\u2013\u2014") or " to " in text:
        found += _ranges(text)
    taken = [(f.start, f.end) for f in found]
    for m in _FIGURE.finditer(text):
        number = m.group("n1") or m.group("n2")
        if number is None or any(a <= m.start() < b for a, b in taken):
            continue
        scale_word = (m.group("s1") or m.group("s2") or "").lower()
        value, precision = _number(number)
        scale = SCALES.get(scale_word, 1.0)
        what = _kind(m.group("sym"), m.group("cur"), m.group("pct"), scale_word)
        if what is None and "," in number and len(number) >= 5:  # 73,000 businesses
            what = ("count", "")
        if what is None:
            continue  # a bare number: a year, a page, a section
        kind, unit = what
        start, end = m.start(), m.start() + len(m.group(0).rstrip())
        found.append(Figure(kind, value * scale, unit, text[start:end], start, end, precision * scale,
                            _qualifier(text, start), _role(text, start, end, kind)))
    return sorted(found, key=lambda f: f.start)


def agree(a: Figure, b: Figure) -> bool:
    """Do two figures of the same kind and unit say the same thing, allowing for
    rounding and for qualifiers ("about", "over", "up to")?"""
    tolerance = max(a.precision, b.precision) / 2 + 1e-9 * max(abs(a.value), abs(b.value), 1)
    if abs(a.value - b.value) <= tolerance:
        return True
    for x, y in ((a, b), (b, a)):
        if x.high is not None:  # a range agrees with what it contains, or overlaps
            y_high = y.high if y.high is not None else y.value
            slack = y.precision / 2
            if y.value <= x.high + slack and y_high >= x.value - slack:
                return True
    for x, y in ((a, b), (b, a)):
        if x.qualifier in ("roughly", "about", "around", "approximately", "nearly", "almost", "some", "close to", "circa", "c."):
            if abs(x.value - y.value) <= 0.1 * abs(x.value) + tolerance:
                return True
        if x.qualifier in ("over", "more than", "at least", "above") and y.value >= x.value:
            return True
        if x.qualifier in ("up to", "less than", "under", "below") and y.value <= x.value:
            return True
    return False


def comparable(a: Figure, b: Figure) -> bool:
    """Same kind, same unit (or one unit unknown for slugs), same role."""
    if a.kind != b.kind or a.role != b.role:
        return False
    if a.kind == "money" and a.unit and b.unit and a.unit != b.unit:
        return False
    return True
