"""Parse reference-list entries into fields.

Styles understood: the seed's ``Surname, Given (Year). Title. Retrieved from
URL. Accessed on DD.MM.YYYY.``, APA 6/7, Harvard (incl. Cite Them Right),
Chicago author-date (``Surname, Given. Year. Title.``), the comma style
``Surname, Given, Year, Title``, Vancouver-like ``Surname AB (Year)``, and the
``–––`` repeated-author dash.
"""

from __future__ import annotations

import re

from ..model import Author, Reference, Span
from ..readers.mask import URL_RE
from .abnt import entry_head as abnt_head
from .abnt import imprint_year, other_years
from .authors import parse_authors
from .citations import split_year
from .data import PUBLISHER_WORDS
from .dates import ACCESS_RE, parse_date
from .names import contains_any, may_match_words
from .sections import Entry

_YEAR = r"(?:1\d\d\d|20\d\d)(?P<suffix>[a-z]?)"
# APA 7's range for works updated over years, in parentheses only (a bare range is pages)
_RANGE_YEAR = r"(?:1\d\d\d|20\d\d)\s?[-\u2013]\s?(?:1\d\d\d|20\d\d|present|presente|heute)"
# case matters: "S. F." is a pair of initials, "s. f." is "sin fecha"
_NODATE = r"[nN]\.\s?d\.|s\.\s?f\.|o\.\s?J\.|[iI]n\s+press(?:-[a-z])?|[fF]orthcoming|en\s+prensa|sous\s+presse|im\s+Druck"
_YEAR_BODY = (
    # (2020), (2020, May 3), (n.d.), (1984 [1970])
    rf"\(\s*(?P<p>{_RANGE_YEAR}|{_YEAR}|{_NODATE})(?:\s*[,/]\s*[^()]{{0,40}}|\s*\[[^\]()]{{1,12}}\])?\s*\)"
    # 2019. / 2019, / 2001[1953].
    rf"|(?:(?<=[\s,.])|^)(?P<b>~?(?:{_YEAR.replace('suffix', 'suffix2')}|{_NODATE}|\d{{3}}))(?=[.,:;]?\s|[.,;:]?$|\)|\s?\[\d)"
)
# Every match opens with "(", "~", a digit or a no-date word's first letter: the look-ahead
# turns every other place away at once (the search tries each place of the authors' part)
_YEAR_FIRST = "(~\\dnNsoiIfFe"
_YEAR_RE = re.compile(rf"(?=[{_YEAR_FIRST}])(?:{_YEAR_BODY})")
_DOI_RE = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]+")
_CONTAINER_STOP = re.compile(
    r"(?:(?<!\s)|(?!\s))\s*(?:\b(?:Retrieved|Available|Accessed|URL|Online|Recuperado|Disponible|Abgerufen)\b|https?://|\bdoi:|\bDOI\b|\[)",
    re.IGNORECASE,
)
# What _CONTAINER_STOP needs, in lower case: a text without any of these has no stop.
_STOP_WORDS = ("retrieved", "available", "accessed", "url", "online", "recuperado", "disponible", "abgerufen", "http", "doi", "[")
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
_PUBLISHER_WORDS = "|".join(sorted(PUBLISHER_WORDS, key=lambda w: (-len(w), w)))
_PUBLISHER_NAME = re.compile(rf"^(.{{3,}}?),\s+(?!\s)([^,]*\b(?:{_PUBLISHER_WORDS}|Institute|Foundation)\b[^,]*)$")
_SPACE_RUNS = re.compile(r"[ \t\u00a0]{2,}")
_ACCESS_WORDS = ("access", "retriev", "download", "viewed", "consult", "visited", "abgerufen")
_EMPHASIS = re.compile(r"\*{1,3}|(?<![\w/])_{1,3}|_{1,3}(?![\w/])")


def clean_markup(text: str) -> str:
    """Drop Markdown emphasis and unwrap links, leaving URLs intact."""
    if not any(mark in text for mark in "*_[<\\"):
        if "  " not in text and "\t" not in text and "\u00a0" not in text:
            return text.strip()  # no run for _SPACE_RUNS to close up
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


# "Tucci, Giuseppe. (1961) 2001." / "[1979] 1986." / "(Original work published 1923)"
_ORIGINAL_YEAR = re.compile(r"[(\[]((?:1\d|20)\d\d)[)\]]\s*(?:1\d\d\d|20\d\d)[a-z]?(?=[.,:;)\s]|$)")
_ORIGINALLY = re.compile(
    r"\((?:original(?:\s+work)?\s+published|originally\s+published|first\s+published|trabajo\s+original\s+publicado"
    r"|obra\s+original\s+publicada|publicado\s+originalmente|erstmals\s+erschienen)\s+(?:in\s+|en\s+|em\s+)?((?:1\d|20)\d\d)\)",
    re.IGNORECASE,
)
# Legal references (APA 7): a case by its name and reporter, a statute by its name and public law
_CASE = re.compile(r"^(?P<name>[A-Z][^,()]{0,120}?\sv\.?\s[^,()]{1,120}?),\s*(?P<cite>\d+\s+[A-Z][\w.\s]{0,30}?\s\d+[^()]{0,40})\((?:[^()]{0,30}\s)?(?P<year>1\d\d\d|20\d\d)\)")
_STATUTE = re.compile(
    r"^(?P<name>[A-Z][^,()]{2,150}?\b(?:Act|Law|Code|Statute)\b[^,()]{0,40}),\s*(?P<cite>(?:Pub\.\s*L\.|\d+\s+U\.S\.C\.|\d+\s+Stat\.)[^()]{0,80})"
    r"\((?P<year>1\d\d\d|20\d\d)\)"
)
_CHAPTER_BOOK = re.compile(
    r"^(?:[^()]{1,200}\((?:Eds?|Hrsg|Hg|Coords?|Orgs?|Dirs?|Comps?)\.?\),?\s+)?(?P<book>[^()]{2,300}?)"
    r"\s*(?:\((?:[^()]*\bpp?\.?[^()]*|[^()]*\b(?:ed|Vol)\.?[^()]*)\)?)?$",
    re.IGNORECASE,
)
_EDITION_YEAR = re.compile(r"\s*(?:1\d\d\d|20\d\d)[a-z]?(?=[.,:;)\s]|$)")


_LONG_LIST = re.compile(r"(?:[^\W\d_][\w'\u2019\-]*(?:\s[^\W\d_][\w'\u2019\-]*){0,3},\s){12}")


def _find_year(text: str) -> re.Match[str] | None:
    # the year follows the authors: within 400 characters, or after a long author list
    # ("Regev A, Teichmann SA, Lander ES, ... 2017.")
    window = 400 if len(text) <= 400 or _LONG_LIST.match(text) is None else 4000
    for match in _YEAR_RE.finditer(text, 0, window):
        if match.start() == 0:
            continue
        if match.group("p") and _EDITION_YEAR.match(text, match.end()):
            # "Tucci, Giuseppe. (1961) 2001.": the original date, then the edition's year
            edition = _YEAR_RE.search(text, match.end(), match.end() + 12)
            if edition is not None and edition.group("b"):
                return edition
        bare = (match.group("b") or "").lstrip("~")
        if bare[:1].isdigit() and len(bare) == 3 and len(text[: match.start()].split()) > 4:
            continue  # a three-digit year only right after a short name: "Augustine, 408"
        return match
    return None


_LEADING_ORIGINAL = re.compile(r"^\[\s*\d{3,4}[^\]]{0,10}\]\s*[.,:]?\s*")
_TITLE_NOTE = re.compile(
    r"(?:(?<!\s)|(?!\s))\s*\(([^()]*\b(?:ed|eds|edn|edition|dissertation|thesis|trans|Hrsg|Vol|vol|Unpublished|unpublished)\b[^()]*"
    rf"|[^()]{{2,60}}:\s[^()]*\b(?:{_PUBLISHER_WORDS})\b[^()]*)\)$"
)
# "Title, Journal of Things 25 (1): 47-53", "Title, in: I. Editor (Hg.), Book", "Title, http://..."
_COMMA_CONTAINER = re.compile(
    r"^(.{8,}?),\s+(?=[A-Z][^,\d]{2,80}?,?\s+(?:[Vv]ol\.?\s*)?\d|[Ii]n:?\s|https?://"
    r"|(?:[A-Z]{2,5}\s|[A-Z][a-z]+\s){0,2}(?:Transactions|Journal|Review|Proceedings|Bulletin|Annals|Quarterly)\b"
    rf"|[A-Z][\w&.' -]{{0,40}}\b(?:{_PUBLISHER_WORDS})\b[^,]{{0,30}},)"
)
# a title in quotation marks after the names, before a year that comes last
_HEAD_QUOTE = re.compile(r"[,.]\s+[\u201c\"]")
_QUOTES = {"\u201c": "\u201d", "\"": "\"", "\u2018": "\u2019", "'": "'", "\u00ab": "\u00bb", "\u201d": "\u201d"}


def _quoted(rest: str) -> tuple[str, int] | None:
    """A title in quotation marks at the start of ``rest``: (title, end offset), when
    the quotation holds the whole title ("“Between the bear.” International Affairs"),
    not when it opens a longer one ("“Thing is” constructions: ...")."""
    closing = _QUOTES.get(rest[:1])
    if closing is None:
        return None
    end = rest.find(closing, 1)
    if end <= 1:
        return None
    inside = rest[1:end].strip()
    after = rest[end + 1:end + 2]
    following = rest[end + 1:].lstrip()
    if not (inside[-1:] in ".,?!" or after in ("", ".", ",", ":", ";") or following[:1].isupper()):
        return None  # "“Thing is” constructions", "“A” and “B”": the quotation opens the title
    return inside.rstrip(",."), end + 1


_ABBREVIATION = re.compile(r"^(?:[A-Z]|[A-Z]\.[A-Z]|[A-Za-z]\.[A-Za-z]|e\.g|i\.e|vs|al|Vol|No|pp|ed|eds|Inc|Ltd|Co|St|Dr|Mr|Mrs|Ms|Jr)\.$")
_ABBREVIATION_MAX = 8  # longer than any abbreviation above, with its stop
_ABBREVIATION_WORD = 4  # letters before a stop that no abbreviation above has without a space or dash
_SPACES = re.compile(r"\s*")
_STOPS = re.compile(r"[.?!][\"\u201d\u2019]?(?=\s|$)")
_WORD_BREAK = re.compile(r"[\s\-–]")
_SENTENCE_STOP = re.compile(r"(?<!\bp)(?<!\bpp)\.\s")
_DIGIT = re.compile(r"\d")
_NEXT_ELEMENT = re.compile(r"Retrieved|Available|Accessed|In\b|\[|\(|https?://|URL|Online|Recuperado|Paper\s+presented")


def _title_end(rest: str) -> int:
    """Where the title ends: the first full stop that is not an initial or an
    abbreviation, or a question mark before the next element (a source with a
    volume or pages: "What's in a look? Developmental Science 10, 48-53")."""
    for match in _STOPS.finditer(rest):
        if len(match.group(0)) == 2:
            return match.end()  # 'the Squantum "Tillite." In ...'
        end = match.start()
        if match.group(0) == ".":
            if end >= _ABBREVIATION_WORD and rest[end - _ABBREVIATION_WORD:end].isalpha():
                return end  # a word longer than any abbreviation ends here
            # the word before the stop; only its last few characters can make an abbreviation
            word = _WORD_BREAK.split(rest[max(0, end - _ABBREVIATION_MAX): end + 1])[-1]
            if _ABBREVIATION.match(word):
                continue
            return end
        following = _SPACES.match(rest, match.end()).end()  # not rest[match.end():].lstrip(): a copy per stop
        if following == len(rest) or _NEXT_ELEMENT.match(rest, following):
            return end + 1
        if rest[following:following + 1].isupper() and _DIGIT.search(
            _SENTENCE_STOP.split(rest[following:following + 80], maxsplit=1)[0]
        ):
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
    access = ACCESS_RE.search(text) if contains_any(low, _ACCESS_WORDS) else None
    accessed_raw = access.group("date") if access else None
    accessed = parse_date(accessed_raw) if accessed_raw else None
    fields = dict(raw=entry.text, urls=urls, doi=doi, accessed=accessed, accessed_raw=accessed_raw)

    if " v. " in text[:200] or " v " in text[:200] or "Act" in text[:200]:
        legal = _CASE.match(text) or _STATUTE.match(text)
        if legal:  # "Brown v. Board of Education, 347 U.S. 483 (1954).": named by the case or act
            name = legal.group("name").strip()
            return Reference(ref_id, span, authors=(Author(name),), corporate=True, year=legal.group("year"),
                             title=name, container=legal.group("cite").strip(" ,"), **fields)
    head = abnt_head(text)
    if head is not None:
        return _parse_abnt(text, ref_id, span, head, fields)
    year_match = _find_year(text)
    if year_match is None:
        return Reference(ref_id, span, problem="no year or date found", **fields)
    head = text[: year_match.start()]
    # a year that comes last leaves the title in the head: "Ansell, A. and J. Gingrich, “The
    # End?” In F. Rosenbluth, ed., Who Gets What? (forthcoming)." -- the names end at the quote
    head_rest = ""
    quote = _HEAD_QUOTE.search(head)
    if quote is not None and _quoted(head[quote.end() - 1:]) is not None:
        head, head_rest = head[: quote.start()], head[quote.end() - 1:]
    year_text = (year_match.group("p") or year_match.group("b") or "").lstrip("~")
    suffix = year_match.group("suffix") or year_match.group("suffix2") or ""
    year = year_text[: len(year_text) - len(suffix)] if suffix else year_text
    if not year[:1].isdigit():
        year = "n.d." if year.lower().replace(" ", "").startswith(("n.d", "s.f", "o.j")) else year.lower()
        if year.startswith("in press-"):
            year, suffix = "in press", year[-1]
    elif len(year) > 4:
        year = split_year(year)[0]  # "2015 - 2020" -> "2015–2020"
    parsed = parse_authors(head)
    authors, corporate, et_al = parsed.authors, parsed.corporate, parsed.et_al
    if parsed.same_as_previous and previous is not None:
        authors, corporate, et_al = previous.authors, previous.corporate, previous.et_al

    rest = text[year_match.end():].lstrip(" .,:;)")
    if head_rest:
        rest = f"{head_rest.rstrip(' .,:;(')}. {rest}".rstrip(" .")
    if corporate and len(authors) == 1 and _TITLE_AS_AUTHOR.search(authors[0].family):
        # APA 7 puts the title of a work without an author in the author's place:
        # "Climate outlook for the coming decade. (2019). Weather Office."
        return _titled(ref_id, span, authors, year, suffix, rest, parsed, fields)
    if rest.startswith("["):
        rest = _LEADING_ORIGINAL.sub("", rest, count=1)  # "2001[1953]. Title"
    quoted = _quoted(rest)
    if quoted:
        title, end = quoted
        rest = rest[end:].lstrip(" .,:;")
    else:
        end = _title_end(rest)
        title = rest[:end].strip()
        rest = rest[end + 1:].lstrip(" .,:;")
        note = _TITLE_NOTE.search(title) if title.endswith(")") else None
        if note:  # "Title (2nd ed.)", "Title (Cambridge: Cambridge University Press)"
            if ": " in note.group(1) and not rest:
                rest = note.group(1)
            title = title[: note.start()].rstrip(" .,")
        elif ", " in title and not _container_stop(rest, match=True):
            comma = _COMMA_CONTAINER.match(title)
            if comma:  # "Title, Journal of Things 25 (1): 47-53": the comma style
                rest = f"{title[comma.end(1):].lstrip(' ,')}. {rest}".strip()
                title = comma.group(1)
        italic = _first_italic(entry.text, title) if ("*" in entry.text or "_" in entry.text) else None
        if italic:  # "Title? *Journal*, 12(3)": the italic part is the container
            cut = title.index(italic)
            rest = f"{title[cut:]}. {rest}"
            title = title[:cut].rstrip(" .,:;")
    container_text = _before_stop(rest)
    volume = _VOLUME.search(container_text)
    if volume:
        container = container_text[: volume.start()]
    else:
        container = _SENTENCE_END.split(container_text, maxsplit=1)[0]
    container = container.strip(" .,:;")
    if container.startswith(("In", "En")):
        container = _IN.sub("", container).strip(" .,:;")
    container = container or None
    if container and "(" in container:
        # a chapter: "J. Smith & K. Lee (Eds.), Central Asian politics (pp. 1-12)" -> the book
        book = _CHAPTER_BOOK.match(container)
        if book:
            container = book.group("book").strip(" .,") or container
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
    original = _ORIGINAL_YEAR.search(text, 0, year_match.end()) or _ORIGINALLY.search(text)
    later = (original.group(1),) if original and original.group(1) != year else ()
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
        other_years=later,
        **fields,
    )


_ABNT_NUMBERS = re.compile(r",\s*(?:v\.|n\.|p\.|vol\.|t\.)\s*\d")


def _parse_abnt(text: str, ref_id: str, span: Span, head, fields: dict) -> Reference:
    """An ABNT entry: the author block, the title up to its full stop, the source up
    to the imprint year."""
    rest = text[head.end:].lstrip(" .")
    offset = len(text) - len(rest)
    year_match = imprint_year(text, head.end)
    end = _title_end(rest)
    title = rest[:end].strip(" .") or None
    source_end = year_match.start() - offset if year_match else len(rest)
    source = rest[end + 1:source_end].strip(" .,:;") if source_end > end + 1 else ""
    source = _IN_COLON.sub("", source)
    source = _ABNT_NUMBERS.split(source, maxsplit=1)[0].strip(" .,:;") or None
    volume = _VOLUME.search(source) if source else None
    pages = _PAGES.search(rest)
    return Reference(
        ref_id,
        span,
        authors=head.authors,
        corporate=head.corporate,
        et_al=head.et_al,
        year=year_match.group(1) if year_match else None,
        year_suffix=year_match.group(2).lower() if year_match else "",
        title=title,
        container=source,
        volume=volume.group("volume") if volume else None,
        pages=pages.group("pages") if pages else None,
        aliases=head.aliases,
        problem=None if year_match else "no year or date found",
        other_years=other_years(text, year_match),
        **fields,
    )


# two lower-case words that are not function words: a title, not an institution's name
_TITLE_AS_AUTHOR = re.compile(r"\s(?!(?:of|the|for|and|on|in|at|to|de|la|le|du|des|del|y|und|für|et|an|a)\b)[a-z]{3,}\b.*\s(?!(?:of|the|for|and|on|in|at|to|de|la|le|du|des|del|y|und|für|et|an|a)\b)[a-z]{3,}\b")


_SENTENCE_END = re.compile(r"(?<=[a-z)])\.\s")
_IN = re.compile(r"^(?:In|En)\s*:?\s+")
_IN_COLON = re.compile(r"^(?:In|En)\s*:\s*")


def _container_stop(rest: str, match: bool = False) -> re.Match[str] | None:
    if not may_match_words(rest, _STOP_WORDS):
        return None
    return _CONTAINER_STOP.match(rest) if match else _CONTAINER_STOP.search(rest)


def _before_stop(rest: str) -> str:
    """The text after the title up to the online part, the DOI or an access note."""
    stop = _container_stop(rest)
    return rest[: stop.start()] if stop else rest


def _titled(ref_id: str, span: Span, authors, year: str, suffix: str, rest: str, parsed, fields: dict) -> Reference:
    source = _SENTENCE_END.split(_before_stop(rest).strip(" .,:;"), maxsplit=1)[0].strip(" .,:;") or None
    return Reference(ref_id, span, authors=authors, corporate=True, year=year, year_suffix=suffix.lower(),
                     title=authors[0].family, container=source, aliases=parsed.aliases, **fields)


def parse_entries(entries: tuple[Entry, ...]) -> list[Reference]:
    refs: list[Reference] = []
    previous = None
    for index, entry in enumerate(entries, start=1):
        ref = parse_entry(entry, f"R{index}", previous)
        refs.append(ref)
        if ref.authors:
            previous = ref
    return refs
