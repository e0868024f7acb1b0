"""The Danish and English catalogues are complete, not fuzzy, and cover the code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent


def _catalogue(lang: str):
    with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=lang)


def _strings(message) -> list[str]:
    return (
        list(message.string) if isinstance(message.string, tuple) else [message.string]
    )


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_message_is_translated_and_none_is_fuzzy(lang: str) -> None:
    catalog = _catalogue(lang)
    missing = [m.id for m in catalog if m.id and not all(_strings(m))]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert missing == [], f"untranslated in {lang}"
    assert fuzzy == [], f"fuzzy in {lang}"


@pytest.mark.parametrize("lang", ["da", "en"])
def test_catalogue_covers_every_message_in_the_code(lang: str, tmp_path: Path) -> None:
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-o",
            str(pot),
            "app",
        ],
        check=True,
        cwd=ROOT,
    )
    with pot.open("rb") as f:
        wanted = {
            m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id
        }
    have = {
        m.id if isinstance(m.id, str) else m.id[0] for m in _catalogue(lang) if m.id
    }
    assert sorted(wanted - have) == [], "run `make i18n` and translate the new messages"


def test_placeholders_survive_translation() -> None:
    import re

    for message in _catalogue("da"):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = set(re.findall(r"%\(\w+\)s", " ".join(ids)))
        for text in _strings(message):
            assert set(re.findall(r"%\(\w+\)s", text)) == wanted, message.id


def test_pages_render_in_both_languages(client, get_page) -> None:
    assert get_page("/").h1.get_text(strip=True) == "Velkommen til Jobunivers"
    client.post("/sprog", data={"lang": "en", "next": "/"}, headers={})
    page = get_page("/")
    assert page.html["lang"] == "da", "a POST without CSRF changes nothing"
    from tests.pages import csrf_token

    response = client.post(
        "/sprog",
        data={"csrf_token": csrf_token(client), "lang": "en", "next": "/om-data"},
    )
    assert response.headers["Location"] == "/om-data"
    page = get_page("/om-data")
    assert page.html["lang"] == "en"
    assert page.h1.get_text(strip=True) == "About the data and algorithms"


def test_language_choice_is_remembered_on_the_account(
    client, db, make_caseworker, login
):
    from tests.pages import csrf_token

    user = make_caseworker()
    login(user)
    client.post(
        "/sprog", data={"csrf_token": csrf_token(client), "lang": "en", "next": "/"}
    )
    db.refresh(user)
    assert user.locale == "en"


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example", "/\\evil"]
)
def test_language_switch_never_redirects_off_site(client, target: str) -> None:
    from tests.pages import csrf_token

    response = client.post(
        "/sprog", data={"csrf_token": csrf_token(client), "lang": "en", "next": target}
    )
    assert response.headers["Location"] == "/"


def test_one_word_for_a_provider() -> None:
    """ "Udbyder" in Danish and "provider" in English, never "leverandør" or "supplier"."""
    danish = [s for m in _catalogue("da") if m.id for s in _strings(m)]
    english = [s for m in _catalogue("en") if m.id for s in _strings(m)]
    assert [s for s in danish if "leverandør" in s.lower()] == []
    assert any("udbyder" in s.lower() for s in danish)
    assert [
        s for s in english if "service provider" in s.lower() or "supplier" in s.lower()
    ] == []
