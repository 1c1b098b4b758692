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
        raise InputError(path, "binary data, not a text document")
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
