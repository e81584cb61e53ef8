"""Fonts that can show Chinese, chosen explicitly (Qt's fallback is not reliable in PDFs)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

# Simplified-Chinese families first: with only Noto CJK installed, naming the SC family
# stops Qt from picking Japanese glyph forms.
CJK_FAMILIES = (
    "Microsoft YaHei", "Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC",
    "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
    "Hiragino Sans GB", "SimHei", "SimSun", "Droid Sans Fallback",
)


def cjk_family() -> str | None:
    """The first installed family that covers Simplified Chinese, or None."""
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return family
    return None


def ui_font(point_size: float | None = None) -> QFont:
    """The application font: the platform's UI font with a CJK family as fallback."""
    font = QFont()
    base = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
    families = [base]
    cjk = cjk_family()
    if cjk and cjk != base:
        families.insert(0 if base in ("", "Sans Serif", "DejaVu Sans") else 1, cjk)
    font.setFamilies(families)
    if point_size:
        font.setPointSizeF(point_size)
    return font
