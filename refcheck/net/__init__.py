"""The URL stage: collect -> dedupe -> policy -> probe -> LinkStatus (cached).

Imported only when ``--links`` is used: httpx and sqlite load with it.
"""
