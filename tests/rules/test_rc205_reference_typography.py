from ..conftest import found, messages, suggestions


def doc(entry):
    return f"Spending will rise (Post, 2024).\n\nReferences\n{entry}\n"


def test_closing_quote_as_apostrophe():
    text = doc("Post (2024). Kazakhstan\u201ds Budget Spending to Increase by 7% in 2025. Caspian Post.")
    assert found(text, "RC205") == [(4, 14, "RC205")]
    assert messages(text, "RC205") == ['Post (2024): a closing double quote used as an apostrophe: "Kazakhstan\u201ds"']
    assert suggestions(text, "RC205") == ["Kazakhstan\u2019s"]


def test_unbalanced_mojibake_doubled_and_url_space():
    assert messages(doc("Post (2024). \u201cThe Politics of Housing,\u201d Annual Review 22\u201d 165-85."), "RC205") == ["Post (2024): unbalanced \u201c\u201d"]
    assert messages(doc("Post (2024). Budget (draft. Caspian Post."), "RC205") == ["Post (2024): unbalanced ()"]
    assert messages(doc("Post (2024). Kazakhstanâ€™s budget. Caspian Post."), "RC205") == [
        'Post (2024): mojibake (text decoded with the wrong encoding): "â€™"'
    ]
    assert messages(doc("Post (2024). Budget,, spending. Caspian Post."), "RC205") == ['Post (2024): doubled punctuation: ",,"']
    assert messages(doc("Post (2024). Budget. Retrieved from https://caspianpost.com/ politics/budget.html"), "RC205") == [
        'Post (2024): whitespace inside a URL: "https://caspianpost.com/ politics/budget.html"'
    ]


def test_clean_entry_and_ellipsis_are_fine():
    assert found(doc("Post (2024). \u201cBudget\u2019s rise\u201d ... and more. Caspian Post, 3(1), 1-2."), "RC205") == []
