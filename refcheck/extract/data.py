"""Data tables used by the extractors; each has tests of its own."""

from __future__ import annotations

# Headings that open a reference list (compared after normalisation: lower case,
# no diacritics, no numbering or trailing colon).
REFERENCE_HEADINGS = frozenset(
    {
        "references", "reference list", "list of references", "references cited",
        "bibliography", "select bibliography", "selected bibliography", "works cited",
        "literature cited", "sources", "sources cited", "literature", "cited literature",
        "referencias", "referencias bibliograficas", "bibliografia", "references and notes",
        "references bibliographiques", "bibliographie", "literatur",
        "literaturverzeichnis", "quellen", "quellenverzeichnis", "fuentes",
        "referencias citadas", "obras citadas", "bibliografia citada", "litteratur", "litteraturliste",
        "litteraturforteckning", "kallor", "kilder", "referanser", "bronnen", "literatuur",
        "literatuurlijst", "bronvermelding", "fonti", "riferimenti", "riferimenti bibliografici",
        "bibliografie", "literatura", "kaynakca", "kaynaklar", "viitteet", "lahteet",
    }
)

# Headings that end a reference list when they follow it.
END_HEADINGS = frozenset(
    {
        "further reading", "additional reading", "notes", "endnotes", "footnotes",
        "appendix", "appendices", "acknowledgments", "acknowledgements", "about the author",
        "about the authors", "author information", "other internet resources",
        "related entries", "academic tools", "see also", "external links", "copyright",
        "funding", "competing interests", "author contributions", "supplementary material",
        "tables", "figures", "figure legends", "glossary", "index",
        "notas", "notas finales", "anmerkungen", "fussnoten", "endnoten", "anhang", "anexo", "anexos",
        "apendice", "apendices", "agradecimentos", "agradecimientos", "remerciements", "danksagung",
        "sobre os autores", "sobre el autor", "sobre los autores", "a propos des auteurs", "note",
        "noten", "note di chiusura", "ringraziamenti",
    }
)

# Lines that start trailing matter after the last entry.
TRAILER_PREFIXES = (
    "note:", "notes:", "disclaimer", "copyright", "\u00a9", "(c) ", "all rights reserved",
    "the views expressed", "this article", "this post", "this blog", "cite this",
    "how to cite", "last updated", "share this", "tags:", "keywords:",
)

# Words that name a publisher, in an imprint ("Oxford: Blackwell") or a title's
# "(Cambridge: Cambridge University Press)" note.
PUBLISHER_WORDS = frozenset(
    {
        "Press", "University", "Verlag", "Books", "Publishing", "Publishers", "Springer", "Wiley", "Routledge",
        "Blackwell", "Elsevier", "Sage", "Plenum", "Macmillan", "Penguin", "Norton", "Hill", "Knopf", "House",
        "Harper", "HarperCollins", "Dover", "Academic", "Polity", "Brill", "Mouton", "Seuil", "Gallimard", "Payot",
        "Suhrkamp",
    }
)

# Name particles written in lower case before a family name.
PARTICLES = frozenset(
    {
        "van", "von", "de", "der", "den", "del", "della", "delle", "dei", "di", "da", "das",
        "do", "dos", "du", "la", "le", "les", "lo", "ten", "ter", "te", "op", "zu", "zur",
        "al", "el", "bin", "ben", "ibn", "abu", "bint", "af", "av", "y", "e", "d", "l",
    }
)

# Words that mark a corporate (institutional) author.
CORPORATE_WORDS = frozenset(
    {
        "agency", "association", "authority", "bank", "board", "bureau", "center", "centre",
        "college", "commission", "committee", "company", "corporation", "council",
        "department", "foundation", "fund", "government", "group", "inc", "institute",
        "institution", "laboratory", "league", "ltd", "ministry", "network", "news", "office",
        "organisation", "organization", "parliament", "post", "press", "programme", "program",
        "project", "service", "society", "source", "team", "times", "trust", "union",
        "university", "forum", "observatory", "secretariat", "assembly", "nations",
        "federation", "alliance", "coalition", "consortium", "initiative", "partnership",
        "people", "republic", "state", "states", "world", "international", "national",
        "federal", "european", "global", "journal", "magazine", "review", "herald", "gazette",
        "tribune", "daily", "weekly", "radio", "television", "tv", "broadcasting", "media",
    }
)

# Lower-case words allowed inside a corporate name or a citation's author text.
NAME_FUNCTION_WORDS = frozenset(
    {"of", "the", "for", "and", "on", "in", "de", "la", "le", "du", "des", "del", "y", "und",
     "für", "fur", "et", "at", "to", "a", "an", "v", "vs"}  # "v": a case name, "Brown v. Board of Education"
)

# Words that often precede a narrative citation and are not part of the name.
NARRATIVE_LEADERS = frozenset(
    {
        "as", "in", "according", "see", "while", "whereas", "although", "though", "like",
        "unlike", "following", "after", "before", "both", "but", "and", "also", "however",
        "thus", "hence", "for", "here", "then", "when", "since", "because", "if", "so",
        "yet", "similarly", "likewise", "moreover", "furthermore", "recently", "later",
        "earlier", "first", "second", "third", "finally", "indeed", "notably", "only",
        "even", "what", "where", "how", "why", "which", "who", "this", "that", "these",
        "those", "it", "its", "our", "we", "they", "their", "cf", "e.g", "eg", "i.e", "ie",
        "de", "en", "como", "segun", "según", "para", "por", "con", "el", "los", "las", "la",
        "und", "wie", "nach", "selon", "comme", "dans", "chez", "an", "a", "at", "on", "by",
        "segundo", "conforme", "consoante", "laut", "gemäß", "secondo", "volgens", "enligt", "ifølge",
        "with", "from", "to", "of", "per", "via", "among", "between", "within", "through",
    }
)

# Sentence adverbs that open a clause before a narrative citation and are not a
# name: "Importantly, Bernard and Rubalcava (2000)". Capitalised, then a comma.
LEAD_IN_WORDS = frozenset(
    {
        "importantly", "interestingly", "notably", "similarly", "additionally", "however",
        "furthermore", "moreover", "consequently", "accordingly", "specifically", "indeed",
        "historically", "recently", "finally", "likewise", "conversely", "alternatively",
        "crucially", "ultimately", "traditionally", "generally", "surprisingly", "therefore",
        "thus", "hence", "instead", "meanwhile", "nevertheless", "nonetheless", "lastly",
        "overall", "previously", "subsequently", "first", "second", "third", "here", "today",
        "además", "asimismo", "también", "ainda", "também", "entretanto", "portanto",
        "cependant", "ainsi", "ensuite", "enfin", "außerdem", "zudem", "jedoch", "dennoch",
        "allerdings", "daher", "somit",
    }
)

# Verbs that commonly follow a narrative citation ("Lemon (2018) notes").
REPORTING_VERBS = frozenset(
    {
        "argue", "argues", "argued", "note", "notes", "noted", "show", "shows", "showed",
        "shown", "find", "finds", "found", "suggest", "suggests", "suggested", "state",
        "states", "stated", "claim", "claims", "claimed", "write", "writes", "wrote",
        "report", "reports", "reported", "observe", "observes", "observed", "contend",
        "contends", "describe", "describes", "described", "explain", "explains", "explained",
        "emphasize", "emphasizes", "emphasise", "emphasises", "point", "points", "pointed",
        "demonstrate", "demonstrates", "demonstrated", "propose", "proposes", "proposed",
        "conclude", "concludes", "concluded", "highlight", "highlights", "highlighted",
        "define", "defines", "defined", "develop", "develops", "developed", "use", "uses",
        "used", "analyse", "analyses", "analyze", "analyzes", "analyzed", "examine",
        "examines", "examined", "identify", "identifies", "identified", "provide",
        "provides", "provided", "offer", "offers", "offered", "present", "presents",
        "presented", "introduce", "introduces", "introduced", "discuss", "discusses",
        "discussed", "estimate", "estimates", "estimated", "call", "calls", "called",
        "has", "have", "had", "also", "afirma", "afirman", "señala", "señalan", "sostiene", "sostienen",
        "muestra", "muestran", "propone", "proponen", "encontró", "encontraron",
    }
)

# Words that are never the author of a narrative citation, even capitalised.
NOT_AUTHORS = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "spring", "summer", "autumn",
        "fall", "winter", "figure", "fig", "table", "section", "chapter", "appendix",
        "equation", "eq", "page", "volume", "vol", "no", "version", "act", "law", "treaty",
        "agreement", "convention", "protocol", "declaration", "war", "crisis", "revolution",
        "election", "elections", "census", "summit", "conference", "report", "survey",
        "strategy", "plan", "initiative", "program", "programme", "project", "policy",
        "index", "model", "study", "edition", "ed", "eds", "games", "olympics", "cup",
        "accessed", "retrieved", "published", "updated", "since", "until", "from",
    }
)

# Words that do not count when a title is compared with a URL slug or a page title.
STOP_WORDS = frozenset(
    "a an the and or of in on at to for from with by as is are was were be its it this that these those "
    "into over under about after before between vs via s de la el en y et des du le les der die das und".split()
)

# Number words and their digits ("seven" in a title, "7" in a slug); "percent" is "%".
NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                "eight": "8", "nine": "9", "ten": "10", "percent": "%", "per": "", "cent": ""}
