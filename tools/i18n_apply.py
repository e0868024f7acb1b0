"""Apply a file of Danish translations to the Danish catalogue (a translator's tool).

Usage: python tools/i18n_apply.py TRANSLATIONS.py, where the file defines a dict DA of
English message id -> Danish text. Messages not in DA keep what they have.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

CATALOGUE = (
    Path(__file__).resolve().parent.parent / "translations/da/LC_MESSAGES/messages.po"
)


def main(path: str) -> None:
    translations = runpy.run_path(path)["DA"]
    with CATALOGUE.open("rb") as handle:
        catalog = read_po(handle, locale="da")
    unknown = set(translations)
    for message in catalog:
        if message.id and message.id in translations:
            message.string = translations[message.id]
            message.flags.discard("fuzzy")
            unknown.discard(message.id)
    with CATALOGUE.open("wb") as handle:
        write_po(handle, catalog, width=88, sort_output=True)
    missing = [m.id for m in catalog if m.id and not m.string]
    print(f"applied; {len(unknown)} unknown ids, {len(missing)} still untranslated")
    for msgid in missing:
        print("  missing:", msgid)


if __name__ == "__main__":
    main(sys.argv[1])
