"""Bytes to text: BOMs, UTF-8, detected legacy encodings, line endings."""

from __future__ import annotations

import codecs
import unicodedata

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(path: str, data: bytes) -> str:
    """Decode a document; raise :class:`InputError` for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return normalise(data[len(bom):].decode(encoding))
            except UnicodeDecodeError as exc:
                raise InputError(path, f"invalid {encoding} after its byte-order mark: {exc.reason}") from None
    if b"\x00" in data[:8192]:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(path, "binary data, not a text document")
        return normalise(text)
    try:
        return normalise(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only when UTF-8 fails

    encoding = _guess(from_bytes(data[: 1024 * 1024]))
    try:
        text = data.decode(encoding, errors="replace")
    except LookupError:  # pragma: no cover - an encoding Python lacks
        text = data.decode("cp1252", errors="replace")
    return normalise(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text written without a byte-order mark, or None.

    Mostly-Latin UTF-16 has a NUL in every other byte: the high bytes (odd
    positions for little-endian, even for big-endian) are nearly all NUL, the
    others nearly none. Binary data does not look like that; what does, and
    decodes strictly to text without control characters, is read as text."""
    sample = data[:8192]
    pairs = len(sample) // 2
    if len(data) % 2 or pairs < 2:
        return None
    even = sample[0::2].count(0) / pairs
    odd = sample[1::2].count(0) / pairs
    for encoding, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high >= 0.5 and low <= 0.02:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            controls = sum(1 for c in text if c < " " and c not in "\t\n\r\f")
            return text if controls <= len(text) // 100 else None
    return None


# Among equally plausible guesses, the encodings most documents are written in.
_PREFERRED = ("cp1252", "cp1250", "cp1251", "latin_1", "iso8859_15", "iso8859_2", "mac_roman")


def _guess(matches) -> str:
    """The detector's pick, unless a common Windows/ISO encoding is as plausible
    (short inputs give near-ties between obscure code pages)."""
    if not matches:
        return "cp1252"
    least = min(m.chaos for m in matches)
    plausible = {m.encoding for m in matches if m.chaos <= least}
    for encoding in _PREFERRED:
        if encoding in plausible:
            return encoding
    return matches.best().encoding


def normalise(text: str) -> str:
    """Normalise line endings to ``\\n`` (CRLF, CR, and Unicode separators), and
    decomposed accents to composed letters (NFC: "Ade\\u0301" is "Adé"), so that
    names match however the file spells them. Columns count composed characters."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text
