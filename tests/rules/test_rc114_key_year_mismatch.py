from refcheck.extract.keys import key_year

from ..conftest import found, messages

FRONT = """---
references:
- id: {key}
  author: [{{family: Lemon, given: Edward}}]
  issued: {{date-parts: [[2018]]}}
  title: Critical approaches
  container-title: Central Asian Survey
  type: article-journal
---
Pooled resources [@{key}].
"""


def test_year_in_key_disagrees_with_the_entry():
    text = FRONT.format(key="lemon:2017b")
    assert found(text, "RC114") == [(3, 1, "RC114")]
    assert messages(text, "RC114") == ["the key 'lemon:2017b' says 2017 but the entry's year is 2018"]


def test_year_in_key_agrees_or_is_absent():
    assert found(FRONT.format(key="lemon2018"), "RC114") == []
    assert found(FRONT.format(key="lemonSecurity"), "RC114") == []


def test_key_year_reads_one_year_only():
    assert key_year("smith:2019b") == ("2019", "b")
    assert key_year("abbasova2022") == ("2022", "")
    assert key_year("Lemon_2018_security") == ("2018", "")
    assert key_year("report2019v2020") is None
    assert key_year("x12345") is None
    assert key_year("iso9001") is None
