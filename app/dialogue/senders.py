"""How e-mail and SMS leave Jobunivers: one small interface, chosen by configuration.

`console` writes each message to standard output (development), `file` appends one
JSON line per message to a file. A provider (an SMTP relay, an SMS gateway) is one more
class with `send`, named in EMAIL_SENDER or SMS_SENDER.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol, TextIO


@dataclass(frozen=True)
class Outgoing:
    id: int
    channel: str
    recipient: str
    subject: str
    body: str


class Sender(Protocol):
    def send(self, message: Outgoing) -> None: ...


class ConsoleSender:
    """Writes each message to a stream (standard output by default)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout

    def send(self, message: Outgoing) -> None:
        self.stream.write(
            f"[{message.channel} #{message.id}] to {message.recipient}: "
            f"{message.subject}\n{message.body}\n\n"
        )


class FileSender:
    """Appends each message to a file as one JSON line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)

    def send(self, message: Outgoing) -> None:
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(asdict(message), ensure_ascii=False) + "\n")


def sender_named(name: str, file: Path) -> Sender:
    """The sender a setting names ("console" or "file")."""
    if name == "console":
        return ConsoleSender()
    if name == "file":
        return FileSender(file)
    raise ValueError(f"unknown sender {name!r}: use console or file")
