"""Texts for SYNTHETIC demo job postings: invented place names, employer name
templates, title qualifiers, sentence templates and the Danish month names.

No employer built from these exists; the templates only make names look like Danish
firms and institutions ("Brødrene Holm Tømrer ApS", "Plejecentret Egely").
"""

from __future__ import annotations

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
