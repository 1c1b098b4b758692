"""``--verify``: look references up in Crossref, OpenAlex, DataCite and arXiv.

One small client per service behind one interface (:mod:`.http`), a matcher
that scores a record against the parsed reference (:mod:`.match`), and the
decision that turns the answers into a verdict (:mod:`.decide`). A work is
reported as not found only when every source answered; anything less is
"cannot determine", with the reason. Imported only when ``--verify`` runs.
"""
