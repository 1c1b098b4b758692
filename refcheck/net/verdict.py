"""The verdict on a final HTTP answer: alive, redirected, dead, error or unverifiable, in words."""

from __future__ import annotations

import re

from ..extract.urls import Url
from .status import LinkStatus

_LOGIN = re.compile(r"/(?:login|signin|sign-in|log-in|auth|sso|account/login)\b", re.IGNORECASE)


def verdict(done, parsed: Url, code, answer, chain, current: Url, permanent, retries) -> LinkStatus:
    """``done(status, code, chain, final, reason, title)`` for the last answer of a probe."""
    after = f" after {retries} retr{'y' if retries == 1 else 'ies'}" if retries else ""
    if code is not None and 200 <= code < 300:
        if chain and permanent and current.text.rstrip("/") != parsed.text.rstrip("/"):
            path = current.path
            soft = " (the site's home page: likely a removed page)" if path in ("", "/") and parsed.path not in ("", "/") else ""
            soft = soft or (" (a login page)" if _LOGIN.search(path) else "")
            return done("redirected", code, chain, current, f"moved permanently{soft}", answer.title)
        return done("alive", code, chain, current, "", answer.title)
    if code in (404, 410):
        return done("dead", code, chain, current, f"HTTP {code}")
    if code == 429:
        return done("unverifiable", code, chain, current, f"rate limited (429){after}")
    if code == 999:
        return done("unverifiable", code, chain, current, "bot wall (999)")
    if code in (401, 403):
        mitigated = answer.headers.get("cf-mitigated", "")
        why = "bot challenge (cf-mitigated: challenge)" if mitigated else "access denied"
        return done("unverifiable", code, chain, current, f"{why} ({code})")
    if code is not None and code >= 500:
        return done("error", code, chain, current, f"HTTP {code}{after}")
    return done("error", code, chain, current, f"HTTP {code}")
