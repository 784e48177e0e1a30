"""Embedded fonts whose subsets are made and packed once, not once per PDF.

Every PDF embeds, for each font it draws with, the glyphs of the characters it draws
(reportlab's subsetting). Cutting that subset out of the font file and packing it costs
about as much as laying out a page, and the documents of one programme draw the same
characters: all ASCII (reportlab always includes it) and a few letters such as æ, ø, å,
numbered in the order a document first draws them. So a subset is kept by its numbered
characters, and its packed bytes by those bytes; a document drawing other characters, or
the same in another order, gets its own.
"""

from __future__ import annotations

import zlib
from typing import Any

from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

_KEPT_MAX = 16  # subsets per face (some 50 kB each); the desk draws a handful


class _PackedOnce:
    """reportlab's Flate filter (zlib, as PDFStreamFilterZCompress packs), remembering
    what it packed: a subset's bytes come back unchanged in the next document."""

    pdfname = "FlateDecode"

    def __init__(self) -> None:
        self._packed: dict[bytes, bytes] = {}

    def encode(self, data: bytes) -> bytes:
        packed = self._packed.get(data)
        if packed is None:
            if len(self._packed) >= _KEPT_MAX:
                self._packed.clear()
            packed = self._packed[data] = zlib.compress(data)
        return packed

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


class _SubsetKeepingFace(TTFontFace):  # type: ignore[misc]
    """The font file's face, keeping each subset it cuts and the packed form of it."""

    _subsets: dict[tuple[int, ...], bytes]
    _filter: _PackedOnce

    def makeSubset(self, subset: list[int]) -> bytes:
        key = tuple(subset)
        made = self._subsets.get(key)
        if made is None:
            if len(self._subsets) >= _KEPT_MAX:
                self._subsets.clear()
            made = self._subsets[key] = super().makeSubset(subset)
        return made

    def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:
        descriptor = super().addSubsetObjects(doc, fontname, subset)
        stream = doc.idToObject[doc.idToObject[descriptor.name].dict["FontFile2"].name]
        if stream.filters:  # the document packs its streams
            stream.filters = [self._filter]
        return descriptor


class SubsetKeepingFont(TTFont):  # type: ignore[misc]
    """A TrueType font for the desk's PDFs: as reportlab's, with its subsets kept."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        # The face is made by TTFont from the file; it is given the keeping behaviour
        # rather than read a second time.
        self.face.__class__ = _SubsetKeepingFace
        self.face._subsets = {}
        self.face._filter = _PackedOnce()
