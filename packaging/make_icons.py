"""Draw the desk's icon and write it as PNG (Linux, the window), ICO (Windows) and ICNS (macOS).

Run after changing the drawing; the results are committed, so a build needs no extra tools:

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

ICO and ICNS files may hold PNG images as they are, so both are written from Qt's PNG
bytes here without an imaging library.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
LINUX_ICON = ROOT / "packaging" / "linux" / "dk.rn.kulturpunktdesk.png"

ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
# ICNS element types that hold a PNG of the given size.
ICNS_TYPES = [(b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256)]
ICNS_TYPES += [(b"ic09", 512), (b"ic10", 1024)]


def draw(size: int, family: str) -> QImage:
    """A rounded blue square with a white K and an orange dot: the culture *punkt*."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    s = float(size)
    margin = s * 0.04
    tile = QRectF(margin, margin, s - 2 * margin, s - 2 * margin)
    gradient = QLinearGradient(tile.topLeft(), tile.bottomRight())
    gradient.setColorAt(0.0, QColor("#2b6cb0"))
    gradient.setColorAt(1.0, QColor("#1a365d"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(tile, s * 0.2, s * 0.2)

    font = QFont(family)
    font.setBold(True)
    font.setPixelSize(max(int(s * 0.66), 8))
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, "K")
    box = path.boundingRect()
    # Centre the letter a little left of the middle, leaving room for the dot.
    path.translate(s * 0.44 - box.center().x(), s * 0.5 - box.center().y())
    p.setBrush(QColor("#ffffff"))
    p.drawPath(path)

    dot = s * 0.2
    p.setBrush(QColor("#f6ad35"))
    p.setPen(QPen(QColor("#ffffff"), max(s * 0.025, 1.0)))
    p.drawEllipse(QRectF(s * 0.7, s * 0.7, dot, dot).translated(-dot * 0.25, -dot * 0.25))
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR, one ICONDIRENTRY per size, then the PNG images (Windows Vista and later)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICO entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    font_id = QFontDatabase.addApplicationFont(
        str(ROOT / "resources" / "fonts" / "DejaVuSans-Bold.ttf")
    )
    families = QFontDatabase.applicationFontFamilies(font_id)
    family = families[0] if families else "Sans Serif"
    sizes = sorted(set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    pngs = {size: png_bytes(draw(size, family)) for size in sizes}
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "kulturpunkt.png").write_bytes(pngs[256])
    (ICONS / "kulturpunkt.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "kulturpunkt.icns").write_bytes(icns(pngs))
    LINUX_ICON.parent.mkdir(parents=True, exist_ok=True)
    LINUX_ICON.write_bytes(pngs[256])
    del app
    print(f"Skrev ikoner i {ICONS} og {LINUX_ICON}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
