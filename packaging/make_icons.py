"""Render resources/icons/zcdesk.svg into the raster icons the installers need.

    .venv/bin/python packaging/make_icons.py

Writes, next to the SVG (the outputs are committed; rerun after changing the SVG):
  zcdesk-48.png, zcdesk-128.png, zcdesk-256.png   hicolor theme sizes for the .deb
  zcdesk.ico                                       16-256 px, for the Windows .exe and Inno Setup

Qt's SVG renderer draws the PNGs (PySide6 is already a dependency); Pillow (installed with
reportlab) packs the .ico, as Qt's ICO writer stores one size only.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (48, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    svg = ICONS / "zcdesk.svg"
    for size in PNG_SIZES:
        target = ICONS / f"zcdesk-{size}.png"
        target.write_bytes(render_png(svg, size))
        print(f"wrote {target}")
    # Each .ico size rendered from the SVG, not scaled down from 256 px: sharper at 16-32.
    images = [Image.open(io.BytesIO(render_png(svg, s))).convert("RGBA") for s in ICO_SIZES]
    ico = ICONS / "zcdesk.ico"
    images[-1].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                    append_images=images[:-1])
    print(f"wrote {ico}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
