"""Fixtures of the dialogue's tests: attachments in a folder of the test's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask


@pytest.fixture
def attachment_folder(app: Flask, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "attachments"
    original = app.config["ATTACHMENT_FOLDER"]
    app.config["ATTACHMENT_FOLDER"] = str(folder)
    yield folder
    app.config["ATTACHMENT_FOLDER"] = original
