"""Messages quote the document's own text and shorten long names at a word."""

from refcheck.api import check_text
from refcheck.rules.base import shorten

LIST = "\n\n## References\n\n"


def _messages(text, code):
    return [f.message for f in check_text(text).findings if f.code == code]


def test_citations_are_quoted_as_written():
    text = "As (Li, He and Lin, 2018) and Li, He and Lin (2018) show (Smith, 2019, 2020a)." + LIST + (
        "Smith, A. (2019). Work. Site.\n")
    assert _messages(text, "RC101") == [
        "(Li, He and Lin, 2018): no entry in the reference list for Li, He and Lin",
        "Li, He and Lin (2018): no entry in the reference list for Li, He and Lin",
    ]
    # "2020a" alone does not name the author: rebuilt from its parts
    assert _messages(text, "RC103") == ["(Smith, 2020a): the reference list has Smith (2019)"]


def test_long_names_are_shortened_at_a_word_boundary():
    name = "Ministry of Water Resources and Irrigation of the Republic of Uzbekistan and Partners"
    text = f"It held ({name}, 2020)." + LIST + f"{name}. (2019). Annual report. Tashkent.\n"
    assert _messages(text, "RC101") == [
        "(Ministry of Water Resources and Irrigation of the Republic of Uzbekistan and\u2026): no entry in the "
        "reference list for Ministry of Water Resources and Irrigation of the Republic\u2026; the list has "
        "Ministry of Water Resources and Irrigation of the Republic\u2026 (2019)"]
    assert _messages(text, "RC102") == ["Ministry of Water Resources and Irrigation of the Republic\u2026 (2019) is listed but never cited"]


def test_shorten():
    assert shorten("short") == "short"
    assert shorten("alpha beta gamma", 12) == "alpha beta\u2026"
    assert shorten("alpha, beta gamma", 12) == "alpha, beta\u2026"
    assert shorten("alpha beta, gamma", 12) == "alpha beta\u2026"
    assert shorten("abcdefghijklmnop", 8) == "abcdefg\u2026"  # one long word is cut where it must
    assert len(shorten("word " * 50)) <= 80


def test_suggestions_are_the_written_citation_with_the_fix_made():
    text = "As Li, He and Lin (2019) say (Wu et al., 2016, p. 4; Smith, 2019, 2020a)." + LIST + (
        "Li, Q., He, R., & Lin, T. (2018). Deltas. Review.\nSmith, A. (2019). Work. Site.\n"
        "Wu, A., Bo, C., & Ng, D. (2017). Work. Site.\n")
    found = [(f.suggestion, f.fix.replacement) for f in check_text(text).findings if f.code == "RC103"]
    assert found == [("Li, He and Lin (2018)", "2018"), ("Wu et al., 2017, p. 4", "2017"), ("Smith, 2019", "2019")]
