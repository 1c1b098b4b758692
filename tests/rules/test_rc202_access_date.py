from ..conftest import found, messages

ENTRY = "Bicer, Aysu (2022). Türkiye to produce drone in Kazakhstan. Retrieved from https://www.aa.com.tr/en/x/2584822. Accessed on {}."


def check(date):
    return f"It was reported (Bicer, 2022).\n\nReferences\n{ENTRY.format(date)}\n"


def test_before_publication_future_and_unreadable():
    assert messages(check("24.06.2021"), "RC202") == ["Bicer (2022): accessed 2021-06-24, before the work's year 2022"]
    assert messages(check("24.06.2099"), "RC202") == ["Bicer (2022): access date 2099-06-24 is in the future"]
    assert messages(check("31.02.2024"), "RC202") == ['Bicer (2022): cannot read the access date "31.02.2024"']
    assert found(check("31.02.2024"), "RC202") == [(4, 1, "RC202")]


def test_good_and_ambiguous_dates_are_silent():
    assert found(check("24.06.2025"), "RC202") == []
    assert found(check("1/6/2023"), "RC202") == []
