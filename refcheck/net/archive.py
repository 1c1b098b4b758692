"""Archived copies of dead pages from the Wayback Machine availability API.

Its own failures are silent: a missing suggestion is better than a false alarm.
"""

from __future__ import annotations

import asyncio
from urllib.parse import quote

import httpx

API = "https://archive.org/wayback/available?url="


async def archived_copy(client: httpx.AsyncClient, url: str, timeout: float = 10.0) -> str | None:
    try:
        response = await asyncio.wait_for(client.get(API + quote(url, safe=""), timeout=timeout), timeout)
        if response.status_code != 200:
            return None
        closest = response.json().get("archived_snapshots", {}).get("closest", {})
    except (httpx.HTTPError, httpx.InvalidURL, asyncio.TimeoutError, ValueError, AttributeError):
        return None
    if not isinstance(closest, dict):
        return None
    if closest.get("available") and str(closest.get("status", "200")).startswith("2"):
        return closest.get("url") if isinstance(closest.get("url"), str) else None
    return None
