"""CVR numbers: eight digits whose weighted sum is divisible by 11 (the mod-11 check)."""

from __future__ import annotations

WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def normalise_cvr(value: str) -> str:
    """The digits of a CVR number as typed ("DK 12 34 56 78" -> "12345678")."""
    text = value.strip().upper()
    if text.startswith("DK"):
        text = text[2:]
    return "".join(text.split()).replace("-", "")


def valid_cvr(value: str) -> bool:
    """Whether value is eight ASCII digits, not starting with 0, passing the mod-11 check."""
    digits = normalise_cvr(value)
    if len(digits) != 8 or not digits.isascii() or not digits.isdigit():
        return False
    if digits[0] == "0":
        return False
    return sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11 == 0


def with_check_digit(first_seven: int) -> str | None:
    """The valid CVR number that begins with these seven digits (None when the check
    digit would be 10: no CVR number begins so)."""
    head = f"{first_seven:07d}"
    rest = sum(int(d) * w for d, w in zip(head, WEIGHTS[:7], strict=True)) % 11
    check = (11 - rest) % 11
    return None if check == 10 else f"{head}{check}"
