"""The matcher: normalisation, names, years, containers, and the thresholds."""

from __future__ import annotations

import pytest

from refcheck.model import Author, Reference, Span
from refcheck.net.verify import match
from refcheck.net.verify.match import (
    TITLE_CONFLICT,
    TITLE_MATCH,
    compare,
    container_similarity,
    family_of,
    first_author_agrees,
    main_title,
    normalise,
    same_family,
    searchable,
    title_similarity,
)
from refcheck.net.verify.work import Work


def ref(title="Deep learning for the masses", family="LeCun", year="2015", container=None, raw=None, **extra):
    raw = raw or f"{family}, Y. ({year}). {title}. {container or ''}"
    return Reference("R1", Span(0, 1), raw, authors=(Author(family, "Y."),) if family else (), year=year, title=title,
                     container=container, **extra)


def work(title="Deep learning for the masses", family="LeCun", year=2015, container=None, kind="journal-article"):
    return Work("Crossref", title, ((family, "Yann"),) if family else (), year, container, "10.1/x", kind=kind)


def test_thresholds_are_ordered():
    assert 0 < TITLE_CONFLICT < TITLE_MATCH < match.TITLE_IDENTICAL <= 1
    assert match.YEAR_SLACK == 1


def test_normalise_ignores_case_punctuation_markup_diacritics_and_retraction_labels():
    assert normalise("<i>Déjà vu</i>: A Review &amp; Outlook.") == "deja vu a review and outlook"
    assert normalise("RETRACTED: Deep learning") == "deep learning"
    assert main_title("Deep learning: a review of everything") == "deep learning"


@pytest.mark.parametrize("ours, theirs, at_least", [
    ("Deep learning for the masses", "Deep Learning for the Masses.", 1.0),
    ("Deep learning for the masses: a field guide", "Deep learning for the masses", 1.0),  # subtitle-insensitive
    ("Deep lerning for the masses", "Deep learning for the masses", TITLE_MATCH),  # a typo
])
def test_same_titles(ours, theirs, at_least):
    assert title_similarity(ref(ours), work(theirs)) >= at_least


def test_different_titles_fall_below_the_conflict_threshold():
    assert title_similarity(ref("Fast methods for sparse graphs"), work("Deep learning")) < TITLE_CONFLICT


def test_a_record_title_written_in_full_in_the_entry_counts_as_the_same():
    mangled = ref("LeCun", raw="LeCun, Y. (2015). Deep learning for the masses. Nature, 1, 2.")
    assert title_similarity(mangled, work()) == 1.0


def test_short_titles_only_match_in_full():
    # a shared main title below MIN_MAIN_CHARS does not make two titles alike
    assert title_similarity(ref("Introduction: methods"), work("Introduction: a history of rice")) < TITLE_MATCH


@pytest.mark.parametrize("ours, theirs", [
    ("García Márquez", "Garcia-Marquez"), ("García Márquez", "Márquez"), ("van Dijk", "Dijk"), ("Van Dijk", "van Dijk"),
    ("Müller", "Mueller"), ("Schmidhuber", "Schmidhuber"), ("O'Neil", "ONeil"), ("Ødegaard", "Odegaard"),
])
def test_same_family(ours, theirs):
    assert same_family(ours, theirs)


@pytest.mark.parametrize("ours, theirs", [("Smith", "Smyth"), ("Lee", "Li"), ("van Dijk", "van Damme")])
def test_different_family(ours, theirs):
    assert not same_family(ours, theirs)


def test_family_of_a_one_string_name():
    assert family_of("Ludwig van Beethoven") == "van Beethoven"
    assert family_of("Ashish Vaswani") == "Vaswani"
    assert family_of("") == ""


def test_first_author_unknown_for_corporate_editors_initials_and_authorless_records():
    assert first_author_agrees(ref(corporate=True), work()) is None
    assert first_author_agrees(ref(editors=True), work()) is None
    assert first_author_agrees(ref(family="Y."), work()) is None
    assert first_author_agrees(ref(), work(family=None)) is None
    assert first_author_agrees(ref(family="Bengio"), work()) is False


def test_years_one_apart_agree():
    assert compare(ref(year="2016"), work()).year_agrees
    assert not compare(ref(year="2017"), work()).year_agrees
    assert compare(ref(year="n.d."), work()).year_gap is None


def test_containers_compare_only_for_journal_articles_and_allow_abbreviations():
    full = "Journal of Personality and Social Psychology"
    assert container_similarity(ref(container="J. Pers. Soc. Psychol."), work(container=full)) == 1.0
    assert container_similarity(ref(container="Nature"), work(container="Science")) < match.CONTAINER_MISMATCH
    assert container_similarity(ref(container="Penguin"), work(container="Some Series", kind="book")) is None
    assert container_similarity(ref(container="arXiv preprint"), work(container="Nature")) is None


def test_score_weights_every_field():
    assert compare(ref(container="Nature"), work(container="Nature")).score == 1.0
    assert compare(ref(), work()).score == 0.95  # container unknown counts half
    assert compare(ref(family="Bengio", year="2001"), work()).score == 0.65


def test_searchable_needs_three_words_and_fifteen_letters():
    assert searchable(ref("Long short-term memory"))
    assert not searchable(ref("Security"))
    assert not searchable(ref("On it"))


def test_acronyms_of_journals_agree():
    for short, full in (("JAMA", "Journal of the American Medical Association"), ("PNAS", "Proceedings of the National "
                        "Academy of Sciences"), ("BMJ", "British Medical Journal"), ("NEJM", "New England Journal of Medicine")):
        assert container_similarity(ref(container=short), work(container=full)) == 1.0, short
    assert container_similarity(ref(container="AJS"), work(container="Nature")) < match.CONTAINER_MISMATCH


def test_a_subtitle_given_on_one_side_only():
    assert title_similarity(ref("Deep learning"), work("Deep learning: A review")) == 1.0
    assert title_similarity(ref("Deep learning: A review"), work("Deep learning")) == 1.0
    assert title_similarity(ref("Deep learning: A review"), work("Deep learning: A survey")) < 1.0


def test_the_nearest_of_the_records_years_counts():
    from dataclasses import replace

    assert compare(ref(year="2018"), replace(work(), other_years=(2018,))).year_gap == 0


def test_judge_at_the_thresholds():
    from refcheck.net.verify.decide import judge

    def verdict(title, family="LeCun", year="2015"):
        return judge(ref(title, family, year), work(), "doi:10.1/x", ("Crossref",))

    assert verdict("Deep learning for the masses").status == "verified"
    assert verdict("Deep learning for the masses", year="2019").differences == (("year", "2019", "2015"),)
    # between TITLE_CONFLICT and TITLE_MATCH: the same work only with the same first author and year
    assert title_similarity(ref("Deep learning for masses of data"), work()) < TITLE_MATCH
    assert [d[0] for d in verdict("Deep learning for masses of data").differences] == ["title"]
    assert verdict("Deep learning for masses of data").status == "mismatch"
    assert verdict("Deep learning for masses of data", family="Smith").status == "conflict"
    assert verdict("Fast methods for sparse graphs").status == "conflict"


def test_an_original_edition_year_of_the_entry_counts():
    reissue = ref(year="1999", other_years=("1900",))
    assert compare(reissue, work(year=1900)).year_gap == 0
    assert compare(reissue, work(year=1999)).year_gap == 0


def test_first_author_in_family_first_order_or_after_a_group():
    from dataclasses import replace

    wang = Work("OpenAlex", "T", (("Xiaoming", "Wang"),), 2020)
    assert first_author_agrees(ref(family="Wang"), wang) is True
    assert first_author_agrees(ref(family="Wang"), replace(wang, source="Crossref")) is False
    group = Work("Crossref", "T", (("Reef Monitoring Consortium", ""), ("Ribeiro", "Ana")), 2020)
    assert first_author_agrees(ref(family="Ribeiro"), group) is True
    assert first_author_agrees(ref(family="Smith"), group) is None


def test_a_first_author_found_further_down_the_list_is_named():
    from refcheck.net.verify.match import differences

    record = Work("Crossref", "Deep learning for the masses", (("LeCun", "Yann"), ("Bengio", "Yoshua")), 2015)
    entry = ref(family="Bengio")
    assert differences(entry, record, compare(entry, record)) == (("first author", "Bengio", "LeCun (Bengio is the 2nd author)"),)
