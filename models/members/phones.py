"""Phone numbers as owners write them: mobiles (stored as 11 digits), landlines with
their area code and extension, international numbers (both kept as written).

Nothing is ever reshaped into something it was not: "021-12345678" stays a landline (it
used to become the fake mobile-like 02112345678), and text that is no number at all is
the caller's to refuse (the card) or keep with a warning (an import).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

MOBILE_RE = re.compile(r"1[3-9]\d{9}")
_EXT = r"(?:\s*(?:-|—|转|分机|ext\.?|x|#)\s*\d{1,6})?"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(landline, international), compiled when first needed: nearly every phone an
    import or a card sees is a mobile, and these take milliseconds to compile."""
    # 021-12345678, (0571) 8888 6666, 0755-8888-6666 转 123, +86 21 1234 5678, 400-820-8820
    landline = re.compile(
        r"(?:(?:\+|00)86[\s-]*)?(?:[(（]\s*0?\d{2,3}\s*[)）]|0\d{2,3}|(?<=86)[\s-]*\d{2,3})"
        r"[\s-]*\d{3,4}[\s-]?\d{4}" + _EXT + r"|[48]00[\s-]?\d{3}[\s-]?\d{4}" + _EXT,
        re.I)
    # +1 415 555 0100, +44 (20) 7946 0958, 00852 9123 4567 (other countries than +86)
    international = re.compile(r"(?:\+|00)(?!86)[1-9][\d\s()（）-]{5,20}\d" + _EXT, re.I)
    return landline, international
_SEPARATORS = re.compile(r"[\s\-()（）.]")
_SCIENTIFIC = re.compile(r"[+-]?\d(?:\.\d+)?[eE]\+?\d{1,3}")


def mobile_digits(text: str) -> str | None:
    """'+86 138-0013-8000' -> '13800138000'; None when the text is no mobile number."""
    digits = _SEPARATORS.sub("", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return digits if MOBILE_RE.fullmatch(digits) else None


def phone_kind(text: str) -> str | None:
    """'mobile', 'landline', 'international', or None for text that is no phone number."""
    if not text:
        return None
    if MOBILE_RE.fullmatch(text) or mobile_digits(text):
        return "mobile"
    landline, international = _patterns()
    if landline.fullmatch(text):
        return "landline"
    if international.fullmatch(text) and 7 <= sum(c.isdigit() for c in text) <= 15:
        return "international"
    return None


def is_scientific(text: str) -> bool:
    """'1.38001E+10': a number Excel showed (and a CSV kept) with its last digits lost."""
    return bool(_SCIENTIFIC.fullmatch(text.strip()))


def phone_digits(value: Any) -> str:
    """The digits of a phone number (what search and matching compare)."""
    return "".join(c for c in str(value or "") if c.isdigit())
