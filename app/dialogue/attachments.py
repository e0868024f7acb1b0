"""Attachments of messages: checked by their content, stored under instance/.

A file is accepted when its first bytes say PDF, PNG or JPEG and its name ends to
match, it is not empty and not over ATTACHMENT_MAX_BYTES, and its name is a plain name
(no folders, no control characters, no leading dot). The file is written under
instance/attachments/ by a random key, never under the name it came with, and served
only through a view that checks who asks.
"""

from __future__ import annotations

import hashlib
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask_babel import lazy_gettext as _l

# Content type by the file's first bytes, and the name endings each may have.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
ENDINGS = {
    "application/pdf": (".pdf",),
    "image/png": (".png",),
    "image/jpeg": (".jpg", ".jpeg"),
}
MAX_NAME = 100


class AttachmentRefused(ValueError):
    """A file that is not accepted; `message` says why, in words for the citizen."""

    def __init__(self, message: Any) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class CheckedFile:
    filename: str
    content_type: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def content_type_of(data: bytes) -> str | None:
    for signature, content_type in SIGNATURES:
        if data.startswith(signature):
            return content_type
    return None


def safe_name(name: str) -> str | None:
    """The name if it is a plain file name, else None."""
    name = unicodedata.normalize("NFC", name or "").strip()
    if (
        not name
        or len(name) > MAX_NAME
        or name.startswith(".")
        or any(c in name for c in "/\\:")
        or ".." in name
        or any(unicodedata.category(c).startswith("C") for c in name)
    ):
        return None
    return name


def check_file(name: str, data: bytes, max_bytes: int) -> CheckedFile:
    """The file, checked; raises AttachmentRefused with the reason in words."""
    filename = safe_name(name)
    if filename is None:
        raise AttachmentRefused(
            _l(
                "The file name is not allowed. Rename the file, for example to letter.pdf."
            )
        )
    if not data:
        raise AttachmentRefused(_l("The file is empty."))
    if len(data) > max_bytes:
        raise AttachmentRefused(
            _l(
                "The file is too large. It may be at most %(mb)s MB.",
                mb=max(1, max_bytes // (1024 * 1024)),
            )
        )
    content_type = content_type_of(data)
    if content_type is None or not filename.lower().endswith(ENDINGS[content_type]):
        raise AttachmentRefused(
            _l("You can only attach PDF files and pictures (PNG or JPEG).")
        )
    return CheckedFile(filename, content_type, data)


def store(folder: Path, checked: CheckedFile) -> str:
    """Write the file under a new random key; returns the key."""
    key = secrets.token_hex(24)
    target = folder / key[:2]
    target.mkdir(parents=True, exist_ok=True)
    (target / key).write_bytes(checked.data)
    return key


def path_of(folder: Path, key: str) -> Path:
    return folder / key[:2] / key
