"""The page check itself (tests/page_text.py, tests/export_text.py): it catches each kind
of raw value a person must not read, and lets the ordinary text that looks like one be."""

from __future__ import annotations

import pytest

from tests.export_text import (
    csv_findings,
    csv_id_findings,
    json_findings,
    print_id_findings,
)
from tests.page_text import is_long_float, page_findings
from tests.pages import check_full_page


def _page(body: str, lang: str = "da") -> str:
    return f'<!doctype html><html lang="{lang}"><body><main>{body}</main></body></html>'


def _rules(body: str, lang: str = "da") -> set[tuple[str, str]]:
    return {(f.rule, f.text) for f in page_findings(_page(body, lang))}


# --- what is caught ---------------------------------------------------------------------

CAUGHT = [
    # Python reprs
    (
        "da",
        "<p>Grunde: [{'feature': 'weeks_unemployed', 'contribution': 0.61}]</p>",
        ("python-repr", "[{"),
    ),
    ("da", "<p>{'weeks_unemployed': 94.9}</p>", ("python-repr", "{'")),
    ("da", "<p>Kompetencer: ['Hygiejne', 'Truck']</p>", ("python-repr", "['")),
    ("da", "<dl><dt>Institution</dt><dd>None</dd></dl>", ("python-repr", "None")),
    ("da", "<p>Tolk: False</p>", ("python-repr", "False")),
    ("da", "<p>Aktiv: True</p>", ("python-repr", "True")),
    ("en", "<p>Reasons: [None, 3]</p>", ("python-repr", "None")),
    ("en", "<p>Interpreter: True</p>", ("python-repr", "True")),
    ("da", "<p>Beløb: Decimal('12.50')</p>", ("python-repr", "Decimal(")),
    (
        "da",
        "<p>datetime.datetime(2026, 12, 7, 2, 17)</p>",
        ("python-repr", "datetime."),
    ),
    ("en", "<p>Track: Track.SUPPORT</p>", ("python-repr", "Track.SUPPORT")),
    (
        "da",
        "<p>&lt;app.models.Citizen object at 0x7f3a&gt;</p>",
        ("python-repr", "object at 0x"),
    ),
    # coded values
    ("da", "<p>Status på din sag: queued</p>", ("coded-value", "queued")),
    (
        "da",
        "<p>Status på din sag: <strong>queued</strong></p>",
        ("coded-value", "queued"),
    ),
    ("en", "<p>Status of your case: queued</p>", ("coded-value", "queued")),
    ("da", "<dl><dt>Sprog</dt><dd>da</dd></dl>", ("coded-value", "da")),
    (
        "en",
        "<table><tr><th>Language</th><td>da</td></tr></table>",
        ("coded-value", "da"),
    ),
    ("da", '<td>da<br><a href="/ret">Ret</a></td>', ("coded-value", "da")),
    ("da", "<p>Sprog: da<br>Kanal: phone</p>", ("coded-value", "da")),
    ("da", "<p>Sprog: da<br>Kanal: phone</p>", ("coded-value", "phone")),
    ("en", "<ul><li>upper_secondary</li></ul>", ("coded-value", "upper_secondary")),
    ("en", "<p>You were moved to self_service.</p>", ("coded-value", "self_service")),
    ("en", "<p>Mostly matching_postings</p>", ("coded-value", "matching_postings")),
    ("en", "<p>Track: SELF_SERVICE</p>", ("coded-value", "SELF_SERVICE")),
    ("da", "<p>Du regner med job inden for 3m</p>", ("coded-value", "3m")),
    ("da", "<p>Du har svaret maybe til støtte</p>", ("coded-value", "maybe")),
    ("da", "<p>Dansk: good, helbred: some</p>", ("coded-value", "good")),
    ("da", "<p>Dansk: good, helbred: some</p>", ("coded-value", "some")),
    ("da", "<td>experience</td>", ("coded-value", "experience")),
    ("da", "<span>mine</span>", ("coded-value", "mine")),
    ("en", "<dd>some</dd>", ("coded-value", "some")),
    # long floats
    ("da", "<p>Prioritet i køen: 0.9822</p>", ("long-float", "0.9822")),
    ("da", "<p>Bidrag 0,59512</p>", ("long-float", "0,59512")),
    ("da", "<p>97,8321 %</p>", ("long-float", "97,8321")),
    ("da", "<p>1.234,5678 kr.</p>", ("long-float", "1.234,5678")),
    ("en", "<p>Score 0.982</p>", ("long-float", "0.982")),
    ("en", "<p>Effect -0.5951</p>", ("long-float", "0.5951")),
    # raw times
    (
        "da",
        "<p>Modtaget 2026-12-07T02:17:16+00:00</p>",
        ("raw-time", "2026-12-07T02:17"),
    ),
    ("da", "<p>Modtaget 2026-12-07 02:17:16</p>", ("raw-time", "2026-12-07 02:17")),
    ("da", "<p>Modtaget kl. 02.17 UTC</p>", ("raw-time", "UTC")),
    ("en", "<p>Received 02:17:16+00:00</p>", ("raw-time", "+00:00")),
    ("en", "<p>Received at 02:17Z</p>", ("raw-time", "02:17Z")),
    ("en", "<p>December 7, 2026, 3:16 AM</p>", ("raw-time", "3:16 AM")),
    ("en", "<p>December 7, 2026, 3:16 AM</p>", ("raw-time", "December 7, 2026")),
    ("en", "<p>Dec 7, 2026, 4:14:41 PM</p>", ("raw-time", "Dec 7, 2026")),
]


@pytest.mark.parametrize(("lang", "body", "expected"), CAUGHT)
def test_the_check_catches(lang: str, body: str, expected: tuple[str, str]) -> None:
    assert expected in _rules(body, lang)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<button aria-label="Slet self_service">X</button>', "self_service"),
        ('<img src="/x.png" alt="None">', "None"),
        ('<input type="text" id="q" value="0.9822" aria-label="Søg">', "0.9822"),
        ('<input type="submit" value="Gem queued">', "queued"),
        ("<title>Sag 2026-12-07 02:17:16</title>", "2026-12-07 02:17"),
    ],
)
def test_the_check_reads_what_a_person_or_screen_reader_meets(
    body: str, expected: str
) -> None:
    assert expected in {text for _rule, text in _rules(body)}


# --- what is let be -------------------------------------------------------------------

CLEAN = [
    # Danish prose with words that are also codes or literals
    ("da", "<p>Du har ingen ansøgninger endnu.</p>"),
    ("da", "<p>Ingen af dem</p>"),
    ("da", "<h2>Mine data</h2><p>Se dit cv og din plan.</p>"),
    ("da", "<p>Det er for sent. Vi har sendt en besked, da du startede.</p>"),
    ("da", "<p>Vil du tale med en medarbejder? De ringer til dig.</p>"),
    ("da", "<p>Modellen er en digital model; den giver et offer for …</p>"),
    ("da", "<p>Du kan få it-support og tage et kursus i it.</p>"),
    ("da", "<p>Bemærk: en sag kan tage tid.</p>"),
    ("da", "<dl><dt>Sprog</dt><dd>Dansk</dd><dt>Kanal</dt><dd>Telefon</dd></dl>"),
    # English prose
    ("en", "<p>None of these</p>"),
    ("en", "<dl><dt>Occupations</dt><dd>None</dd></dl>"),
    ("en", "<p>You told us you have some limits and good Danish.</p>"),
    ("en", "<p>Your case is open and queued for a caseworker; maybe they call.</p>"),
    ("en", "<p>False claims are not accepted. True story.</p>"),
    ("en", "<table><tr><th>Who</th><td>caseworker</td></tr></table>"),
    ("en", "<p>B (car)</p>"),
    ("en", "<p>7 December 2026, 03:17 · 7 Dec 2026 · Mayor 7, 2026</p>"),
    # other languages and what is not read
    ("da", '<p lang="en">I have some experience; maybe more.</p>'),
    ("da", '<p lang="de">Die Sprache: de</p>'),
    ("da", '<div hx-vals=\'{"status": "queued"}\'>Venter</div>'),
    ("da", '<input type="hidden" name="track" value="self_service">'),
    (
        "da",
        '<select aria-label="Spor"><option value="self_service">Selvbetjening</option></select>',
    ),
    ("da", "<script>var reasons = [{'a': None}], at = '2026-12-07T02:17Z';</script>"),
    ("da", "<style>.a{b:0.9822}</style>"),
    ("da", '<time datetime="2026-12-07T02:17:16+00:00">7. december 2026, 03.17</time>'),
    ("da", '<a href="/sag?sort=waiting&amp;show=mine_only">Venter længst</a>'),
    ("da", '<input type="date" aria-label="Dato" value="2026-12-07">'),
    ("da", "<!-- 0.9822 self_service None -->"),
    # numbers that are not floats with decimals
    ("da", "<p>12.345 kr. om måneden, 1.234.567 i alt, 0,5 og 97 %</p>"),
    ("da", "<p>7. december 2026, 03.17 · 07.12.2026 · 02.17.16</p>"),
    ("da", "<p>8 ud af 10 · AUC 0,77</p>"),
    ("en", "<p>12,345 postings, 1,234.5 km, 0.5 and 97%</p>"),
    ("en", "<p>12.500 kr. (the posting's own text)</p>"),
    ("da", "<p>Model lr1-3f2a9b, version 1.4.2, adresse 127.0.0.1</p>"),
    ("da", "<p>Model lr1-2026.1234 og v0.9822</p>"),
    ("da", "<p>CVR 12345678, telefon +45 33 66 33 66</p>"),
    ("da", "<p>ISCO-08 kode 4321</p>"),
    ("da", "<p>Vesterbrogade 2a, 3. th. · 3 m lang</p>"),
    # identifiers people do read
    ("da", "<p>Skriv til jens_hansen@example.dk eller hent mine_data.csv</p>"),
]


@pytest.mark.parametrize(("lang", "body"), CLEAN)
def test_the_check_lets_ordinary_text_be(lang: str, body: str) -> None:
    assert _rules(body, lang) == set()


@pytest.mark.parametrize(
    ("token", "long"),
    [
        ("0.9822", True),
        ("0,59512", True),
        ("0.982", True),
        ("12.3456", True),
        ("1.234,5678", True),
        ("12.345", False),
        ("12,345", False),
        ("1.234.567", False),
        ("1,234.56", False),
        ("0,5", False),
        ("07.12.2026", False),
        ("1.4.2", False),
        ("2026.1", False),
    ],
)
def test_a_long_float_has_more_than_two_decimals(token: str, long: bool) -> None:
    assert is_long_float(token) is long


def test_every_full_page_fetched_is_checked_for_raw_values() -> None:
    page = (
        '<!doctype html><html lang="da"><head><title>Mine data</title></head><body>'
        '<a class="skipnav" href="#main-content">Gå til indhold</a>'
        '<main id="main-content"><h1>Mine data</h1>'
        "<p>Status på din sag: queued</p></main></body></html>"
    )
    check_full_page(page.replace("queued", "i kø"))
    with pytest.raises(AssertionError, match="queued"):
        check_full_page(page, "/mine-data")


# --- exports --------------------------------------------------------------------------


def test_json_is_read_only_where_it_speaks_to_a_person() -> None:
    document = {
        "exported_at": "2026-12-07T02:17:16+00:00",
        "tables": {
            "case_file": {
                "fields": {
                    "status": {"label": "Status på din sag", "source": "Fra os"}
                },
                "rows": [
                    {"status": "queued", "priority": 0.9822},
                    {"status": {"value": "queued", "label": "I kø"}},
                ],
            }
        },
    }
    assert json_findings(document, "da") == []
    document["tables"]["case_file"]["rows"].append(
        {"status": {"value": "queued", "label": "queued"}, "score_label": "0.9822"}
    )
    found = {(f.rule, f.text) for f in json_findings(document, "da")}
    assert found == {("coded-value", "queued"), ("long-float", "0.9822")}


def test_csv_cells_are_read_on_their_own() -> None:
    rows = [
        ["Kategori", "Tabel", "Række", "Felt", "Værdi"],
        ["Din sag", "sag", "1", "Status", "queued"],
        ["Din sag", "sag", "1", "Prioritet", "0,9822"],
        ["Din sag", "sag", "1", "Sprog", "da"],
        ["Din sag", "sag", "1", "Dit jobcenter", "1"],
        ["Dit CV", "kompetence", "1", "Kompetence", "Truckkørsel"],
        ["Dit CV", "kompetence", "2", "Kompetence", "42"],
    ]
    found = {(f.rule, f.text) for f in csv_findings(rows, "da")}
    assert found == {
        ("coded-value", "queued"),
        ("long-float", "0,9822"),
        ("coded-value", "da"),
    }
    ids = {
        (f.rule, f.text) for f in csv_id_findings(rows, {"Dit jobcenter", "Kompetence"})
    }
    assert ids == {("raw-id", "1"), ("raw-id", "42")}


def test_the_printable_export_names_what_an_id_points_to() -> None:
    html = _page(
        "<dl><div><dt>Kompetence</dt><dd>4, 9, 42</dd></div>"
        "<div><dt>Stilling</dt><dd>Lagerarbejder</dd></div>"
        "<div><dt>Års erfaring</dt><dd>6</dd></div></dl>"
    )
    found = print_id_findings(html, {"Kompetence", "Stilling"})
    assert [(f.rule, f.text) for f in found] == [("raw-id", "4, 9, 42")]
