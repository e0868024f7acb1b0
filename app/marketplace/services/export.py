"""The administrator's CSV of providers with results and intake (Danish spreadsheet:
UTF-8 BOM, semicolons, words and no codes)."""

from __future__ import annotations

import csv
import io

from flask_babel import gettext as _
from sqlalchemy.orm import Session

from app.labels import PROVIDER_STATE_LABELS
from app.marketplace import presentation
from app.marketplace.services.results import provider_table

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def providers_csv(session: Session) -> bytes:
    """One row per provider: state, participants, results at 3 and 6 months, intake."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            _("Provider"),
            _("CVR number"),
            _("State"),
            _("Participants who started"),
            _("In work or education after 3 months"),
            _("Value added after 3 months"),
            _("In work or education after 6 months"),
            _("Value added after 6 months"),
            _("Share with a caseworker's support"),
            _("Share unemployed 12 months or more"),
            _("Requests declined"),
            _("Left before finishing"),
        ]
    )
    for provider, results, mix in provider_table(session):
        writer.writerow(
            [
                _cell(provider.name),
                provider.cvr,
                PROVIDER_STATE_LABELS[provider.state],
                mix.started if mix else 0,
                presentation.observed_words(results.get(3)),
                _cell(presentation.value_added_words(results.get(3))),
                presentation.observed_words(results.get(6)),
                _cell(presentation.value_added_words(results.get(6))),
                presentation.share(mix.support_share) if mix else "",
                presentation.share(mix.long_term_share) if mix else "",
                mix.declined if mix else 0,
                mix.left if mix else 0,
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
