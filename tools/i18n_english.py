"""Fill the English catalogue from its English message ids (make i18n runs this).

The message ids are English, so the English translation of each is the id itself; a
message id changed in the code reaches the English catalogue without anyone typing it.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po, write_po

CATALOGUE = (
    Path(__file__).resolve().parent.parent / "translations/en/LC_MESSAGES/messages.po"
)


def main() -> None:
    with CATALOGUE.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    for message in catalog:
        if not message.id:
            continue
        message.string = message.id
        message.flags.discard("fuzzy")
    with CATALOGUE.open("wb") as handle:
        write_po(handle, catalog, width=88, sort_output=True, omit_header=False)


if __name__ == "__main__":
    main()
