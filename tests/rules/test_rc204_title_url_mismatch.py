import pytest

from ..conftest import found, messages


def entry(title, url):
    return f"Cited (Dukeev, 2023).\n\nReferences\nDukeev, Berikbol (2023). {title}. Retrieved from {url}. Accessed on 10.06.2025.\n"


def test_swapped_word():
    text = entry("Kazakhstan Cautiously Builds Ties with China",
                 "https://jamestown.org/program/kazakhstan-cautiously-intensifies-ties-with-china/")
    assert found(text, "RC204") == [(4, 1, "RC204")]
    assert messages(text, "RC204") == [
        'Dukeev (2023): the title has "Builds" where the URL slug has "intensifies"; the title may have been retyped'
    ]


def test_url_of_another_article():
    text = entry("Kazakhstan Cautiously Builds Ties with China",
                 "https://jamestown.org/program/russia-expands-naval-presence-in-caspian-sea/")
    assert messages(text, "RC204")[0].endswith("the URL may belong to another article")


@pytest.mark.parametrize(
    "title, url",
    [
        ("Kazakhstan\u201ds Budget Spending to Increase by 7% in 2025",
         "https://caspianpost.com/politics/kazakhstan-s-budget-spending-to-increase-by-7-percent-in-2025?"),
        ("Kazakhstan Spends $1.5 Billion on Defense This Year",
         "https://astanatimes.com/2023/10/kazakhstan-spends-1-5-billion-on-defense-this-year/"),
        ("Russia-Led CSTO Troops Begin Withdrawal from Kazakhstan",
         "https://www.rferl.org/a/kazakhstan-csto-troops-withdrawal-russia/31652147.html"),
        ("Türkiye to Produce Drone in Kazakhstan", "https://www.aa.com.tr/en/economy/turkiye-to-produce-drone-in-kazakhstan/2584822"),
        ("Kazakhstan and Qatar to foster military cooperation", "https://qazinform.com/news/kazakhstan-and-qatar-to-foster-military-cooperation-19d6dd"),
        ("Seven Ways to Cool a City", "https://example.org/2020/05/7-ways-to-cool-a-city"),
        ("Cooling Cities", "https://example.org/articles/cooling-cities-with-trees-and-water-a-guide"),
        ("PyTorch library for CAM methods [Software]", "https://github.com/jacobgil/pytorch-grad-cam"),
    ],
)
def test_tolerated_differences(title, url):
    assert found(entry(title, url), "RC204") == []


def test_slug_of_a_bracketed_ipv6_url_is_compared():
    text = entry("Kazakhstan Cautiously Builds Ties with China", "http://[2001:db8::5]:8080/kazakhstan-cautiously-intensifies-ties-with-china")
    assert messages(text, "RC204") == [
        'Dukeev (2023): the title has "Builds" where the URL slug has "intensifies"; the title may have been retyped'
    ]


@pytest.mark.parametrize("url", ["http://[2001:db8::5/kazakhstan-cautiously-intensifies-ties", "http://x.org:99999/a-b-c-d-e",
                                 "http://ｘ＠ｙ.org/kazakhstan-cautiously-intensifies-ties"])
def test_an_unusable_url_has_no_slug_to_compare(url):
    assert found(entry("Kazakhstan Cautiously Builds Ties with China", url), "RC204") == []
