"""Parse reference-list entries into fields.

Styles understood: the seed's ``Surname, Given (Year). Title. Retrieved from
URL. Accessed on DD.MM.YYYY.``, APA 6/7, Harvard (incl. Cite Them Right),
Chicago author-date (``Surname, Given. Year. Title.``), the comma style
``Surname, Given, Year, Title``, Vancouver-like ``Surname AB (Year)``, and the
``–––`` repeated-author dash.
"""

from __future__ import annotations

import re

from ..model import Reference, Span
from ..readers.mask import URL_RE
from .authors import parse_authors
from .dates import ACCESS_RE, parse_date
from .sections import Entry

_YEAR = r"(?:1\d\d\d|20\d\d)(?P<suffix>[a-z]?)"
# case matters: "S. F." is a pair of initials, "s. f." is "sin fecha"
_NODATE = r"[nN]\.\s?d\.|s\.\s?f\.|o\.\s?J\.|[iI]n\s+press|[fF]orthcoming|en\s+prensa|sous\s+presse|im\s+Druck"
_YEAR_RE = re.compile(
    rf"\(\s*(?P<p>{_YEAR}|{_NODATE})(?:\s*[,/]\s*[^()]{{0,40}})?\s*\)"  # (2020), (2020, May 3), (n.d.)
    rf"|(?:(?<=[\s,.])|^)(?P<b>~?(?:{_YEAR.replace('suffix', 'suffix2')}|{_NODATE}|\d{{3}}))(?=[.,:;]?\s|[.,;:]?$|\))",
)
_DOI_RE = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]+")
# A quoted title: group 1, or group 2 when the quotes hold only spaces (then the title
# is the last space that is not a line break, as a backtracking "\s*(.+?)" finds it).
# The leading spaces are taken whole and the title cannot end inside a run of spaces
# (a shorter title ending at the run's start was tried first): no backtracking
# across a run of spaces.
_CLOSE_QUOTE = r"[,.]?[\"”’'»](?=[\s,.:;]|$)"
_QUOTED = re.compile(
    rf"^[\"“”‘'«](?:\s*(?!\s)(.+?)(?:(?<!\s)|(?!\s))\s*{_CLOSE_QUOTE}"
    rf"|(?=\s*(?!\s){_CLOSE_QUOTE})\s*(?=[^\S\n]\n*(?!\s))(.)\s*{_CLOSE_QUOTE})"
)
_CONTAINER_STOP = re.compile(
    r"(?:(?<!\s)|(?!\s))\s*(?:\b(?:Retrieved|Available|Accessed|URL|Online|Recuperado|Disponible|Abgerufen)\b|https?://|\bdoi:|\bDOI\b|\[)",
    re.IGNORECASE,
)
_VOLUME = re.compile(
    r"(?<!\d)(?P<volume>\d+)\s*(?:\((?P<issue>[^)]{1,20})\)\s*)?[:,]\s*(?:pp?\.\s*)?(?P<pages>[eE]?\d+(?:\s*[-–—]\s*\d+)?)"
)
_PAGES = re.compile(r"\bpp?\.\s*(?P<pages>\d+(?:\s*[-–—]\s*\d+)?)")
# The end of a Markdown link, "](target)"; its text runs back to the first "[" after the
# previous "]" or line break (see _md_links: one pass, where a regex rescans for every "[").
_LINK_END = re.compile(r"\]\(([^()\s]+)\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^<>\s]+)>")
_ITALIC = re.compile(r"(?<![*\w])\*([^*\n]{3,200}?)\*(?![*\w])|(?<![\w_])_([^_\n]{3,200}?)_(?![\w_])")
_PUBLISHER_TAIL = re.compile(r"^(.{3,}?),\s+((?:[A-Z][\w.'-]*(?![\w.'-])\s?){1,4}(?:,\s*[A-Z][A-Za-z.]{1,4})?:\s+[^:]{2,})$")
_PUBLISHER_NAME = re.compile(
    r"^(.{3,}?),\s+(?!\s)([^,]*\b(?:Press|University|Books|Publishing|Publishers|Verlag|Routledge|Polity|Blackwell|Sage|Wiley"
    r"|Springer|Elsevier|Norton|Penguin|Macmillan|Institute|Foundation)\b[^,]*)$"
)
_SPACE_RUNS = re.compile(r"[ \t\u00a0]{2,}")
_ACCESS_WORDS = ("access", "retriev", "download", "viewed", "consult", "visited", "abgerufen")
_EMPHASIS = re.compile(r"\*{1,3}|(?<![\w/])_{1,3}|_{1,3}(?![\w/])")


def clean_markup(text: str) -> str:
    """Drop Markdown emphasis and unwrap links, leaving URLs intact."""
    if not any(mark in text for mark in "*_[<\\"):
        return _SPACE_RUNS.sub(" ", text).strip()
    text = _unwrap_links(text)
    text = _AUTOLINK.sub(r"\1", text)
    pieces = []
    last = 0
    for match in URL_RE.finditer(text):
        pieces.append(_EMPHASIS.sub("", text[last : match.start()]).replace("\\", ""))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(_EMPHASIS.sub("", text[last:]).replace("\\", ""))
    return _SPACE_RUNS.sub(" ", "".join(pieces)).strip()


def _md_links(text: str):
    """(start, end, link text, target) of each ``[text](target)``, as the regex
    ``\\[([^\\]\\n]*)\\]\\(([^()\\s]+)\\)`` finds them, in one pass."""
    if "](" not in text:
        return
    floor = 0  # no link starts before the end of the previous one or a "]"
    for end in _LINK_END.finditer(text):
        close = end.start()
        segment = max(text.rfind("]", floor, close), text.rfind("\n", floor, close)) + 1
        start = text.find("[", max(floor, segment), close)
        if start != -1:
            yield start, end.end(), text[start + 1:close], end.group(1)
            floor = end.end()
        else:
            floor = max(floor, close + 1)


def _unwrap_links(text: str) -> str:
    """``[label](url)`` -> ``label url`` (just ``url`` when the label is the URL)."""
    pieces = []
    last = 0
    for start, end, label, url in _md_links(text):
        pieces.append(text[last:start])
        pieces.append(f"{label} {url}" if label != url else url)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def trim_url(url: str) -> str:
    """A URL as found in prose, without the punctuation that ends the sentence."""
    url = url.rstrip(".,;:'\"”’>")
    opened, closed = url.count("("), url.count(")")
    end = len(url)
    while end and url[end - 1] == ")" and opened < closed:
        end -= 1
        closed -= 1
        while end and url[end - 1] in ".,;:":
            end -= 1
    return url[:end]


def _find_year(text: str) -> re.Match[str] | None:
    for match in _YEAR_RE.finditer(text, 0, 400):
        if match.start() == 0:
            continue
        bare = (match.group("b") or "").lstrip("~")
        if bare[:1].isdigit() and len(bare) == 3 and len(text[: match.start()].split()) > 4:
            continue  # a three-digit year only right after a short name: "Augustine, 408"
        return match
    return None


_ABBREVIATION = re.compile(r"^(?:[A-Z]|[A-Z]\.[A-Z]|[A-Za-z]\.[A-Za-z]|e\.g|i\.e|vs|Vol|No|pp|ed|eds|Inc|Ltd|Co|St|Dr|Mr|Mrs|Ms|Jr)\.$")
_ABBREVIATION_MAX = 8  # longer than any abbreviation above, with its stop
_NEXT_ELEMENT = re.compile(r"\s*(?:\Z|Retrieved|Available|Accessed|In\b|\[|\(|https?://|URL|Online|Recuperado)")


def _title_end(rest: str) -> int:
    """Where the title ends: the first full stop that is not an initial or an
    abbreviation, or a question mark before the next element."""
    for match in re.finditer(r"[.?!](?=\s|$)", rest):
        end = match.start()
        if match.group(0) == ".":
            # the word before the stop; only the last few characters can make an abbreviation
            word = re.split(r"[\s\-–]", rest[max(0, end - _ABBREVIATION_MAX): end + 1])[-1]
            if _ABBREVIATION.match(word):
                continue
            return end
        if _NEXT_ELEMENT.match(rest, match.end()):
            return end + 1
    return len(rest)


def _first_italic(raw: str, title: str) -> str | None:
    """The first italicised phrase of the raw entry when it sits inside (not at
    the start of) the title found by punctuation alone."""
    for match in _ITALIC.finditer(raw):
        phrase = (match.group(1) or match.group(2) or "").strip()
        if phrase and phrase in title and not title.startswith(phrase):
            return phrase
    return None


def parse_entry(entry: Entry, ref_id: str, previous: Reference | None = None) -> Reference:
    """Parse one entry; an entry that cannot be split keeps its raw text and
    a ``problem`` that RC110 reports."""
    text = clean_markup(entry.text)
    span = Span(entry.start, entry.end)
    urls = tuple(dict.fromkeys(trim_url(m.group(0)) for m in URL_RE.finditer(text))) if "://" in text or "www." in text else ()
    doi_match = _DOI_RE.search(text) if "10." in text else None
    doi = trim_url(doi_match.group(0)) if doi_match else None
    low = text.lower()
    access = ACCESS_RE.search(text) if any(word in low for word in _ACCESS_WORDS) else None
    accessed_raw = access.group("date") if access else None
    accessed = parse_date(accessed_raw) if accessed_raw else None
    fields = dict(raw=entry.text, urls=urls, doi=doi, accessed=accessed, accessed_raw=accessed_raw)

    year_match = _find_year(text)
    if year_match is None:
        return Reference(ref_id, span, problem="no year or date found", **fields)
    head = text[: year_match.start()]
    year_text = (year_match.group("p") or year_match.group("b") or "").lstrip("~")
    suffix = year_match.group("suffix") or year_match.group("suffix2") or ""
    year = year_text[: len(year_text) - len(suffix)] if suffix else year_text
    if not year[:1].isdigit():
        year = "n.d." if year.lower().replace(" ", "").startswith(("n.d", "s.f", "o.j")) else year.lower()
    parsed = parse_authors(head)
    authors, corporate, et_al = parsed.authors, parsed.corporate, parsed.et_al
    if parsed.same_as_previous and previous is not None:
        authors, corporate, et_al = previous.authors, previous.corporate, previous.et_al

    rest = text[year_match.end():].lstrip(" .,:;)")
    quoted = _QUOTED.match(rest)
    if quoted:
        title = (quoted.group(1) or quoted.group(2)).rstrip(",.")
        rest = rest[quoted.end():].lstrip(" .,:;")
    else:
        end = _title_end(rest)
        title = rest[:end].strip()
        rest = rest[end + 1:].lstrip(" .,:;")
        italic = _first_italic(entry.text, title) if ("*" in entry.text or "_" in entry.text) else None
        if italic:  # "Title? *Journal*, 12(3)": the italic part is the container
            cut = title.index(italic)
            rest = f"{title[cut:]}. {rest}"
            title = title[:cut].rstrip(" .,:;")
    stop = _CONTAINER_STOP.search(rest)
    container_text = rest[: stop.start()] if stop else rest
    volume = _VOLUME.search(container_text)
    if volume:
        container = container_text[: volume.start()]
    else:
        container = re.split(r"(?<=[a-z)])\.\s", container_text, maxsplit=1)[0]
    container = re.sub(r"^(?:In|En)\s*:?\s+", "", container.strip(" .,:;")).strip(" .,:;") or None
    pages = volume.group("pages") if volume else None
    if pages is None:
        found = _PAGES.search(rest)
        pages = found.group("pages") if found else None
    if container is None and title:
        # "Title, New York: Modern Library": the comma style puts the publisher in the title's tail
        publisher = _PUBLISHER_TAIL.match(title) or _PUBLISHER_NAME.match(title)
        if publisher:
            title, container = publisher.group(1), publisher.group(2)
    problem = None
    if not authors:
        problem = "no author found before the year"
    return Reference(
        ref_id,
        span,
        authors=authors,
        corporate=corporate,
        et_al=et_al,
        editors=parsed.editors,
        year=year,
        year_suffix=suffix.lower(),
        title=title or None,
        container=container,
        volume=volume.group("volume") if volume else None,
        issue=volume.group("issue") if volume else None,
        pages=pages,
        aliases=parsed.aliases,
        problem=problem,
        **fields,
    )


def parse_entries(entries: tuple[Entry, ...]) -> list[Reference]:
    refs: list[Reference] = []
    previous = None
    for index, entry in enumerate(entries, start=1):
        ref = parse_entry(entry, f"R{index}", previous)
        refs.append(ref)
        if ref.authors:
            previous = ref
    return refs
