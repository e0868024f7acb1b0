"""the 98 Danish municipalities with their official codes

Revision ID: a1c4e2b7d915
Revises: 9468b060982d
Create Date: 2026-11-23 18:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a1c4e2b7d915"
down_revision: str | None = "9468b060982d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A snapshot of app/data/municipalities.py as it was when this revision was written, so
# the migration gives the same result whatever later edits that module receives.
MUNICIPALITIES = (
    (101, "København", "Hovedstaden"),
    (147, "Frederiksberg", "Hovedstaden"),
    (151, "Ballerup", "Hovedstaden"),
    (153, "Brøndby", "Hovedstaden"),
    (155, "Dragør", "Hovedstaden"),
    (157, "Gentofte", "Hovedstaden"),
    (159, "Gladsaxe", "Hovedstaden"),
    (161, "Glostrup", "Hovedstaden"),
    (163, "Herlev", "Hovedstaden"),
    (165, "Albertslund", "Hovedstaden"),
    (167, "Hvidovre", "Hovedstaden"),
    (169, "Høje-Taastrup", "Hovedstaden"),
    (173, "Lyngby-Taarbæk", "Hovedstaden"),
    (175, "Rødovre", "Hovedstaden"),
    (183, "Ishøj", "Hovedstaden"),
    (185, "Tårnby", "Hovedstaden"),
    (187, "Vallensbæk", "Hovedstaden"),
    (190, "Furesø", "Hovedstaden"),
    (201, "Allerød", "Hovedstaden"),
    (210, "Fredensborg", "Hovedstaden"),
    (217, "Helsingør", "Hovedstaden"),
    (219, "Hillerød", "Hovedstaden"),
    (223, "Hørsholm", "Hovedstaden"),
    (230, "Rudersdal", "Hovedstaden"),
    (240, "Egedal", "Hovedstaden"),
    (250, "Frederikssund", "Hovedstaden"),
    (253, "Greve", "Sjælland"),
    (259, "Køge", "Sjælland"),
    (260, "Halsnæs", "Hovedstaden"),
    (265, "Roskilde", "Sjælland"),
    (269, "Solrød", "Sjælland"),
    (270, "Gribskov", "Hovedstaden"),
    (306, "Odsherred", "Sjælland"),
    (316, "Holbæk", "Sjælland"),
    (320, "Faxe", "Sjælland"),
    (326, "Kalundborg", "Sjælland"),
    (329, "Ringsted", "Sjælland"),
    (330, "Slagelse", "Sjælland"),
    (336, "Stevns", "Sjælland"),
    (340, "Sorø", "Sjælland"),
    (350, "Lejre", "Sjælland"),
    (360, "Lolland", "Sjælland"),
    (370, "Næstved", "Sjælland"),
    (376, "Guldborgsund", "Sjælland"),
    (390, "Vordingborg", "Sjælland"),
    (400, "Bornholm", "Hovedstaden"),
    (410, "Middelfart", "Syddanmark"),
    (420, "Assens", "Syddanmark"),
    (430, "Faaborg-Midtfyn", "Syddanmark"),
    (440, "Kerteminde", "Syddanmark"),
    (450, "Nyborg", "Syddanmark"),
    (461, "Odense", "Syddanmark"),
    (479, "Svendborg", "Syddanmark"),
    (480, "Nordfyns", "Syddanmark"),
    (482, "Langeland", "Syddanmark"),
    (492, "Ærø", "Syddanmark"),
    (510, "Haderslev", "Syddanmark"),
    (530, "Billund", "Syddanmark"),
    (540, "Sønderborg", "Syddanmark"),
    (550, "Tønder", "Syddanmark"),
    (561, "Esbjerg", "Syddanmark"),
    (563, "Fanø", "Syddanmark"),
    (573, "Varde", "Syddanmark"),
    (575, "Vejen", "Syddanmark"),
    (580, "Aabenraa", "Syddanmark"),
    (607, "Fredericia", "Syddanmark"),
    (615, "Horsens", "Midtjylland"),
    (621, "Kolding", "Syddanmark"),
    (630, "Vejle", "Syddanmark"),
    (657, "Herning", "Midtjylland"),
    (661, "Holstebro", "Midtjylland"),
    (665, "Lemvig", "Midtjylland"),
    (671, "Struer", "Midtjylland"),
    (706, "Syddjurs", "Midtjylland"),
    (707, "Norddjurs", "Midtjylland"),
    (710, "Favrskov", "Midtjylland"),
    (727, "Odder", "Midtjylland"),
    (730, "Randers", "Midtjylland"),
    (740, "Silkeborg", "Midtjylland"),
    (741, "Samsø", "Midtjylland"),
    (746, "Skanderborg", "Midtjylland"),
    (751, "Aarhus", "Midtjylland"),
    (756, "Ikast-Brande", "Midtjylland"),
    (760, "Ringkøbing-Skjern", "Midtjylland"),
    (766, "Hedensted", "Midtjylland"),
    (773, "Morsø", "Nordjylland"),
    (779, "Skive", "Midtjylland"),
    (787, "Thisted", "Nordjylland"),
    (791, "Viborg", "Midtjylland"),
    (810, "Brønderslev", "Nordjylland"),
    (813, "Frederikshavn", "Nordjylland"),
    (820, "Vesthimmerlands", "Nordjylland"),
    (825, "Læsø", "Nordjylland"),
    (840, "Rebild", "Nordjylland"),
    (846, "Mariagerfjord", "Nordjylland"),
    (849, "Jammerbugt", "Nordjylland"),
    (851, "Aalborg", "Nordjylland"),
    (860, "Hjørring", "Nordjylland"),
)

municipality = sa.table(
    "municipality",
    sa.column("code", sa.Integer),
    sa.column("name", sa.String),
    sa.column("region", sa.String),
)


def upgrade() -> None:
    existing = {row[0] for row in op.get_bind().execute(sa.select(municipality.c.code))}
    op.bulk_insert(
        municipality,
        [
            {"code": code, "name": name, "region": region}
            for code, name, region in MUNICIPALITIES
            if code not in existing
        ],
    )


def downgrade() -> None:
    op.execute(
        municipality.delete().where(
            municipality.c.code.in_([code for code, _, _ in MUNICIPALITIES])
        )
    )
