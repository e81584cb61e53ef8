"""What the template screens share: kind names, placeholder names, the highlighter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from models.outreach.placeholders import tokens
from ui.colors import OVERDUE_RED, WORKDAY_BLUE, on_palette, tint
from ui.i18n import aside, join


def _t(text: str) -> str:
    return QCoreApplication.translate("OutreachLabels", text)


def kind_labels() -> dict[str, str]:
    """models.outreach.builtins.KINDS."""
    return {"welcome": _t("欢迎"), "birthday": _t("生日"), "reminder": _t("活动提醒"),
            "followup": _t("跟进"), "renewal": _t("续费"), "other": _t("其他")}


def placeholder_labels() -> dict[str, str]:
    """What each placeholder stands for (models.outreach.placeholders.PLACEHOLDERS)."""
    return {
        "salutation": _t("称呼：群昵称的第一段（“-”之前），没有群昵称时用姓名"),
        "nickname": _t("群昵称"), "name": _t("姓名"), "wechat_name": _t("微信昵称"),
        "city": _t("城市"), "activity": _t("活动名称"), "date": _t("活动日期，如 12月13日（周六）"),
        "time": _t("活动时间，如 14:00-16:00"), "place": _t("活动地点"),
        "group": _t("群名：活动的群，否则成员所在的第一个群"),
    }


class PlaceholderHighlighter(QSyntaxHighlighter):
    """Placeholders in colour: known ones in blue, unknown ones on red. With `problems`
    (a filled-in text), every placeholder left is on red: it has no value to send."""

    def __init__(self, document: QTextDocument, problems: bool = False) -> None:
        super().__init__(document)
        self.problems = problems
        self.known = QTextCharFormat()
        self.known.setForeground(on_palette(WORKDAY_BLUE))
        self.known.setFontWeight(600)
        self.bad = QTextCharFormat()
        self.bad.setForeground(on_palette(OVERDUE_RED))
        self.bad.setBackground(tint(QColor(OVERDUE_RED)))
        self.bad.setFontUnderline(True)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        for token in tokens(text):
            bad = self.problems or token.key is None
            self.setFormat(token.start, token.end - token.start, self.bad if bad else self.known)


def missing_text(missing: list[str], unknown: list[str]) -> str:
    """What a filled-in text still lacks, in words ("" when it is complete)."""
    described = {"salutation": _t("称呼"), "nickname": _t("群昵称"), "name": _t("姓名"),
                 "wechat_name": _t("微信昵称"), "city": _t("城市"), "activity": _t("活动"),
                 "date": _t("日期"), "time": _t("时间"), "place": _t("地点"), "group": _t("群名")}
    parts = []
    if missing:
        parts.append(_t("没有值：%1").replace("%1", join(described[k] for k in missing)))
    if unknown:
        parts.append(_t("不认识：%1").replace("%1", join(f"{{{w}}}" for w in unknown)))
    return _t("；").join(parts)


def titled(name: str, kind: str) -> str:
    """A template's name with its kind beside it, unless the name already says it
    ("生日祝福" needs no "（生日）")."""
    kind_text = kind_labels().get(kind, kind)
    return name if kind_text.lower() in name.lower() else name + aside(kind_text)
