"""What went wrong with a request, in words, and whether trying again can help."""

from __future__ import annotations

import builtins
import email.utils
import zlib

import httpx

_GROUP: tuple[type[BaseException], ...] = tuple(
    t for t in (getattr(builtins, "ExceptionGroup", None),) if t is not None
)
try:  # Python 3.10: anyio raises the backport's group
    from exceptiongroup import ExceptionGroup as _BackportGroup  # type: ignore[import-not-found]

    _GROUP += (_BackportGroup,)
except ImportError:
    pass

# Everything a request to a hostile or broken server may raise besides httpx.HTTPError:
# an URL httpx refuses, a port that overflows, a charset or header that does not decode.
REQUEST_ERRORS: tuple[type[BaseException], ...] = (
    httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, ValueError, OverflowError, OSError, LookupError, zlib.error,
) + _GROUP

RETRYABLE = ("timeout", "reset")


def classify(exc: BaseException) -> tuple[str, str]:
    """(kind, detail): kind is "timeout", "reset", "refused", "tls", "redirect" or "other";
    only "timeout" and "reset" are worth a retry."""
    text = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        return "timeout", "timed out"
    if not isinstance(exc, httpx.HTTPError):
        return "other", f"request failed: {type(exc).__name__}: {text}"
    low = text.lower()
    if "location header" in low:
        return "redirect", f"invalid redirect target ({text.rstrip('.')})"
    if "ssl" in low or "certificate" in low or "tls" in low:
        return "tls", f"TLS failure: {text}"
    if "refused" in low:
        return "refused", "connection refused"
    if isinstance(exc, httpx.ReadError) or "reset" in low:
        return "reset", f"connection reset: {text}"
    if isinstance(exc, httpx.RemoteProtocolError):
        if "disconnected" in low or "closed" in low:
            return "reset", f"connection reset: {text}"
        return "other", f"invalid HTTP response: {text}"
    return "other", text


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value) if len(value) < 10 else None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, OverflowError, IndexError):
        return None
    try:
        return max(0.0, when.timestamp() - now)
    except (OverflowError, ValueError, OSError):
        return None
