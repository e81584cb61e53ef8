"""Text ready to paste into WeChat: WeChat shows plain text, so Markdown marks go."""

from __future__ import annotations

import re

_BOLD = re.compile(r"(\*\*|__)(.+?)\1")
_HEADING = re.compile(r"^#{1,6}[ \t]+", re.M)
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+", re.M)
_LINK = re.compile(r"\[([^\]]+)\]\((\S+?)\)")
_BLANKS = re.compile(r"\n{3,}")


def wechat_text(title: str, body: str) -> str:
    """The body as WeChat-friendly plain text (the title when there is no body):
    **bold**/# headings unwrapped, list marks as •, [text](url) as "text url",
    Windows line ends and trailing spaces removed, at most one blank line in a row."""
    text = (body or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _LINK.sub(r"\1 \2", text)
    text = _BOLD.sub(r"\2", text)
    text = _HEADING.sub("", text)
    text = _BULLET.sub("• ", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = _BLANKS.sub("\n\n", text).strip()
    return text or (title or "").strip()
