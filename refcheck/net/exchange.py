"""One request and what its answer says: status, headers, the page's title,
or what went wrong; the rest of a short body is read so that the connection is
used again. :class:`LinkClient` is the httpx client the link stage sends with."""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

from .body import finish, raw_chunks, read_title
from .failures import REQUEST_ERRORS, classify
from .slots import Deadline


class _SetCookieOnly(httpx.Cookies):
    """A cookie jar that reads a response only when it sets a cookie: httpx
    builds urllib stand-ins of the request and the response for the jar on
    every response (a tenth of a millisecond), and with no Set-Cookie header
    the jar takes nothing from them (Set-Cookie2 counts only under RFC 2965,
    which the default policy leaves off)."""

    def extract_cookies(self, response: httpx.Response) -> None:
        if "set-cookie" in response.headers:
            super().extract_cookies(response)


class LinkClient(httpx.AsyncClient):
    """httpx's client, with :class:`_SetCookieOnly` as its cookie jar."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._jar = _SetCookieOnly(httpx.AsyncClient.cookies.fget(self))  # type: ignore[attr-defined]

    @property  # type: ignore[override]
    def cookies(self) -> httpx.Cookies:
        return self._jar

    @cookies.setter
    def cookies(self, cookies) -> None:
        self._jar = _SetCookieOnly(cookies)


@dataclass
class Answer:
    status: int | None = None
    headers: httpx.Headers = field(default_factory=httpx.Headers)
    title: str | None = None
    failure: str | None = None  # "deadline", "timeout", "reset", "refused", "tls", "redirect", "other"
    detail: str = ""


async def send(client: httpx.AsyncClient, method: str, url: str, headers: dict[str, str], settings,
               deadline: Deadline) -> Answer:
    """``settings``: the prober's (want_titles, title_bytes, finish_bytes, finish_seconds)."""
    try:
        async with client.stream(method, url, headers=headers) as response:
            title = None
            chunks = raw_chunks(response)
            kind = response.headers.get("content-type", "")
            if method == "GET" and settings.want_titles and "html" in kind and response.status_code < 300:
                title = await read_title(response, settings.title_bytes, chunks)
            # the rest of a short body, so that the connection is used again; never at the cost of the answer
            seconds = min(settings.finish_seconds, deadline.left() - 0.1)
            if seconds > 0:
                await finish(response, chunks, settings.finish_bytes, seconds)
            return Answer(response.status_code, response.headers, title)
    except REQUEST_ERRORS as exc:
        failure, detail = classify(exc)
        return Answer(failure=failure, detail=detail)
