"""The postings' version: raised by every write of a posting, read by the match index."""

from __future__ import annotations

import pytest

from app.jobs.versions import postings_version
from tests.data import make_posting

pytestmark = pytest.mark.usefixtures("taxonomy")


def test_a_new_posting_raises_the_postings_version(db) -> None:
    before = postings_version(db)
    posting = make_posting(db)
    after_insert = postings_version(db)
    assert after_insert > before
    posting.title = "Sygeplejerske, nat"
    db.flush()
    assert postings_version(db) == after_insert + 1
    db.flush()
    assert postings_version(db) == after_insert + 1, "a flush without a posting"
