"""SYNTHETIC demo job postings: made-up Danish employers, titles and texts.

No employer named here exists; the names are built from templates so they look like
Danish firms and institutions ("Brødrene Holm Tømrer ApS", "Plejecentret Egely").
Every posting has source="demo", synthetic=True and no URL. Postings are drawn from
their own seeded Random, so adding them leaves the demo people unchanged.

The date of loading is the only input that is not seeded: deadlines fall 10 to 60 days
after it (so the postings are current when the demo is tried) and postings are dated
up to three weeks before it. The same seed and the same load date give the same rows.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from random import Random
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app import geo
from app.data import demo_taxonomy
from app.db import bulk_insert
from app.demo import names
from app.demo.sizes import SMALL_CITIZEN_MUNICIPALITIES, apportion
from app.geo import PostcodeInfo
from app.models import (
    ConceptLabel,
    ConceptType,
    Hours,
    LabelKind,
    Occupation,
    OccupationSkill,
    Posting,
    PostingSkill,
    Relation,
    Skill,
    TaxonomySource,
)

SOURCE = "demo"
SMALL_POSTINGS = 600
NATIONAL_POSTINGS = 50_000
# The small demo's citizens live in the four largest cities: each gets this many
# postings of its own on top of its population share, so everyone has jobs nearby.
SMALL_CITY_EXTRA = 90
BATCH_SIZE = 5_000
ESCO = "esco"
DEMO_TAXONOMY = "jobunivers-demo"
# With ESCO loaded: at most this many occupations per ISCO unit group of the demo
# taxonomy (its groups are the common jobs among the unemployed).
ESCO_OCCUPATIONS_PER_GROUP = 2
# Some register coordinates of coastal postcodes lie out at sea (Skagen, Hirtshals,
# Gedser, eastern Bornholm); postings are placed only inside this box.

# Rough shares of vacancies by industry (jobnet.dk's categories), for choosing what
# a posting is for; managers are rarer than the people they manage.
INDUSTRY_DEMAND: dict[str, float] = {
    "health": 12,
    "social": 6,
    "education": 8,
    "retail": 10,
    "sales": 6,
    "hospitality": 9,
    "transport": 8,
    "warehouse": 6,
    "cleaning": 7,
    "construction": 9,
    "manufacturing": 7,
    "food": 4,
    "agriculture": 4,
    "office": 7,
    "it": 4,
    "security": 2,
    "crafts": 3,
}
DEFAULT_DEMAND = 3.0
MANAGER_FACTOR = 0.3
# Share of part-time postings by industry; about a quarter overall.
PART_TIME_SHARE: dict[str, float] = {
    "health": 0.35,
    "social": 0.25,
    "education": 0.25,
    "retail": 0.5,
    "hospitality": 0.45,
    "cleaning": 0.45,
    "food": 0.15,
    "sales": 0.25,
}
DEFAULT_PART_TIME_SHARE = 0.1
FULL_TIME_HOURS = 37

MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)

# Invented place-like names for institutions and firms.
PLACES = (
    "Egely",
    "Bøgely",
    "Solsikken",
    "Lærkereden",
    "Skovbrynet",
    "Engen",
    "Fjordblik",
    "Havbakken",
    "Lindegården",
    "Rosenhaven",
    "Kastanjen",
    "Møllebakken",
    "Toftegården",
    "Strandparken",
    "Granly",
    "Bakkehuset",
    "Åbrinken",
    "Søndergården",
    "Nørrelund",
    "Vesterled",
    "Østervang",
    "Kildegården",
    "Egebjerg",
    "Hyldebærhuset",
    "Mosevang",
    "Enghaven",
    "Birkely",
    "Solgården",
)

# Employer name templates: {town} is the posting's town, {place} one of PLACES,
# {surname} and {surname2} two different Danish surnames.
INDUSTRY_EMPLOYERS: dict[str, tuple[str, ...]] = {
    "health": (
        "{town} Plejecenter",
        "Plejecentret {place}",
        "{town} Private Hjemmepleje ApS",
        "Plejehjemmet {place}",
        "Privathospitalet {place}",
        "Klinik {surname} ApS",
    ),
    "social": (
        "Bostedet {place}",
        "Botilbuddet {place}",
        "{town} Bo- og Aktivitetscenter",
        "Opholdsstedet {place} ApS",
        "Socialpsykiatrisk Center {place}",
        "Jobhuset {place} ApS",
    ),
    "education": (
        "{place}skolen",
        "Børnehuset {place}",
        "Vuggestuen {place}",
        "{town} Friskole",
        "Den Integrerede Institution {place}",
        "Dagplejen {town}",
        "{town} Gymnasium & HF",
        "Sprogcentret {place}",
    ),
    "retail": (
        "{surname}s Købmandshandel",
        "Supermarkedet {place}",
        "{surname} Boligudstyr ApS",
        "{town} Isenkram ApS",
        "{place} Dagligvarer ApS",
        "{town} Tøj & Sko ApS",
    ),
    "sales": (
        "{place} Kommunikation ApS",
        "{town} Salg & Service ApS",
        "Kundecentret {place} A/S",
        "{surname} & Co. Marketing ApS",
        "{place} Reklame ApS",
    ),
    "hospitality": (
        "Restaurant {place}",
        "Hotel {place}",
        "{town} Kro",
        "Café {place}",
        "Spisehuset {place}",
        "{surname}s Catering ApS",
        "{town} Grill & Burger ApS",
    ),
    "transport": (
        "{town} Logistik A/S",
        "Vognmand {surname} ApS",
        "{surname} Transport ApS",
        "{place} Fragt ApS",
        "{town} Kurer & Pakke ApS",
    ),
    "warehouse": (
        "{town} Lager & Logistik A/S",
        "{town} Lagerhotel ApS",
        "{place} Distribution A/S",
        "{surname} Engros A/S",
        "Centrallageret {town} ApS",
    ),
    "cleaning": (
        "{town} Rengøring ApS",
        "{place} Facility Service ApS",
        "{town} Ejendomsservice ApS",
        "Boligforeningen {place}",
        "{surname}s Rengøringsservice",
    ),
    "construction": (
        "{town} Entreprenørforretning A/S",
        "{surname} & Søn Byg ApS",
        "{place} Byggeri A/S",
        "Brødrene {surname} Byg ApS",
    ),
    "manufacturing": (
        "{town} Maskinfabrik A/S",
        "{surname} Stål & Smedie ApS",
        "{place} Plast A/S",
        "{town} Industri A/S",
        "{surname} Metal ApS",
        "{town} Emballage A/S",
    ),
    "food": (
        "{town} Mejeri A.m.b.a.",
        "{town} Slagteri A/S",
        "Bageriet {place}",
        "{place} Fødevarer A/S",
        "{surname}s Pølsefabrik ApS",
    ),
    "agriculture": (
        "{surname}s Landbrug I/S",
        "{town} Planteskole ApS",
        "Gartneriet {place}",
        "{town} Anlæg & Have ApS",
        "{town} Maskinstation ApS",
        "Godset {place}",
    ),
    "office": (
        "{surname} & {surname2} Revision",
        "{town} Administration ApS",
        "{place} Rådgivning A/S",
        "{town} Boligadministration ApS",
        "Advokatfirmaet {surname} & {surname2}",
        "{place} Ejendomme A/S",
    ),
    "it": (
        "{place} IT ApS",
        "{town} Data A/S",
        "{place} Software ApS",
        "{surname} Digital ApS",
        "{town} Netværk & Drift ApS",
    ),
    "security": (
        "{town} Vagt & Sikring ApS",
        "Vagtselskabet {place} ApS",
    ),
    "crafts": (
        "{town} Service & Reparation ApS",
        "{surname} & Søn ApS",
    ),
}
GENERIC_EMPLOYERS = ("{town} Service ApS", "{surname} & Co. ApS", "{place} A/S")

# Employers that belong to a trade rather than an industry, found by a word in the
# occupation's Danish name (checked in this order).
TRADE_EMPLOYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tandklinik", ("Tandlægerne {surname} & {surname2}", "Tandklinikken {place}")),
    ("farmakonom", ("Apoteket {place}", "{town} Nye Apotek")),
    ("fysioterapeut", ("Fysioklinikken {place}", "{town} Træningscenter ApS")),
    ("ergoterapeut", ("Genoptræningen {place}", "{town} Træningscenter ApS")),
    ("lægesekretær", ("Lægehuset {place}", "Lægerne {surname} & {surname2}")),
    ("jobkonsulent", ("Jobhuset {place} ApS", "{town} Virksomhedsservice ApS")),
    ("ambulance", ("{town} Ambulancetjeneste ApS", "Akutberedskabet {place} ApS")),
    ("bager", ("{town} Bageri", "Bageriet {place}", "{surname}s Brød ApS")),
    ("konditor", ("Konditoriet {place}", "{town} Konditori")),
    ("tankpasser", ("{town} Tankcenter ApS", "Servicestationen {place}")),
    ("buschauffør", ("{town} Bustrafik A/S", "{place} Busser ApS")),
    ("taxa", ("{town} Taxa", "{town} Hyrevogne ApS")),
    ("flytte", ("Flyttefirmaet {surname} & Søn", "{town} Flytteforretning ApS")),
    ("havnearbejder", ("{town} Havneterminal A/S", "{place} Stevedore ApS")),
    ("lokomotiv", ("Regionaltog {place} A/S", "{town} Lokalbaner A/S")),
    ("togfører", ("Regionaltog {place} A/S", "{town} Lokalbaner A/S")),
    ("postbud", ("{town} Post & Pakke ApS", "{place} Omdeling A/S")),
    ("vinduespudser", ("{surname}s Vinduespolering", "{town} Vinduespudsning ApS")),
    ("renovation", ("{town} Renovation I/S", "{place} Genbrug & Affald A/S")),
    ("vaskeri", ("Vaskeriet {place} A/S", "{town} Industrivask ApS")),
    ("tømrer", ("Brødrene {surname} Tømrer ApS", "{surname} Tømrer & Snedker ApS")),
    ("flisemurer", ("{surname} Fliser & Klinker ApS", "{town} Flisecenter ApS")),
    ("murer", ("{surname} Murerforretning ApS", "{town} Murer & Facade ApS")),
    ("elektriker", ("{town} El-service ApS", "{surname} El-installation ApS")),
    ("vvs", ("{surname} VVS & Blik ApS", "{town} VVS-service ApS")),
    ("maler", ("Malerfirmaet {surname} ApS", "{town} Malerforretning ApS")),
    ("glarmester", ("{town} Glas ApS", "Glarmester {surname} ApS")),
    ("tagdækker", ("{town} Tag & Facade ApS", "{surname} Tagdækning ApS")),
    ("køle", ("{town} Køleteknik ApS", "{place} Varmepumper ApS")),
    ("brandmand", ("{town} Brandvæsen", "Beredskabscenter {place}")),
    ("politi", ("Politikreds {town}",)),
    ("fængsel", ("Fængslet {place}",)),
    ("dørmand", ("Natklubben {place}", "{town} Vagt & Sikring ApS")),
    ("frisør", ("Frisørsalonen {place}", "Salon {surname}")),
    ("kosmetolog", ("Klinik for Hudpleje {place}", "Salon {surname}")),
    ("automekaniker", ("{town} Autoværksted ApS", "{surname} Auto ApS")),
    ("cykel", ("{surname}s Cykler", "{town} Cykelcenter ApS")),
    ("snedker", ("Snedkeriet {place} ApS", "{surname} Møbelsnedkeri ApS")),
    ("skrædder", ("{town} Skrædderi", "Skrædderen {place}")),
    ("låsesmed", ("{town} Låseservice ApS", "{surname} Lås & Sikring ApS")),
    ("dyrepasser", ("{town} Dyrepark", "Dyrehaven {place}")),
    ("skovarbejder", ("{place} Skovdistrikt", "{town} Skovservice ApS")),
)

# Qualifiers added to some titles, by industry, plus some for any posting.
TITLE_QUALIFIERS: dict[str, tuple[str, ...]] = {
    "health": (" til nattevagt", " til aftenvagt", " til weekendvagter"),
    "social": (" til nattevagt", " til aftenvagt", " til weekendvagter"),
    "security": (" til nattevagt", " til weekendvagter"),
    "hospitality": (" til weekend", " til sommersæsonen"),
    "construction": (" til renoveringsopgaver", " til nybyggeri"),
    "transport": (" til natkørsel", " til distribution"),
    "education": (" til barselsvikariat", " – tidsbegrænset stilling"),
}
ANY_QUALIFIERS = (" – barselsvikariat", " – vikariat", " – fast stilling")
TITLE_PREFIXES = ("Erfaren ", "Nyuddannet ", "Engageret ")

OFFERS = (
    "en varieret hverdag med gode kolleger",
    "løn efter gældende overenskomst",
    "grundig oplæring",
    "pensionsordning",
    "sundhedsordning",
    "mulighed for efteruddannelse",
    "fleksible arbejdstider",
    "en uformel omgangstone",
    "frokostordning",
)
INTROS = (
    "{employer} søger en {role} {hours}.",
    "Vi søger en {role} {hours} til vores team i {town}.",
    "Har du lyst til at arbejde som {role} {hours} hos {employer}?",
)
TASKS = (
    "Dine opgaver omfatter bl.a. {skills}.",
    "Du får ansvar for {skills}.",
    "Vi forventer, at du har erfaring med {skills}.",
)
NICE_TO_HAVE = (
    "Det er en fordel, hvis du kender til {skills}.",
    "Kendskab til {skills} er et plus.",
)
APPLY = (
    "Send din ansøgning og dit CV senest {deadline}.",
    "Søg stillingen senest {deadline}; vi holder samtaler løbende.",
    "Ansøgningsfristen er {deadline}, og vi glæder os til at høre fra dig.",
)


@dataclass(frozen=True)
class DemoOccupation:
    """An occupation the demo uses, with its Danish names and skill ids."""

    id: int
    uri: str
    isco_code: str
    industry: str
    label: str
    alt_labels: tuple[str, ...]
    essential: tuple[int, ...]
    optional: tuple[int, ...]

    @property
    def skills(self) -> tuple[int, ...]:
        """Essential skills first, then optional ones."""
        return self.essential + self.optional


@dataclass(frozen=True)
class OccupationPool:
    """The occupations of the loaded taxonomy that the demo draws from."""

    source: str
    occupations: tuple[DemoOccupation, ...]
    skill_labels: dict[int, str]  # Danish, as written inside a sentence

    def demand_weights(self) -> list[float]:
        """How often each occupation is advertised, relative to the others."""
        per_industry: dict[str, int] = {}
        for occupation in self.occupations:
            per_industry[occupation.industry] = (
                per_industry.get(occupation.industry, 0) + 1
            )
        weights = []
        for occupation in self.occupations:
            weight = INDUSTRY_DEMAND.get(occupation.industry, DEFAULT_DEMAND)
            weight /= per_industry[occupation.industry]
            if occupation.isco_code.startswith("1"):
                weight *= MANAGER_FACTOR
            weights.append(weight)
        return weights


def taxonomy_source(session: Session) -> str | None:
    """The taxonomy the demo uses: ESCO when loaded, else the demo taxonomy, else None."""
    loaded = set(
        session.scalars(
            select(TaxonomySource.name).where(
                TaxonomySource.name.in_((ESCO, DEMO_TAXONOMY))
            )
        )
    )
    if ESCO in loaded:
        return ESCO
    return DEMO_TAXONOMY if DEMO_TAXONOMY in loaded else None


def load_occupation_pool(session: Session, source: str) -> OccupationPool:
    """Read the demo's occupations, their Danish labels and skills from the database."""
    source_id = session.scalar(
        select(TaxonomySource.id).where(TaxonomySource.name == source)
    )
    rows = session.execute(
        select(Occupation.id, Occupation.uri, Occupation.isco_code, Occupation.industry)
        .where(Occupation.source_id == source_id)
        .order_by(Occupation.uri)
    ).all()
    industry_of_group = {o.isco_code: o.industry for o in demo_taxonomy.OCCUPATIONS}
    chosen: list[tuple[int, str, str, str]] = []
    if source == ESCO:
        # Keep it simple: the first occupations (by URI) in each ISCO unit group the
        # demo taxonomy uses, which are the common jobs among the unemployed.
        taken: dict[str, int] = {}
        for occ_id, uri, isco, _industry in rows:
            in_group = taken.get(isco, 0)
            if isco in industry_of_group and in_group < ESCO_OCCUPATIONS_PER_GROUP:
                taken[isco] = in_group + 1
                chosen.append((occ_id, uri, isco, industry_of_group[isco]))
    else:
        chosen = [
            (occ_id, uri, isco or "", industry or "")
            for occ_id, uri, isco, industry in rows
        ]
    ids = [occ_id for occ_id, *_ in chosen]
    essential: dict[int, list[tuple[str, int]]] = {i: [] for i in ids}
    optional: dict[int, list[tuple[str, int]]] = {i: [] for i in ids}
    for occ_id, skill_id, skill_uri, relation in session.execute(
        select(
            OccupationSkill.occupation_id,
            OccupationSkill.skill_id,
            Skill.uri,
            OccupationSkill.relation,
        )
        .join(Skill, Skill.id == OccupationSkill.skill_id)
        .where(OccupationSkill.occupation_id.in_(ids))
    ):
        target = essential if relation is Relation.ESSENTIAL else optional
        target[occ_id].append((skill_uri, skill_id))
    labels = _labels(session, ConceptType.OCCUPATION, ids)
    skill_ids = sorted(
        {s for links in (essential, optional) for v in links.values() for _, s in v}
    )
    skill_labels = {
        skill_id: in_running_text(preferred, alternatives)
        for skill_id, (preferred, alternatives) in _labels(
            session, ConceptType.SKILL, skill_ids
        ).items()
    }
    occupations = []
    for occ_id, uri, isco, industry in chosen:
        if not essential[occ_id] or occ_id not in labels:
            continue
        preferred, alternatives = labels[occ_id]
        # Sorted by URI, not id, so the choice does not depend on insertion order.
        occupations.append(
            DemoOccupation(
                id=occ_id,
                uri=uri,
                isco_code=isco,
                industry=industry,
                label=preferred,
                alt_labels=alternatives,
                essential=tuple(s for _, s in sorted(essential[occ_id])),
                optional=tuple(s for _, s in sorted(optional[occ_id])),
            )
        )
    if not occupations:
        raise LookupError(f"the {source} taxonomy has no occupations with skills")
    return OccupationPool(source, tuple(occupations), skill_labels)


def _labels(
    session: Session, concept_type: ConceptType, ids: list[int]
) -> dict[int, tuple[str, tuple[str, ...]]]:
    """Danish (else English) preferred and alternative labels of concepts, by id."""
    found: dict[int, dict[str, tuple[list[str], list[str]]]] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        for concept_id, lang, kind, text in session.execute(
            select(
                ConceptLabel.concept_id,
                ConceptLabel.lang,
                ConceptLabel.kind,
                ConceptLabel.text,
            )
            .where(
                ConceptLabel.concept_type == concept_type,
                ConceptLabel.concept_id.in_(chunk),
                ConceptLabel.lang.in_(("da", "en")),
            )
            .order_by(ConceptLabel.id)
        ):
            preferred, alternatives = found.setdefault(concept_id, {}).setdefault(
                lang, ([], [])
            )
            (preferred if kind is LabelKind.PREFERRED else alternatives).append(text)
    result = {}
    for concept_id, by_lang in found.items():
        for lang in ("da", "en"):
            if lang in by_lang and by_lang[lang][0]:
                preferred, alternatives = by_lang[lang]
                result[concept_id] = (preferred[0], tuple(alternatives))
                break
    return result


def posting_counts(size: str) -> dict[int, int]:
    """How many postings each municipality gets at a size, by municipality code."""
    if size == "national":
        return apportion(NATIONAL_POSTINGS, geo.POPULATION)
    extra = SMALL_CITY_EXTRA * len(SMALL_CITIZEN_MUNICIPALITIES)
    counts = apportion(SMALL_POSTINGS - extra, geo.POPULATION)
    for code in counts:
        # Every municipality gets at least one, so the map covers the whole country.
        counts[code] = max(1, counts[code])
    for code in SMALL_CITIZEN_MUNICIPALITIES:
        counts[code] += SMALL_CITY_EXTRA
    return counts


def danish_date(day: date) -> str:
    """A date as Danish text: 1. december 2026."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def lower_first(label: str) -> str:
    """Lower-case a label's first letter unless it starts an abbreviation (VVS-...)."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def in_running_text(label: str, alternatives: tuple[str, ...] = ()) -> str:
    """A label as written inside a sentence: lower-case unless it is a name (Excel)."""
    first_word = label.split()[0] if label.split() else label
    if any(first_word in alternative for alternative in alternatives):
        return label
    return lower_first(label)


def _town(city: str) -> str:
    # "Aalborg SV" -> "Aalborg": the district letters do not belong in a firm's name.
    words = city.split()
    while len(words) > 1 and (words[-1] in ("St", "Sj") or words[-1].isupper()):
        words.pop()
    return " ".join(words)


class PostingGenerator:
    """Generates the demo postings from one seeded Random, in a fixed order."""

    def __init__(self, pool: OccupationPool, seed: int, load_date: date) -> None:
        self.pool = pool
        self.rng = Random(f"jobunivers-demo-postings-{seed}")
        self.load_date = load_date
        self._weights_cum = list(itertools.accumulate(pool.demand_weights()))
        self._surnames = [name for name, _ in names.DANISH_LAST_NAMES]
        self._surnames_cum = list(
            itertools.accumulate(weight for _, weight in names.DANISH_LAST_NAMES)
        )
        # Employers already posting in a municipality, by industry: firms post often.
        self._employers: dict[tuple[int, str, str], list[str]] = {}

    def rows(
        self, counts: dict[int, int]
    ) -> Iterator[tuple[dict[str, Any], list[tuple[int, bool]]]]:
        """(posting row, [(skill id, required), ...]) for every posting, in order."""
        serial = itertools.count(1)
        for code in sorted(counts):
            for _ in range(counts[code]):
                yield self._posting(code, next(serial))

    def _posting(
        self, municipality_code: int, serial: int
    ) -> tuple[dict[str, Any], list[tuple[int, bool]]]:
        rng = self.rng
        occupation = rng.choices(self.pool.occupations, cum_weights=self._weights_cum)[
            0
        ]
        place = self._postcode(municipality_code)
        town = _town(place.city)
        employer = self._employer(municipality_code, occupation, town)
        part_share = PART_TIME_SHARE.get(occupation.industry, DEFAULT_PART_TIME_SHARE)
        hours = Hours.PART_TIME if rng.random() < part_share else Hours.FULL_TIME
        weekly_hours = (
            rng.choice((20, 25, 28, 30, 32))
            if hours is Hours.PART_TIME
            else FULL_TIME_HOURS
        )
        title = self._title(occupation)
        deadline = self.load_date + timedelta(days=rng.randint(10, 60))
        posted = self.load_date - timedelta(days=rng.randint(0, 21))

        essential = occupation.essential
        wanted = min(len(essential), rng.randint(3, 6))
        required = sorted(rng.sample(range(len(essential)), wanted))
        required_ids = [essential[i] for i in required]
        optional = occupation.optional
        optional_ids = [
            optional[i]
            for i in sorted(
                rng.sample(range(len(optional)), rng.randint(0, min(3, len(optional))))
            )
        ]
        description = self._description(
            employer,
            occupation,
            town,
            weekly_hours,
            required_ids,
            optional_ids,
            deadline,
        )
        row = {
            "source": SOURCE,
            "external_id": f"demo-{serial:06d}",
            "employer": employer,
            "title": title,
            "occupation_id": occupation.id,
            "description": description,
            "postcode": place.code,
            "city": place.city,
            "latitude": place.lat,
            "longitude": place.lon,
            "hours": hours,
            "deadline": deadline,
            "url": None,
            "synthetic": True,
            "created_at": datetime.combine(posted, time(8, 0), tzinfo=UTC),
        }
        skills = [(s, True) for s in required_ids] + [(s, False) for s in optional_ids]
        return row, skills

    def _postcode(self, municipality_code: int) -> PostcodeInfo:
        # Employers cluster in the seat town: it counts five times, other towns once.
        towns, cum_weights = geo.towns_of(municipality_code, seat_weight=5)
        return self.rng.choice(self.rng.choices(towns, cum_weights=cum_weights)[0])

    def _surname(self) -> str:
        return self.rng.choices(self._surnames, cum_weights=self._surnames_cum)[0]

    def _employer(
        self, municipality_code: int, occupation: DemoOccupation, town: str
    ) -> str:
        rng = self.rng
        templates = _templates_for(occupation)
        key = (municipality_code, occupation.industry, templates[0])
        known = self._employers.setdefault(key, [])
        if known and rng.random() < 0.5:
            return rng.choice(known)
        surname = self._surname()
        surname2 = self._surname()
        while surname2 == surname:
            surname2 = self._surname()
        name = rng.choice(templates).format(
            town=town, place=rng.choice(PLACES), surname=surname, surname2=surname2
        )
        known.append(name)
        return name

    def _title(self, occupation: DemoOccupation) -> str:
        rng = self.rng
        if occupation.alt_labels and rng.random() < 0.25:
            title = rng.choice(occupation.alt_labels)
            title = title[:1].upper() + title[1:]
        else:
            title = occupation.label
        roll = rng.random()
        if roll < 0.15:
            qualifiers = TITLE_QUALIFIERS.get(occupation.industry, ANY_QUALIFIERS)
            title += rng.choice(qualifiers)
        elif roll < 0.22:
            title += rng.choice(ANY_QUALIFIERS)
        elif roll < 0.28:
            title = rng.choice(TITLE_PREFIXES) + lower_first(title)
        return title[:200]

    def _description(
        self,
        employer: str,
        occupation: DemoOccupation,
        town: str,
        weekly_hours: int,
        required: list[int],
        optional: list[int],
        deadline: date,
    ) -> str:
        rng = self.rng
        hours = "på fuld tid"
        if weekly_hours < FULL_TIME_HOURS:
            hours = f"på deltid ({weekly_hours} timer om ugen)"
        sentences = [
            rng.choice(INTROS).format(
                employer=employer,
                role=lower_first(occupation.label),
                hours=hours,
                town=town,
            ),
            rng.choice(TASKS).format(skills=self._skill_list(required)),
        ]
        if optional and rng.random() < 0.6:
            sentences.append(
                rng.choice(NICE_TO_HAVE).format(skills=self._skill_list(optional))
            )
        sentences.append(f"Vi tilbyder {' og '.join(rng.sample(OFFERS, 2))}.")
        sentences.append(rng.choice(APPLY).format(deadline=danish_date(deadline)))
        return " ".join(sentences)

    def _skill_list(self, skill_ids: list[int]) -> str:
        labels = [self.pool.skill_labels[s] for s in skill_ids]
        if len(labels) == 1:
            return labels[0]
        return f"{', '.join(labels[:-1])} og {labels[-1]}"


def _templates_for(occupation: DemoOccupation) -> tuple[str, ...]:
    label = occupation.label.lower()
    for word, templates in TRADE_EMPLOYERS:
        if word in label:
            return templates
    return INDUSTRY_EMPLOYERS.get(occupation.industry, GENERIC_EMPLOYERS)


def create_postings(
    session: Session,
    pool: OccupationPool,
    size: str,
    seed: int,
    load_date: date,
    report: Callable[[str], None],
) -> int:
    """Insert the demo postings and their skills in bulk (flushes, does not commit)."""
    generator = PostingGenerator(pool, seed, load_date)
    counts = posting_counts(size)
    total = sum(counts.values())
    done = 0
    table = Posting.__table__
    # A posting's other timestamps equal its date of posting, not the clock.
    also_dated = [c.name for c in table.c if c.name == "updated_at"]
    iterator = generator.rows(counts)
    while batch := list(itertools.islice(iterator, BATCH_SIZE)):
        for row, _ in batch:
            for name in also_dated:
                row[name] = row["created_at"]
        # RETURNING in parameter order gives each posting's id for its skill rows, on
        # SQLite and PostgreSQL alike, without touching the id sequence.
        ids = session.scalars(
            insert(table).returning(table.c.id, sort_by_parameter_order=True),
            [row for row, _ in batch],
        ).all()
        skill_rows = [
            {"posting_id": posting_id, "skill_id": skill_id, "required": required}
            for posting_id, (_, skills) in zip(ids, batch, strict=True)
            for skill_id, required in skills
        ]
        bulk_insert(session, PostingSkill.__table__, skill_rows)
        done += len(batch)
        report(f"Postings: {done:,} of {total:,}.")
    return done
