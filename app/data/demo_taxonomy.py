"""Jobunivers demo taxonomy: a small hand-written occupation and skill taxonomy.

The taxonomy is modelled on the structure of ESCO (European Skills, Competences,
Qualifications and Occupations): every occupation has an ISCO-08 code, a preferred
label and alternative labels in Danish and English, and links to essential and
optional skills; every skill is either knowledge or a skill/competence.  It is a
small taxonomy written by hand for Jobunivers, not an extract of ESCO, and exists
so the portal can run in demos, tests and offline development without the official
ESCO files.

Data shapes (all immutable ``NamedTuple`` records, see the classes below):

* ``INDUSTRIES``: ``Industry(key, da_label, en_label)``
* ``OCCUPATIONS``: ``Occupation(uri, isco_code, industry, da_label, da_alt,
  en_label, en_alt, essential_skills, optional_skills)``; the skill fields hold
  skill URIs.
* ``SKILLS``: ``Skill(uri, kind, da_label, da_alt, en_label, en_alt)`` where
  ``kind`` is ``"knowledge"`` or ``"skill"``.
* ``PERSONAL_COMPETENCES``: ``PersonalCompetence(uri, da_label, en_label)``

URIs are stable: ``jobunivers:occupation/<slug>``, ``jobunivers:skill/<slug>`` and
``jobunivers:personal/<slug>``.  Call :func:`validate` to check consistency.
"""

from __future__ import annotations

import re
from typing import NamedTuple

VERSION = "jobunivers-demo-1"

OCCUPATION_PREFIX = "jobunivers:occupation/"
SKILL_PREFIX = "jobunivers:skill/"
PERSONAL_PREFIX = "jobunivers:personal/"

SKILL_KINDS = ("knowledge", "skill")


class Industry(NamedTuple):
    key: str
    da_label: str
    en_label: str


class Skill(NamedTuple):
    uri: str
    kind: str  # "knowledge" or "skill" (skill/competence)
    da_label: str
    da_alt: tuple[str, ...]
    en_label: str
    en_alt: tuple[str, ...]


class Occupation(NamedTuple):
    uri: str
    isco_code: str  # ISCO-08 unit group, four digits
    industry: str  # an Industry.key
    da_label: str
    da_alt: tuple[str, ...]
    en_label: str
    en_alt: tuple[str, ...]
    essential_skills: tuple[str, ...]  # skill URIs
    optional_skills: tuple[str, ...]  # skill URIs

    @property
    def isco_major_group(self) -> str:
        """The ISCO-08 major group, i.e. the first digit of the code."""
        return self.isco_code[0]


class PersonalCompetence(NamedTuple):
    uri: str
    da_label: str
    en_label: str


# --- compact notation used in this file only --------------------------------------
# Alternative labels are written as one string separated by ";" and skill links as
# one string of skill slugs separated by spaces; the helpers expand them into the
# tuples and URIs of the public records.


def _labels(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(";") if part.strip())


def _skill(slug: str, kind: str, da: str, da_alt: str, en: str, en_alt: str) -> Skill:
    return Skill(SKILL_PREFIX + slug, kind, da, _labels(da_alt), en, _labels(en_alt))


def _occ(
    slug: str,
    isco: str,
    industry: str,
    da: str,
    da_alt: str,
    en: str,
    en_alt: str,
    essential: str,
    optional: str,
) -> Occupation:
    return Occupation(
        OCCUPATION_PREFIX + slug,
        isco,
        industry,
        da,
        _labels(da_alt),
        en,
        _labels(en_alt),
        tuple(SKILL_PREFIX + s for s in essential.split()),
        tuple(SKILL_PREFIX + s for s in optional.split()),
    )


# --- industries --------------------------------------------------------------------

INDUSTRIES: tuple[Industry, ...] = (
    Industry("health", "Sundhed og omsorg", "Health and care"),
    Industry("social", "Socialt arbejde", "Social work"),
    Industry("education", "Undervisning og børnepasning", "Education and childcare"),
    Industry("retail", "Detailhandel", "Retail"),
    Industry(
        "sales",
        "Salg, kundeservice og marketing",
        "Sales, customer service and marketing",
    ),
    Industry("hospitality", "Hotel og restauration", "Hospitality"),
    Industry("transport", "Transport og logistik", "Transport and logistics"),
    Industry("warehouse", "Lager", "Warehouse"),
    Industry(
        "cleaning",
        "Rengøring og ejendomsservice",
        "Cleaning and facility services",
    ),
    Industry("construction", "Bygge og anlæg", "Construction"),
    Industry("manufacturing", "Industri og produktion", "Manufacturing"),
    Industry("food", "Fødevareproduktion", "Food production"),
    Industry(
        "agriculture",
        "Landbrug, skovbrug og gartneri",
        "Agriculture, forestry and horticulture",
    ),
    Industry("office", "Kontor og administration", "Office and administration"),
    Industry("it", "IT og tele", "IT and telecommunications"),
    Industry("security", "Sikkerhed og beredskab", "Security and emergency services"),
    Industry("crafts", "Håndværk og personlig service", "Crafts and personal services"),
)


# --- skills ------------------------------------------------------------------------

_K = "knowledge"
_S = "skill"

SKILLS: tuple[Skill, ...] = (
    # Transferable skills used across many industries.
    _skill(
        "customer-service",
        _S,
        "Kundeservice",
        "kundebetjening; kundekontakt; betjening af kunder",
        "Customer service",
        "serve customers; customer care",
    ),
    _skill(
        "communication",
        _S,
        "Kommunikation",
        "mundtlig kommunikation; formidling",
        "Communication",
        "communicate effectively; verbal communication",
    ),
    _skill(
        "written-communication",
        _S,
        "Skriftlig kommunikation",
        "korrespondance; skrive breve og e-mails",
        "Written communication",
        "correspondence; write emails and letters",
    ),
    _skill(
        "teamwork",
        _S,
        "Teamarbejde",
        "arbejde i team; samarbejde med kolleger",
        "Teamwork",
        "work in a team; collaborate with colleagues",
    ),
    _skill(
        "planning",
        _S,
        "Planlægning",
        "arbejdsplanlægning; planlægge arbejdsopgaver",
        "Plan work",
        "planning; organise work tasks",
    ),
    _skill(
        "danish-language",
        _S,
        "Dansk i skrift og tale",
        "danskkundskaber; korrekt dansk",
        "Danish language",
        "written and spoken Danish",
    ),
    _skill(
        "english-language",
        _S,
        "Engelsk i skrift og tale",
        "engelskkundskaber; engelsk",
        "English language",
        "written and spoken English; speak English",
    ),
    _skill(
        "first-aid",
        _S,
        "Førstehjælp",
        "førstehjælpsbevis; livreddende førstehjælp",
        "First aid",
        "administer first aid; first aid certificate",
    ),
    _skill(
        "hygiene",
        _K,
        "Hygiejne",
        "hygiejneregler; god hygiejnepraksis",
        "Hygiene standards",
        "hygiene practices; personal hygiene at work",
    ),
    _skill(
        "occupational-safety",
        _K,
        "Arbejdsmiljø og sikkerhed",
        "arbejdssikkerhed; sikkerhedsregler på arbejdspladsen",
        "Health and safety at work",
        "occupational health and safety; workplace safety",
    ),
    _skill(
        "manual-handling",
        _S,
        "Korrekte løfteteknikker",
        "ergonomiske løft; tunge løft",
        "Manual handling",
        "lift heavy weights; safe lifting techniques",
    ),
    _skill(
        "excel",
        _S,
        "Excel",
        "regneark; Microsoft Excel",
        "Use spreadsheet software",
        "Excel; spreadsheets",
    ),
    _skill(
        "office-software",
        _S,
        "Office-pakken",
        "Microsoft Office; Word og Outlook; IT-kundskaber",
        "Use office software",
        "Microsoft Office; word processing; email and calendar software",
    ),
    _skill(
        "conflict-management",
        _S,
        "Konflikthåndtering",
        "konfliktnedtrapning; håndtere konflikter",
        "Conflict management",
        "de-escalate conflicts; handle conflicts",
    ),
    _skill(
        "confidentiality",
        _K,
        "Tavshedspligt",
        "fortrolighed; diskretion",
        "Confidentiality",
        "professional secrecy; discretion",
    ),
    _skill(
        "data-protection",
        _K,
        "Databeskyttelse (GDPR)",
        "GDPR; persondataforordningen; behandling af personoplysninger",
        "Data protection (GDPR)",
        "GDPR; personal data protection",
    ),
    _skill(
        "staff-management",
        _S,
        "Personaleledelse",
        "ledelse af medarbejdere; vagtplanlægning",
        "Staff management",
        "lead a team; supervise staff; staff scheduling",
    ),
    _skill(
        "budget-management",
        _S,
        "Budget og økonomistyring",
        "budgetlægning; økonomistyring",
        "Budget management",
        "manage budgets; financial management",
    ),
    _skill(
        "guidance",
        _S,
        "Vejledning og rådgivning",
        "vejlede borgere; rådgivning",
        "Advise and guide people",
        "counselling; guidance",
    ),
    _skill(
        "quality-control",
        _S,
        "Kvalitetskontrol",
        "kvalitetssikring; kontrol af produkter",
        "Quality control",
        "quality assurance; inspect products",
    ),
    _skill(
        "troubleshooting",
        _S,
        "Fejlfinding",
        "fejlsøgning; finde og rette fejl",
        "Troubleshooting",
        "diagnose faults; fault finding",
    ),
    _skill(
        "data-entry",
        _S,
        "Dataregistrering",
        "indtastning; registrering af data",
        "Data entry",
        "enter data; keyboarding",
    ),
    _skill(
        "phone-handling",
        _S,
        "Telefonbetjening",
        "omstilling; besvarelse af opkald",
        "Handle phone calls",
        "answer the telephone; switchboard operation",
    ),
    _skill(
        "handle-complaints",
        _S,
        "Klagebehandling",
        "håndtering af reklamationer; reklamationer",
        "Handle customer complaints",
        "complaint handling; handle returns",
    ),
    _skill(
        "negotiation",
        _S,
        "Forhandling",
        "prisforhandling; indgå aftaler",
        "Negotiation",
        "negotiate prices; close deals",
    ),
    _skill(
        "relational-work",
        _S,
        "Relationsarbejde",
        "relationskompetence; skabe tryghed",
        "Build relationships with service users",
        "relational work; establish rapport",
    ),
    # Driving, transport and warehouse.
    _skill(
        "driving-licence-b",
        _S,
        "Kørekort kategori B",
        "almindeligt kørekort; bilkørekort; B-kørekort",
        "Driving licence category B",
        "car driving licence",
    ),
    _skill(
        "driving-licence-c",
        _S,
        "Kørekort kategori C",
        "lastbilkørekort; C-kørekort; stort kørekort",
        "Driving licence category C",
        "heavy goods vehicle licence; HGV licence; truck driving licence",
    ),
    _skill(
        "driving-licence-d",
        _S,
        "Kørekort kategori D",
        "buskørekort; D-kørekort",
        "Driving licence category D",
        "bus driving licence",
    ),
    _skill(
        "driver-cpc",
        _K,
        "Chaufføruddannelse (kvalifikationsbevis)",
        "EU-kvalifikationsbevis; kvalifikationsuddannelse for chauffører",
        "Driver certificate of professional competence",
        "driver CPC; driver qualification card",
    ),
    _skill(
        "taxi-licence",
        _S,
        "Taxikørekort",
        "førerbevis til taxi; taxiførerbevis",
        "Taxi driver licence",
        "licence to drive a taxi",
    ),
    _skill(
        "traffic-laws",
        _K,
        "Færdselsregler",
        "færdselsloven; trafikregler",
        "Traffic laws",
        "road traffic regulations; rules of the road",
    ),
    _skill(
        "driving-rest-time",
        _K,
        "Køre- og hviletidsregler",
        "fartskriver; takograf",
        "Driving and rest time rules",
        "tachograph; drivers' working time regulations",
    ),
    _skill(
        "defensive-driving",
        _S,
        "Defensiv kørsel",
        "sikker kørsel; miljørigtig kørsel",
        "Drive defensively",
        "defensive driving; eco-driving",
    ),
    _skill(
        "vehicle-checks",
        _S,
        "Daglig kontrol af køretøj",
        "dagligt eftersyn; køretøjstjek",
        "Perform vehicle checks",
        "daily vehicle inspection; pre-use checks",
    ),
    _skill(
        "route-planning",
        _S,
        "Ruteplanlægning",
        "kørselsplanlægning; ruteoptimering",
        "Route planning",
        "plan routes; navigation",
    ),
    _skill(
        "local-knowledge",
        _K,
        "Lokalkendskab",
        "stedkendskab; kendskab til lokalområdet",
        "Local area knowledge",
        "knowledge of local geography; street knowledge",
    ),
    _skill(
        "passenger-service",
        _S,
        "Passagerbetjening",
        "betjening af passagerer; billettering",
        "Assist passengers",
        "passenger service; ticketing",
    ),
    _skill(
        "cargo-securing",
        _S,
        "Lastsikring",
        "surring af gods; sikring af last",
        "Secure cargo",
        "load securing; cargo lashing",
    ),
    _skill(
        "loading-unloading",
        _S,
        "Læsning og losning",
        "lastning; læsse og losse varer",
        "Load and unload goods",
        "loading and unloading; cargo handling",
    ),
    _skill(
        "forklift-licence",
        _S,
        "Truckcertifikat",
        "truckkørekort; gaffeltruckcertifikat; truckbevis",
        "Forklift licence",
        "forklift certificate; operate a forklift",
    ),
    _skill(
        "order-picking",
        _S,
        "Ordreplukning",
        "plukning; pluk og pak",
        "Order picking",
        "pick orders; pick and pack",
    ),
    _skill(
        "goods-receipt",
        _S,
        "Varemodtagelse",
        "modtagelse af varer; kontrol af leverancer",
        "Receive goods",
        "goods receipt; check incoming deliveries",
    ),
    _skill(
        "packing",
        _S,
        "Pakning af varer",
        "emballering; pakke varer",
        "Pack goods",
        "packing; packaging",
    ),
    _skill(
        "warehouse-systems",
        _S,
        "Håndscanner og lagersystem",
        "WMS; håndterminal; lagerstyringssystem",
        "Use warehouse management systems",
        "WMS; handheld scanner",
    ),
    _skill(
        "stock-control",
        _S,
        "Lagerstyring",
        "lagerkontrol; optælling af varebeholdning; vareoptælling",
        "Stock control",
        "inventory management; stock taking",
    ),
    _skill(
        "sort-mail",
        _S,
        "Sortering af post og pakker",
        "postsortering; pakkesortering",
        "Sort mail and parcels",
        "mail sorting; parcel sorting",
    ),
    _skill(
        "make-deliveries",
        _S,
        "Omdeling og udbringning",
        "pakkeomdeling; levering til kunder",
        "Make deliveries",
        "parcel delivery; deliver goods to customers",
    ),
    _skill(
        "transport-planning",
        _S,
        "Transportplanlægning",
        "disponering; kørselsdisponering",
        "Transport planning",
        "dispatch vehicles; fleet scheduling",
    ),
    _skill(
        "customs-documents",
        _K,
        "Told og fragtdokumenter",
        "toldbehandling; eksportdokumenter",
        "Customs and shipping documents",
        "customs clearance; freight documentation",
    ),
    _skill(
        "railway-safety",
        _K,
        "Sikkerhedsregler for jernbane",
        "jernbanesikkerhed; signalregler",
        "Railway safety rules",
        "rail signalling rules; railway operating rules",
    ),
    _skill(
        "operate-cranes",
        _S,
        "Kranførercertifikat",
        "kranbevis; kranbetjening",
        "Operate cranes",
        "crane operator certificate; crane operation",
    ),
    # Retail and sales.
    _skill(
        "cash-register",
        _S,
        "Betjening af kassesystem",
        "kassesystemer; kasseapparat; kasseekspedition",
        "Operate cash register",
        "POS systems; till operation",
    ),
    _skill(
        "cash-handling",
        _S,
        "Håndtering af kontanter",
        "kasseopgørelse; kasseafstemning",
        "Cash handling",
        "handle cash; cash reconciliation",
    ),
    _skill(
        "shelf-stocking",
        _S,
        "Vareopfyldning",
        "opfyldning af varer; fylde varer op",
        "Stock shelves",
        "shelf stocking; replenish stock",
    ),
    _skill(
        "price-labelling",
        _S,
        "Prismærkning",
        "prisskiltning; skiltning",
        "Price labelling",
        "label goods; price tagging",
    ),
    _skill(
        "product-knowledge",
        _K,
        "Varekendskab",
        "produktkendskab; sortimentskendskab",
        "Product knowledge",
        "knowledge of the product range",
    ),
    _skill(
        "visual-merchandising",
        _S,
        "Varepræsentation",
        "visual merchandising; opstilling af varer",
        "Visual merchandising",
        "display merchandise; product presentation",
    ),
    _skill(
        "loss-prevention",
        _S,
        "Svindforebyggelse",
        "tyverisikring; svindkontrol",
        "Loss prevention",
        "prevent shoplifting; shrinkage control",
    ),
    _skill(
        "sales",
        _S,
        "Salg",
        "salgsteknik; mersalg",
        "Sales",
        "sell products and services; upselling",
    ),
    _skill(
        "prospecting",
        _S,
        "Opsøgende salg",
        "kundebesøg; salgsmøder",
        "Prospect new customers",
        "field sales; lead generation",
    ),
    _skill(
        "telephone-sales",
        _S,
        "Telefonsalg",
        "telemarketing; mødebooking",
        "Telephone sales",
        "telesales; outbound calling",
    ),
    _skill(
        "crm-systems",
        _S,
        "CRM-systemer",
        "kundedatabase; Salesforce",
        "Use CRM systems",
        "customer relationship management; Salesforce",
    ),
    _skill(
        "marketing",
        _S,
        "Markedsføring",
        "marketing; kampagner",
        "Marketing",
        "marketing campaigns; promotion",
    ),
    _skill(
        "social-media",
        _S,
        "Sociale medier",
        "SoMe; Facebook og Instagram",
        "Social media management",
        "SoMe; social media marketing",
    ),
    _skill(
        "graphic-design",
        _S,
        "Grafisk design",
        "layout; Adobe InDesign",
        "Graphic design",
        "layout design; Adobe Creative Cloud",
    ),
    # Hospitality and food.
    _skill(
        "cooking",
        _S,
        "Madlavning",
        "tilberedning af mad; madtilberedning",
        "Cook food",
        "cooking techniques; prepare meals",
    ),
    _skill(
        "prepare-ingredients",
        _S,
        "Forberedelse af råvarer",
        "klargøring af råvarer; grøntsagsrensning",
        "Prepare ingredients",
        "food preparation; mise en place",
    ),
    _skill(
        "food-safety",
        _K,
        "Fødevarehygiejne",
        "hygiejnebevis; HACCP; fødevaresikkerhed",
        "Food safety and hygiene",
        "food hygiene; HACCP",
    ),
    _skill(
        "temperature-control",
        _S,
        "Egenkontrol og temperaturkontrol",
        "egenkontrol; kølekæde",
        "Temperature control of food",
        "cold chain; food safety self-checks",
    ),
    _skill(
        "nutrition",
        _K,
        "Ernæring",
        "kostlære; ernæringslære",
        "Nutrition",
        "diet; nutritional needs",
    ),
    _skill(
        "menu-planning",
        _S,
        "Menuplanlægning",
        "planlægning af menuer; madplaner",
        "Menu planning",
        "plan menus",
    ),
    _skill(
        "knife-handling",
        _S,
        "Knivteknik",
        "sikker brug af kniv; knivslibning",
        "Knife handling",
        "use knives safely; sharpen knives",
    ),
    _skill(
        "dishwashing",
        _S,
        "Opvask",
        "betjening af opvaskemaskine; opvaskning",
        "Wash dishes",
        "dishwashing; operate a dishwasher",
    ),
    _skill(
        "serve-food",
        _S,
        "Servering",
        "servering af mad og drikke; anretning",
        "Serve food and beverages",
        "table service; plate food",
    ),
    _skill(
        "beverage-knowledge",
        _K,
        "Drikkevarekendskab",
        "vinkendskab; cocktails",
        "Beverage knowledge",
        "wine knowledge; mixology",
    ),
    _skill(
        "booking-systems",
        _S,
        "Bookingsystemer",
        "reservationssystem; tidsbestilling",
        "Use booking systems",
        "reservation systems; appointment booking",
    ),
    _skill(
        "make-up-rooms",
        _S,
        "Klargøring af værelser",
        "værelsesrengøring; sengeredning",
        "Make up rooms",
        "room servicing; bed making",
    ),
    _skill(
        "baking",
        _S,
        "Bagning",
        "dejfremstilling; brødbagning",
        "Baking",
        "make dough; bake bread and pastry",
    ),
    _skill(
        "cut-meat",
        _S,
        "Udskæring af kød",
        "opskæring; udbening",
        "Cut meat",
        "butchery; deboning",
    ),
    _skill(
        "dairy-processing",
        _K,
        "Mejeriteknologi",
        "ostefremstilling; mælkebehandling",
        "Dairy processing",
        "cheese making; milk processing",
    ),
    # Cleaning and facility services.
    _skill(
        "cleaning",
        _S,
        "Rengøring",
        "rengøringsmetoder; daglig rengøring",
        "Cleaning techniques",
        "clean surfaces; professional cleaning",
    ),
    _skill(
        "cleaning-chemicals",
        _K,
        "Rengøringsmidler og kemikalier",
        "kemikaliehåndtering; dosering af rengøringsmidler",
        "Use cleaning chemicals",
        "handle chemical cleaning agents; chemical safety",
    ),
    _skill(
        "cleaning-machines",
        _S,
        "Betjening af rengøringsmaskiner",
        "gulvvaskemaskine; skuremaskine",
        "Operate cleaning machines",
        "floor scrubber; cleaning equipment",
    ),
    _skill(
        "waste-sorting",
        _S,
        "Affaldssortering",
        "affaldshåndtering; kildesortering",
        "Waste sorting",
        "waste management; recycling",
    ),
    _skill(
        "laundry",
        _S,
        "Vask og tøjbehandling",
        "tøjvask; tekstilvask",
        "Laundry",
        "wash textiles; handle laundry",
    ),
    _skill(
        "clean-windows",
        _S,
        "Vinduespudsning",
        "pudsning af vinduer; vinduesrengøring",
        "Clean windows",
        "window cleaning",
    ),
    _skill(
        "building-maintenance",
        _S,
        "Bygningsvedligeholdelse",
        "mindre reparationer; vedligehold af bygninger",
        "Building maintenance",
        "minor repairs; maintain buildings",
    ),
    _skill(
        "grounds-maintenance",
        _S,
        "Udendørs vedligeholdelse",
        "pasning af grønne områder; snerydning",
        "Grounds maintenance",
        "landscape maintenance; snow clearing",
    ),
    _skill(
        "fire-safety",
        _K,
        "Brandsikkerhed",
        "brandforebyggelse; brug af brandslukker",
        "Fire safety",
        "fire prevention; use fire extinguishers",
    ),
    # Construction and trades.
    _skill(
        "read-drawings",
        _S,
        "Læsning af tegninger",
        "tegningslæsning; arbejdstegninger",
        "Read technical drawings",
        "interpret blueprints; read plans",
    ),
    _skill(
        "measure",
        _S,
        "Opmåling",
        "afsætning; måling",
        "Take measurements",
        "measuring; setting out",
    ),
    _skill(
        "hand-tools",
        _S,
        "Brug af håndværktøj og el-værktøj",
        "håndværktøj; el-værktøj",
        "Use hand and power tools",
        "hand tools; power tools",
    ),
    _skill(
        "work-at-heights",
        _S,
        "Arbejde i højden",
        "stilladsarbejde; arbejde på tag",
        "Work at heights",
        "working at height safely; scaffolding work",
    ),
    _skill(
        "aerial-platforms",
        _S,
        "Liftcertifikat",
        "personlift; liftbevis",
        "Operate aerial work platforms",
        "mobile elevating work platform; lift certificate",
    ),
    _skill(
        "building-regulations",
        _K,
        "Bygningsreglementet",
        "BR18; byggeregler",
        "Building regulations",
        "building codes",
    ),
    _skill(
        "woodworking",
        _S,
        "Træarbejde",
        "tømrerarbejde; snedkerarbejde",
        "Woodworking",
        "carpentry; joinery",
    ),
    _skill(
        "masonry",
        _S,
        "Murerarbejde",
        "opmuring; pudsning",
        "Lay bricks",
        "bricklaying; masonry",
    ),
    _skill(
        "tiling",
        _S,
        "Flisearbejde",
        "fliselægning; klinkearbejde",
        "Tiling",
        "lay tiles",
    ),
    _skill(
        "concrete",
        _S,
        "Betonarbejde",
        "støbning; forskalling",
        "Concrete work",
        "pour concrete; formwork",
    ),
    _skill(
        "electrical-installation",
        _S,
        "El-installation",
        "elinstallation; installation af el",
        "Install electrical systems",
        "electrical installation; wiring",
    ),
    _skill(
        "electrical-safety",
        _K,
        "Elsikkerhed",
        "sikker brug af el; elsikkerhedsregler",
        "Electrical safety",
        "electrical safety regulations",
    ),
    _skill(
        "plumbing",
        _S,
        "VVS-installation",
        "rørarbejde; installation af rør",
        "Install plumbing systems",
        "pipe fitting; plumbing",
    ),
    _skill(
        "heating-systems",
        _K,
        "Varmeanlæg",
        "varmepumper; fjernvarme",
        "Heating systems",
        "heat pumps; district heating",
    ),
    _skill(
        "painting",
        _S,
        "Malerarbejde",
        "maling; overfladebehandling",
        "Paint surfaces",
        "painting; decorating",
    ),
    _skill(
        "prepare-surfaces",
        _S,
        "Spartling og forbehandling",
        "spartelarbejde; slibning",
        "Prepare surfaces",
        "fill and sand; surface preparation",
    ),
    _skill(
        "welding",
        _S,
        "Svejsning",
        "MIG/MAG-svejsning; TIG-svejsning",
        "Welding",
        "MIG/MAG welding; TIG welding",
    ),
    _skill(
        "metal-fabrication",
        _S,
        "Pladebearbejdning",
        "pladearbejde; bukning og klipning",
        "Metal fabrication",
        "sheet metal work; shape metal",
    ),
    _skill(
        "earthmoving",
        _S,
        "Betjening af entreprenørmaskiner",
        "gravemaskine; minilæsser; rendegraver",
        "Operate earthmoving equipment",
        "excavator operation; operate construction machinery",
    ),
    _skill(
        "cad",
        _S,
        "CAD",
        "AutoCAD; Revit; tegneprogrammer",
        "Use CAD software",
        "AutoCAD; computer-aided design",
    ),
    # Manufacturing and mechanics.
    _skill(
        "operate-machinery",
        _S,
        "Maskinbetjening",
        "betjening af produktionsanlæg; maskinpasning",
        "Operate production machinery",
        "machine operation; tend machines",
    ),
    _skill(
        "maintain-machinery",
        _S,
        "Vedligeholdelse af maskiner",
        "forebyggende vedligehold; service af maskiner",
        "Maintain machinery",
        "preventive maintenance; machine servicing",
    ),
    _skill(
        "lean",
        _K,
        "LEAN",
        "lean-principper; løbende forbedringer",
        "Lean manufacturing",
        "continuous improvement; 5S",
    ),
    _skill(
        "cnc",
        _S,
        "CNC-programmering og -betjening",
        "CNC-styring; CNC-bearbejdning",
        "CNC programming and operation",
        "operate CNC machines; CNC machining",
    ),
    _skill(
        "assemble-components",
        _S,
        "Montage",
        "samling af komponenter; montering",
        "Assemble components",
        "assembly; mechanical assembly",
    ),
    _skill(
        "gmp",
        _K,
        "GMP",
        "god fremstillingspraksis; GMP-dokumentation",
        "Good manufacturing practice",
        "GMP",
    ),
    _skill(
        "production-records",
        _S,
        "Produktionsdokumentation",
        "registrering af produktionsdata; batchdokumentation",
        "Record production data",
        "production documentation; batch records",
    ),
    _skill(
        "sewing",
        _S,
        "Syning",
        "betjening af symaskine; tilskæring",
        "Sewing",
        "operate a sewing machine; cutting fabric",
    ),
    _skill(
        "repair-vehicles",
        _S,
        "Reparation og service af biler",
        "bilmekanik; service af biler",
        "Repair motor vehicles",
        "car mechanics; vehicle servicing",
    ),
    _skill(
        "diagnostic-equipment",
        _S,
        "Brug af diagnoseudstyr",
        "testudstyr; diagnoseværktøj",
        "Use diagnostic equipment",
        "vehicle diagnostics; test equipment",
    ),
    _skill(
        "repair-bicycles",
        _S,
        "Cykelreparation",
        "cykelmekanik; service af cykler",
        "Repair bicycles",
        "bicycle maintenance",
    ),
    # Agriculture and horticulture.
    _skill(
        "animal-care",
        _S,
        "Dyrepasning",
        "pasning af husdyr; fodring af dyr",
        "Animal care",
        "care for livestock; feed animals",
    ),
    _skill(
        "animal-welfare",
        _K,
        "Dyrevelfærd",
        "dyrevelfærdsregler; dyresundhed",
        "Animal welfare",
        "animal health; animal welfare legislation",
    ),
    _skill(
        "milking",
        _S,
        "Malkning",
        "malkerobot; malkestald",
        "Milk animals",
        "operate milking equipment; milking",
    ),
    _skill(
        "drive-tractors",
        _S,
        "Traktorkørsel",
        "kørsel med landbrugsmaskiner; traktorkørekort",
        "Drive tractors",
        "operate agricultural machinery; tractor driving",
    ),
    _skill(
        "plant-knowledge",
        _K,
        "Plantekendskab",
        "plantepleje; planteformering",
        "Plant knowledge",
        "horticulture; plant care",
    ),
    _skill(
        "landscaping",
        _S,
        "Anlægsarbejde",
        "belægning; etablering af grønne områder",
        "Landscaping",
        "paving; hard landscaping",
    ),
    _skill(
        "pesticide-certificate",
        _S,
        "Sprøjtecertifikat",
        "sprøjtebevis; håndtering af plantebeskyttelsesmidler",
        "Pesticide application certificate",
        "apply pesticides; spraying licence",
    ),
    _skill(
        "chainsaw",
        _S,
        "Motorsavsbevis",
        "motorsav; træfældning",
        "Operate a chainsaw",
        "chainsaw certificate; tree felling",
    ),
    # Office, finance and HR.
    _skill(
        "bookkeeping",
        _S,
        "Bogføring",
        "bogholderi; debitor- og kreditorbogholderi",
        "Bookkeeping",
        "keep financial records; accounts payable and receivable",
    ),
    _skill(
        "accounting-software",
        _S,
        "Økonomisystemer",
        "e-conomic; Navision; ERP-system",
        "Use accounting software",
        "ERP systems; Dynamics NAV",
    ),
    _skill(
        "tax-vat",
        _K,
        "Moms og skat",
        "momsregler; skatteregler",
        "Tax and VAT rules",
        "VAT regulations; tax legislation",
    ),
    _skill(
        "payroll",
        _S,
        "Lønbehandling",
        "lønkørsel; lønadministration",
        "Process payroll",
        "payroll administration",
    ),
    _skill(
        "invoicing",
        _S,
        "Fakturering",
        "udstedelse af fakturaer; fakturahåndtering",
        "Invoicing",
        "issue invoices; billing",
    ),
    _skill(
        "filing",
        _S,
        "Journalisering og arkivering",
        "arkivering; dokumenthåndtering",
        "Filing and records management",
        "archiving; document management",
    ),
    _skill(
        "manage-schedules",
        _S,
        "Kalenderstyring og mødeplanlægning",
        "kalenderstyring; mødebooking",
        "Manage schedules",
        "calendar management; arrange meetings",
    ),
    _skill(
        "medical-terminology",
        _K,
        "Medicinsk terminologi",
        "sundhedsfaglig terminologi; lægelatin",
        "Medical terminology",
        "clinical terminology",
    ),
    _skill(
        "recruit-employees",
        _S,
        "Rekruttering",
        "ansættelsessamtaler; rekrutteringsproces",
        "Recruit employees",
        "recruitment; conduct job interviews",
    ),
    _skill(
        "employment-law",
        _K,
        "Ansættelsesret og overenskomster",
        "arbejdsret; overenskomster",
        "Employment law",
        "collective agreements; labour law",
    ),
    _skill(
        "labour-market-knowledge",
        _K,
        "Arbejdsmarkedskendskab",
        "kendskab til arbejdsmarkedet; brancheindsigt",
        "Labour market knowledge",
        "knowledge of the labour market",
    ),
    _skill(
        "case-management",
        _S,
        "Sagsbehandling",
        "sagsbehandle; myndighedsarbejde",
        "Case management",
        "casework; case processing",
    ),
    _skill(
        "social-legislation",
        _K,
        "Social- og beskæftigelseslovgivning",
        "serviceloven; beskæftigelsesloven",
        "Social and employment legislation",
        "social services law; social security law",
    ),
    # IT.
    _skill(
        "it-user-support",
        _S,
        "Brugersupport",
        "IT-support; helpdesk",
        "Provide ICT user support",
        "helpdesk; IT support",
    ),
    _skill(
        "operating-systems",
        _K,
        "Styresystemer",
        "Windows; macOS og Linux",
        "Operating systems",
        "Windows administration; Linux",
    ),
    _skill(
        "install-hardware",
        _S,
        "Opsætning af hardware",
        "installation af pc'er; opsætning af printere",
        "Install hardware",
        "set up computers; hardware installation",
    ),
    _skill(
        "computer-networks",
        _K,
        "Netværk",
        "netværksopsætning; TCP/IP",
        "Computer networks",
        "configure networks; TCP/IP",
    ),
    _skill(
        "it-security",
        _K,
        "IT-sikkerhed",
        "informationssikkerhed; cybersikkerhed",
        "Information security",
        "cyber security; IT security",
    ),
    _skill(
        "programming",
        _S,
        "Programmering",
        "softwareudvikling; kodning",
        "Computer programming",
        "software development; coding",
    ),
    _skill(
        "python",
        _K,
        "Python",
        "Python-programmering; Django",
        "Python",
        "Python programming",
    ),
    _skill(
        "csharp-dotnet",
        _K,
        "C# og .NET",
        "C#; .NET",
        "C# and .NET",
        "C#; .NET",
    ),
    _skill(
        "web-development",
        _S,
        "Webudvikling",
        "HTML og CSS; JavaScript",
        "Web development",
        "HTML/CSS; JavaScript",
    ),
    _skill(
        "databases-sql",
        _K,
        "Databaser og SQL",
        "SQL; databasedesign",
        "Databases and SQL",
        "SQL; query databases",
    ),
    _skill(
        "version-control",
        _S,
        "Versionsstyring (Git)",
        "Git; kodegennemgang",
        "Version control",
        "Git; code review",
    ),
    _skill(
        "software-testing",
        _S,
        "Softwaretest",
        "automatiseret test; unittest",
        "Software testing",
        "unit testing; test automation",
    ),
    _skill(
        "agile-methods",
        _K,
        "Agile metoder",
        "Scrum; Kanban",
        "Agile development",
        "Scrum; Kanban",
    ),
    # Health and care.
    _skill(
        "personal-care",
        _S,
        "Personlig pleje",
        "hjælp til bad og påklædning; personlig hygiejne hos borgere",
        "Personal care",
        "help with bathing and dressing; assist with personal hygiene",
    ),
    _skill(
        "patient-transfer",
        _S,
        "Forflytning",
        "forflytningsteknik; personforflytning",
        "Patient transfer",
        "move patients; patient handling",
    ),
    _skill(
        "observe-patients",
        _S,
        "Observation af sundhedstilstand",
        "sygdomsobservation; tidlig opsporing",
        "Observe patients' condition",
        "monitor patients; early detection of deterioration",
    ),
    _skill(
        "administer-medication",
        _S,
        "Medicinhåndtering",
        "medicingivning; dosering af medicin",
        "Administer medication",
        "medication management; dispense medication",
    ),
    _skill(
        "health-documentation",
        _S,
        "Sundhedsfaglig dokumentation",
        "journalføring; dokumentation i omsorgssystem",
        "Health care documentation",
        "patient records; care records",
    ),
    _skill(
        "infection-control",
        _K,
        "Infektionshygiejne",
        "smitteforebyggelse; forebyggelse af smitte",
        "Infection control",
        "infection prevention; prevent transmission of infection",
    ),
    _skill(
        "measure-vital-signs",
        _S,
        "Måling af vitale værdier",
        "blodtryksmåling; TOBS; måling af puls og temperatur",
        "Measure vital signs",
        "take blood pressure; early warning score",
    ),
    _skill(
        "wound-care",
        _S,
        "Sårpleje",
        "sårbehandling; forbindinger",
        "Wound care",
        "dress wounds; wound management",
    ),
    _skill(
        "nursing-care",
        _K,
        "Sygepleje",
        "klinisk sygepleje; sygeplejefaglig vurdering",
        "Nursing care",
        "clinical nursing; nursing assessment",
    ),
    _skill(
        "anatomy-physiology",
        _K,
        "Anatomi og fysiologi",
        "anatomi; fysiologi",
        "Anatomy and physiology",
        "human anatomy; physiology",
    ),
    _skill(
        "pharmacology",
        _K,
        "Lægemiddelkendskab",
        "farmakologi; kendskab til medicin",
        "Pharmacology",
        "knowledge of medicines",
    ),
    _skill(
        "dementia-care",
        _K,
        "Demens",
        "demensomsorg; viden om demens",
        "Dementia care",
        "care for people with dementia",
    ),
    _skill(
        "rehabilitation",
        _K,
        "Rehabilitering",
        "genoptræning; hverdagsrehabilitering",
        "Rehabilitation",
        "reablement; physical rehabilitation",
    ),
    _skill(
        "exercise-therapy",
        _S,
        "Træning og bevægelse",
        "træningsprogrammer; genoptræningsforløb",
        "Exercise therapy",
        "design training programmes; physical training",
    ),
    _skill(
        "assistive-devices",
        _K,
        "Hjælpemidler",
        "kropsbårne hjælpemidler; rådgivning om hjælpemidler",
        "Assistive devices",
        "mobility aids; assistive technology",
    ),
    _skill(
        "emergency-care",
        _S,
        "Akut behandling",
        "præhospital behandling; akutberedskab",
        "Emergency care",
        "pre-hospital care; emergency medical care",
    ),
    _skill(
        "dental-assistance",
        _S,
        "Assistance ved tandbehandling",
        "stolesideassistance; klargøring af instrumenter",
        "Assist in dental treatment",
        "chairside assistance",
    ),
    _skill(
        "sterilise-instruments",
        _S,
        "Sterilisering af instrumenter",
        "sterilisation; instrumentrengøring",
        "Sterilise instruments",
        "sterilisation; instrument reprocessing",
    ),
    _skill(
        "mental-health",
        _K,
        "Psykiatri og psykisk sårbarhed",
        "psykiatri; mental sundhed",
        "Mental health",
        "psychiatry; mental illness",
    ),
    # Social work and education.
    _skill(
        "disability-awareness",
        _K,
        "Viden om handicap",
        "funktionsnedsættelser; handicapområdet",
        "Disability awareness",
        "disabilities; special needs",
    ),
    _skill(
        "substance-abuse",
        _K,
        "Misbrug",
        "rusmidler; misbrugsbehandling",
        "Substance abuse",
        "addiction; substance misuse",
    ),
    _skill(
        "motivational-interviewing",
        _S,
        "Motiverende samtale",
        "samtaleteknik; den motiverende samtale",
        "Motivational interviewing",
        "conduct interviews; interviewing techniques",
    ),
    _skill(
        "action-plans",
        _S,
        "Handleplaner og opfølgning",
        "udarbejde handleplaner; opfølgning",
        "Action plans and follow-up",
        "care planning; individual plans",
    ),
    _skill(
        "use-of-force-rules",
        _K,
        "Regler om magtanvendelse",
        "magtanvendelse; lovgivning om magtanvendelse",
        "Rules on the use of force",
        "use of force legislation; restraint rules",
    ),
    _skill(
        "pedagogy",
        _K,
        "Pædagogik",
        "pædagogisk praksis; pædagogisk teori",
        "Pedagogy",
        "pedagogical practice",
    ),
    _skill(
        "child-development",
        _K,
        "Børns udvikling og trivsel",
        "børns udvikling; udviklingspsykologi",
        "Child development",
        "children's developmental needs; child wellbeing",
    ),
    _skill(
        "organise-activities",
        _S,
        "Planlægning af aktiviteter",
        "aktivitetsplanlægning; pædagogiske aktiviteter",
        "Organise activities",
        "plan activities; activity planning",
    ),
    _skill(
        "parent-cooperation",
        _S,
        "Forældresamarbejde",
        "samarbejde med forældre; forældrekontakt",
        "Liaise with parents",
        "parent cooperation; communicate with parents",
    ),
    _skill(
        "special-needs",
        _K,
        "Specialpædagogik",
        "inklusion; støtte til børn med særlige behov",
        "Special needs education",
        "inclusion; special educational needs",
    ),
    _skill(
        "teaching",
        _S,
        "Undervisning",
        "formidling af fagligt stof; klasseledelse",
        "Teaching",
        "teach; deliver lessons",
    ),
    _skill(
        "didactics",
        _K,
        "Didaktik",
        "undervisningsplanlægning; læringsmål",
        "Didactics",
        "lesson planning; curriculum planning",
    ),
    _skill(
        "assess-students",
        _S,
        "Evaluering af elever",
        "bedømmelse; karaktergivning",
        "Assess students",
        "student assessment; grading",
    ),
    _skill(
        "digital-learning",
        _S,
        "Digitale læringsplatforme",
        "Aula; digitale læremidler",
        "Use digital learning platforms",
        "virtual learning environment; digital teaching materials",
    ),
    # Security and emergency services.
    _skill(
        "security-licence",
        _S,
        "Vagtcertifikat",
        "vagtuddannelse; godkendelse som vagt",
        "Security guard licence",
        "security guard certificate",
    ),
    _skill(
        "surveillance",
        _S,
        "Overvågning og rundering",
        "kameraovervågning; rundering",
        "Conduct surveillance",
        "CCTV monitoring; patrol premises",
    ),
    _skill(
        "respond-alarms",
        _S,
        "Alarmhåndtering",
        "alarmsystemer; udrykning på alarmer",
        "Respond to alarms",
        "alarm systems; alarm response",
    ),
    _skill(
        "breathing-apparatus",
        _S,
        "Røgdykning",
        "røgdykkerbevis; brug af åndedrætsværn",
        "Use breathing apparatus",
        "smoke diving; breathing apparatus wearer",
    ),
    # Personal services.
    _skill(
        "cut-hair",
        _S,
        "Klipning",
        "hårklipning; herreklip",
        "Cut hair",
        "haircutting; hairdressing",
    ),
    _skill(
        "colour-hair",
        _S,
        "Hårfarvning",
        "farvning; striber",
        "Colour hair",
        "hair dyeing; highlights",
    ),
    _skill(
        "skin-care",
        _S,
        "Hudpleje og makeup",
        "ansigtsbehandling; makeup",
        "Skin care and make-up",
        "facial treatments; apply make-up",
    ),
)


# --- occupations -------------------------------------------------------------------

OCCUPATIONS: tuple[Occupation, ...] = (
    # Health and care.
    _occ(
        "sygeplejerske",
        "2221",
        "health",
        "Sygeplejerske",
        "autoriseret sygeplejerske; hjemmesygeplejerske; klinisk sygeplejerske",
        "Nurse",
        "registered nurse; nurse responsible for general care; home care nurse",
        "nursing-care anatomy-physiology administer-medication measure-vital-signs "
        "health-documentation infection-control confidentiality communication",
        "wound-care pharmacology medical-terminology guidance mental-health first-aid",
    ),
    _occ(
        "social-og-sundhedsassistent",
        "5321",
        "health",
        "Social- og sundhedsassistent",
        "SOSU-assistent; sosu-assistent; SSA",
        "Social and health care assistant",
        "health care assistant; care assistant; SOSU assistant",
        "personal-care administer-medication observe-patients health-documentation "
        "infection-control patient-transfer measure-vital-signs relational-work",
        "dementia-care rehabilitation mental-health wound-care nutrition "
        "organise-activities",
    ),
    _occ(
        "social-og-sundhedshjaelper",
        "5322",
        "health",
        "Social- og sundhedshjælper",
        "SOSU-hjælper; sosu-hjælper; hjemmehjælper; SSH",
        "Social and health care helper",
        "home care worker; home help; SOSU helper",
        "personal-care patient-transfer cleaning hygiene infection-control "
        "observe-patients relational-work health-documentation",
        "dementia-care rehabilitation laundry driving-licence-b nutrition first-aid",
    ),
    _occ(
        "portoer",
        "5329",
        "health",
        "Portør",
        "hospitalsportør; patientportør; sygehusportør",
        "Hospital porter",
        "porter; hospital orderly; patient transport assistant",
        "patient-transfer manual-handling hygiene infection-control communication "
        "teamwork",
        "first-aid cleaning planning",
    ),
    _occ(
        "ambulancebehandler",
        "3258",
        "health",
        "Ambulancebehandler",
        "ambulanceredder; redder; ambulancefører",
        "Ambulance worker",
        "emergency medical technician; ambulance technician; paramedic",
        "emergency-care first-aid patient-transfer measure-vital-signs "
        "defensive-driving health-documentation communication",
        "traffic-laws conflict-management local-knowledge driving-licence-c",
    ),
    _occ(
        "fysioterapeut",
        "2264",
        "health",
        "Fysioterapeut",
        "autoriseret fysioterapeut; genoptræningsfysioterapeut; "
        "privatpraktiserende fysioterapeut",
        "Physiotherapist",
        "physical therapist; rehabilitation physiotherapist",
        "anatomy-physiology exercise-therapy rehabilitation guidance "
        "health-documentation communication",
        "assistive-devices patient-transfer mental-health",
    ),
    _occ(
        "ergoterapeut",
        "2269",
        "health",
        "Ergoterapeut",
        "autoriseret ergoterapeut; ergoterapeut i kommunen; genoptræningsterapeut",
        "Occupational therapist",
        "OT; rehabilitation therapist",
        "rehabilitation assistive-devices anatomy-physiology guidance "
        "organise-activities health-documentation",
        "exercise-therapy patient-transfer dementia-care mental-health",
    ),
    _occ(
        "tandklinikassistent",
        "3251",
        "health",
        "Tandklinikassistent",
        "klinikassistent; tandlægeassistent; TKA",
        "Dental assistant",
        "dental nurse; chairside assistant",
        "dental-assistance sterilise-instruments infection-control phone-handling "
        "manage-schedules health-documentation customer-service",
        "medical-terminology booking-systems first-aid",
    ),
    _occ(
        "farmakonom",
        "3213",
        "health",
        "Farmakonom",
        "apoteksassistent; defektrice; farmakonom på apotek",
        "Pharmacy technician",
        "pharmaceutical technician; pharmacy assistant",
        "pharmacology guidance customer-service cash-register product-knowledge "
        "medical-terminology stock-control",
        "gmp hygiene data-entry",
    ),
    _occ(
        "laegesekretaer",
        "3344",
        "health",
        "Lægesekretær",
        "sundhedsadministrativ koordinator; klinisk sekretær; sundhedssekretær",
        "Medical secretary",
        "medical administrative assistant; clinic secretary",
        "medical-terminology health-documentation phone-handling manage-schedules "
        "confidentiality office-software written-communication",
        "data-entry data-protection filing customer-service",
    ),
    # Social work.
    _occ(
        "socialraadgiver",
        "2635",
        "social",
        "Socialrådgiver",
        "sagsbehandler; myndighedsrådgiver; socialformidler",
        "Social worker",
        "caseworker; social counsellor",
        "case-management social-legislation guidance motivational-interviewing "
        "action-plans written-communication confidentiality data-protection",
        "conflict-management mental-health substance-abuse labour-market-knowledge",
    ),
    _occ(
        "socialpaedagog",
        "2635",
        "social",
        "Socialpædagog",
        "pædagog på bosted; bostedspædagog; socialpædagogisk medarbejder",
        "Social pedagogue",
        "social care worker; residential care pedagogue",
        "pedagogy relational-work conflict-management disability-awareness "
        "action-plans organise-activities use-of-force-rules",
        "mental-health substance-abuse administer-medication health-documentation "
        "first-aid",
    ),
    _occ(
        "stoettekontaktperson",
        "3412",
        "social",
        "Støttekontaktperson",
        "bostøttemedarbejder; hjemmevejleder; socialpædagogisk støtte",
        "Support contact worker",
        "community support worker; outreach social worker",
        "relational-work guidance motivational-interviewing mental-health "
        "action-plans conflict-management",
        "substance-abuse social-legislation driving-licence-b health-documentation",
    ),
    _occ(
        "handicaphjaelper",
        "5322",
        "social",
        "Handicaphjælper",
        "BPA-hjælper; personlig hjælper; hjælper for borger med handicap",
        "Disability support worker",
        "personal assistant for people with disabilities; personal care assistant",
        "personal-care patient-transfer disability-awareness relational-work "
        "hygiene assistive-devices",
        "driving-licence-b cooking cleaning first-aid",
    ),
    _occ(
        "jobkonsulent",
        "2423",
        "social",
        "Jobkonsulent",
        "virksomhedskonsulent; beskæftigelsesrådgiver; jobcentermedarbejder",
        "Employment consultant",
        "job consultant; employment advisor; careers adviser",
        "labour-market-knowledge guidance case-management motivational-interviewing "
        "social-legislation communication action-plans",
        "recruit-employees data-protection negotiation crm-systems",
    ),
    _occ(
        "administrativ-sagsbehandler",
        "3353",
        "office",
        "Administrativ sagsbehandler",
        "ydelsessagsbehandler; kommunal sagsbehandler; administrativ medarbejder",
        "Social benefits officer",
        "benefits administrator; government benefits official",
        "case-management social-legislation written-communication data-protection "
        "confidentiality office-software",
        "guidance phone-handling customer-service data-entry",
    ),
    # Education and childcare.
    _occ(
        "paedagog",
        "2342",
        "education",
        "Pædagog",
        "børnehavepædagog; vuggestuepædagog; uddannet pædagog; SFO-pædagog",
        "Early childhood educator",
        "pedagogue; kindergarten teacher; nursery teacher",
        "pedagogy child-development organise-activities parent-cooperation "
        "relational-work teamwork communication",
        "special-needs first-aid nutrition digital-learning conflict-management",
    ),
    _occ(
        "paedagogmedhjaelper",
        "5311",
        "education",
        "Pædagogmedhjælper",
        "pædagogisk medhjælper; medhjælper i daginstitution; vikar i daginstitution",
        "Childcare worker",
        "nursery assistant; childcare assistant; pedagogical helper",
        "child-development organise-activities relational-work hygiene teamwork",
        "first-aid cleaning pedagogy parent-cooperation",
    ),
    _occ(
        "paedagogisk-assistent",
        "5311",
        "education",
        "Pædagogisk assistent",
        "PA; PAU-uddannet; pædagogisk assistent i SFO",
        "Pedagogical assistant",
        "qualified childcare assistant; educational care assistant",
        "pedagogy child-development organise-activities relational-work "
        "parent-cooperation teamwork",
        "special-needs disability-awareness first-aid",
    ),
    _occ(
        "dagplejer",
        "5311",
        "education",
        "Dagplejer",
        "kommunal dagplejer; dagplejemor; privat dagplejer",
        "Childminder",
        "family day carer; home-based childcare provider",
        "child-development hygiene cooking parent-cooperation first-aid "
        "organise-activities",
        "pedagogy cleaning nutrition",
    ),
    _occ(
        "laerer",
        "2341",
        "education",
        "Lærer",
        "folkeskolelærer; skolelærer; lærervikar",
        "Primary school teacher",
        "school teacher; teacher in primary and lower secondary school",
        "teaching didactics assess-students parent-cooperation child-development "
        "conflict-management digital-learning",
        "special-needs danish-language english-language pedagogy",
    ),
    _occ(
        "gymnasielaerer",
        "2330",
        "education",
        "Gymnasielærer",
        "lektor; adjunkt; underviser på gymnasium",
        "Upper secondary school teacher",
        "high school teacher; secondary school teacher",
        "teaching didactics assess-students digital-learning written-communication "
        "communication",
        "english-language guidance",
    ),
    _occ(
        "undervisningsassistent",
        "5312",
        "education",
        "Undervisningsassistent",
        "lærerassistent; skoleassistent; støttemedarbejder i skolen",
        "Teaching assistant",
        "teacher's aide; classroom assistant",
        "child-development relational-work special-needs teamwork communication "
        "teaching",
        "conflict-management digital-learning first-aid",
    ),
    _occ(
        "sproglaerer-dansk-for-voksne",
        "2353",
        "education",
        "Underviser i dansk som andetsprog",
        "sprogskolelærer; dansklærer for voksne; DSA-lærer",
        "Danish as a second language teacher",
        "language school teacher; Danish teacher for adults",
        "teaching didactics danish-language assess-students communication "
        "digital-learning",
        "english-language guidance",
    ),
    # Retail.
    _occ(
        "butiksassistent",
        "5223",
        "retail",
        "Butiksassistent",
        "ekspedient; salgsassistent; butiksmedarbejder",
        "Shop assistant",
        "sales assistant; retail assistant; shop worker",
        "customer-service sales product-knowledge cash-register shelf-stocking "
        "visual-merchandising handle-complaints",
        "cash-handling price-labelling loss-prevention stock-control english-language",
    ),
    _occ(
        "kassemedarbejder",
        "5230",
        "retail",
        "Kassemedarbejder",
        "kasseassistent; kasseekspedient; kassedame",
        "Cashier",
        "checkout operator; till operator; checkout assistant",
        "cash-register cash-handling customer-service loss-prevention "
        "handle-complaints",
        "shelf-stocking price-labelling product-knowledge",
    ),
    _occ(
        "vareopfylder",
        "9334",
        "retail",
        "Vareopfylder",
        "opfylder; fyldemedarbejder; medarbejder til vareopfyldning",
        "Shelf filler",
        "shelf stacker; stock replenisher",
        "shelf-stocking price-labelling goods-receipt manual-handling "
        "temperature-control",
        "customer-service forklift-licence waste-sorting warehouse-systems",
    ),
    _occ(
        "bagerekspedient",
        "5223",
        "retail",
        "Bagerekspedient",
        "bagerjomfru; ekspedient i bageri; bageriekspedient",
        "Bakery shop assistant",
        "bakery sales assistant",
        "customer-service cash-register food-safety product-knowledge "
        "cash-handling sales",
        "visual-merchandising cleaning baking",
    ),
    _occ(
        "tankpasser",
        "5245",
        "retail",
        "Tankpasser",
        "servicestationsmedarbejder; medarbejder på tankstation; "
        "butiksmedarbejder på tank",
        "Service station attendant",
        "petrol station attendant; forecourt attendant",
        "customer-service cash-register cash-handling shelf-stocking cleaning",
        "food-safety product-knowledge loss-prevention",
    ),
    _occ(
        "afdelingsleder-butik",
        "5222",
        "retail",
        "Afdelingsleder i butik",
        "souschef i butik; butiksleder; afdelingsleder i supermarked",
        "Shop supervisor",
        "retail department manager; assistant store manager",
        "staff-management planning customer-service stock-control "
        "visual-merchandising sales",
        "budget-management excel loss-prevention",
    ),
    _occ(
        "butikschef",
        "1420",
        "retail",
        "Butikschef",
        "butiksbestyrer; varehuschef; storemanager",
        "Shop manager",
        "store manager; retail manager",
        "staff-management budget-management sales planning stock-control negotiation",
        "marketing excel occupational-safety",
    ),
    # Sales, customer service and marketing.
    _occ(
        "kundeservicemedarbejder",
        "4222",
        "sales",
        "Kundeservicemedarbejder",
        "kundeservicerådgiver; callcentermedarbejder; kundeserviceassistent",
        "Contact centre agent",
        "customer service representative; call centre agent; customer service advisor",
        "customer-service phone-handling handle-complaints crm-systems "
        "communication written-communication office-software",
        "sales english-language product-knowledge data-entry telephone-sales",
    ),
    _occ(
        "telefonsaelger",
        "5244",
        "sales",
        "Telefonsælger",
        "telemarketingmedarbejder; mødebooker; salgsassistent på telefon",
        "Contact centre salesperson",
        "telemarketer; telesales agent",
        "telephone-sales sales crm-systems communication customer-service",
        "product-knowledge phone-handling negotiation",
    ),
    _occ(
        "saelger",
        "3322",
        "sales",
        "Sælger",
        "salgskonsulent; udesælger; kundeansvarlig sælger",
        "Sales representative",
        "commercial sales representative; field sales representative; sales consultant",
        "sales negotiation prospecting crm-systems product-knowledge communication "
        "driving-licence-b",
        "marketing english-language excel budget-management",
    ),
    _occ(
        "marketingkoordinator",
        "2431",
        "sales",
        "Marketingkoordinator",
        "marketingmedarbejder; marketingassistent; marketingkonsulent",
        "Marketing coordinator",
        "marketing officer; marketing assistant",
        "marketing social-media written-communication office-software planning "
        "communication",
        "graphic-design crm-systems english-language excel",
    ),
    _occ(
        "grafisk-designer",
        "2166",
        "sales",
        "Grafisk designer",
        "grafiker; mediegrafiker; layouter",
        "Graphic designer",
        "graphic artist; layout designer",
        "graphic-design communication social-media marketing",
        "web-development office-software english-language",
    ),
    # Hospitality.
    _occ(
        "kok",
        "5120",
        "hospitality",
        "Kok",
        "uddannet kok; restaurantkok; kantinekok",
        "Cook",
        "line cook; restaurant cook; chef de partie",
        "cooking food-safety prepare-ingredients menu-planning temperature-control "
        "knife-handling teamwork",
        "nutrition baking cut-meat stock-control",
    ),
    _occ(
        "koekkenchef",
        "3434",
        "hospitality",
        "Køkkenchef",
        "chefkok; køkkenleder; souschef i køkken",
        "Head chef",
        "chef; kitchen manager; executive chef",
        "cooking menu-planning food-safety staff-management budget-management "
        "stock-control planning",
        "nutrition negotiation temperature-control",
    ),
    _occ(
        "koekkenmedhjaelper",
        "9412",
        "hospitality",
        "Køkkenmedhjælper",
        "køkkenassistent; køkkenhjælp; kantinemedhjælper",
        "Kitchen assistant",
        "kitchen helper; kitchen hand; kitchen porter",
        "prepare-ingredients dishwashing food-safety cleaning hygiene teamwork",
        "cooking knife-handling waste-sorting goods-receipt",
    ),
    _occ(
        "opvasker",
        "9412",
        "hospitality",
        "Opvasker",
        "opvaskeassistent; opvaskemedarbejder; opvaskehjælp",
        "Dishwasher",
        "dish washer; pot washer; kitchen porter",
        "dishwashing cleaning hygiene cleaning-chemicals manual-handling teamwork",
        "waste-sorting prepare-ingredients food-safety",
    ),
    _occ(
        "tjener",
        "5131",
        "hospitality",
        "Tjener",
        "servitrice; serveringsmedarbejder; uddannet tjener",
        "Waiter/waitress",
        "waiter; waitress; server",
        "serve-food customer-service beverage-knowledge cash-handling "
        "handle-complaints teamwork english-language",
        "booking-systems food-safety sales cash-register",
    ),
    _occ(
        "bartender",
        "5132",
        "hospitality",
        "Bartender",
        "barmedarbejder; barpersonale; cocktailbartender",
        "Bartender",
        "barman; barmaid; mixologist",
        "beverage-knowledge serve-food cash-register cash-handling customer-service "
        "hygiene",
        "conflict-management english-language stock-control",
    ),
    _occ(
        "kantinemedarbejder",
        "5246",
        "hospitality",
        "Kantinemedarbejder",
        "kantineassistent; kantinehjælper; cafeteriamedarbejder",
        "Canteen assistant",
        "food service counter attendant; cafeteria worker",
        "serve-food prepare-ingredients food-safety cash-register cleaning dishwashing",
        "cooking nutrition customer-service temperature-control",
    ),
    _occ(
        "fastfoodmedarbejder",
        "9411",
        "hospitality",
        "Fastfoodmedarbejder",
        "burgermedarbejder; grillmedarbejder; medarbejder i fastfoodrestaurant",
        "Fast food worker",
        "fast food preparer; crew member; quick service restaurant worker",
        "prepare-ingredients food-safety customer-service cash-register cleaning "
        "teamwork",
        "cooking temperature-control cash-handling",
    ),
    _occ(
        "hotelreceptionist",
        "4224",
        "hospitality",
        "Hotelreceptionist",
        "receptionist på hotel; front office-medarbejder; natportier",
        "Hotel receptionist",
        "front desk agent; front office agent; night auditor",
        "customer-service booking-systems english-language phone-handling "
        "cash-register handle-complaints communication",
        "office-software sales fire-safety",
    ),
    _occ(
        "stuepige",
        "9112",
        "hospitality",
        "Stuepige",
        "housekeeping-medarbejder; hotelrengøringsassistent; room attendant",
        "Hotel room attendant",
        "chambermaid; housekeeping attendant; room attendant",
        "make-up-rooms cleaning hygiene cleaning-chemicals laundry manual-handling",
        "customer-service english-language waste-sorting",
    ),
    # Transport and logistics.
    _occ(
        "lastbilchauffoer",
        "8332",
        "transport",
        "Lastbilchauffør",
        "chauffør; lastvognschauffør; distributionschauffør; fjernchauffør",
        "Lorry driver",
        "heavy truck driver; HGV driver; truck driver",
        "driving-licence-c driver-cpc driving-rest-time cargo-securing "
        "loading-unloading vehicle-checks traffic-laws route-planning",
        "forklift-licence customs-documents customer-service defensive-driving "
        "english-language temperature-control",
    ),
    _occ(
        "buschauffoer",
        "8331",
        "transport",
        "Buschauffør",
        "rutebilchauffør; bybuschauffør; turistbuschauffør",
        "Bus driver",
        "coach driver; city bus driver",
        "driving-licence-d driver-cpc passenger-service traffic-laws "
        "defensive-driving driving-rest-time vehicle-checks customer-service",
        "conflict-management local-knowledge first-aid english-language",
    ),
    _occ(
        "taxachauffoer",
        "8322",
        "transport",
        "Taxachauffør",
        "taxichauffør; hyrevognschauffør; taxavognmand",
        "Taxi driver",
        "cab driver; taxi chauffeur",
        "taxi-licence driving-licence-b local-knowledge customer-service "
        "route-planning traffic-laws defensive-driving",
        "cash-handling english-language passenger-service first-aid",
    ),
    _occ(
        "varevognschauffoer",
        "8322",
        "transport",
        "Varevognschauffør",
        "budchauffør; pakkechauffør; kurerchauffør",
        "Delivery driver",
        "van driver; courier driver; parcel delivery driver",
        "driving-licence-b make-deliveries route-planning loading-unloading "
        "customer-service traffic-laws warehouse-systems",
        "manual-handling cargo-securing local-knowledge defensive-driving",
    ),
    _occ(
        "postbud",
        "4412",
        "transport",
        "Postbud",
        "postomdeler; omdeler; pakkeomdeler",
        "Mail carrier",
        "postman; postwoman; postal worker",
        "sort-mail make-deliveries route-planning customer-service manual-handling "
        "local-knowledge",
        "driving-licence-b warehouse-systems occupational-safety",
    ),
    _occ(
        "lokomotivfoerer",
        "8311",
        "transport",
        "Lokomotivfører",
        "lokofører; lokomotivfører i persontrafik; lokomotivfører i godstrafik",
        "Train driver",
        "locomotive driver; engine driver",
        "railway-safety vehicle-checks passenger-service communication "
        "occupational-safety",
        "english-language first-aid troubleshooting",
    ),
    _occ(
        "togfoerer",
        "5112",
        "transport",
        "Togfører",
        "togpersonale; billetkontrollør; togmedarbejder",
        "Train conductor",
        "train manager; ticket inspector",
        "passenger-service customer-service railway-safety conflict-management "
        "first-aid communication",
        "english-language cash-handling local-knowledge",
    ),
    _occ(
        "disponent",
        "4323",
        "transport",
        "Disponent",
        "transportdisponent; vognmandsdisponent; trafikplanlægger",
        "Transport dispatcher",
        "transport clerk; freight dispatcher; fleet dispatcher",
        "transport-planning phone-handling route-planning driving-rest-time "
        "office-software communication",
        "customs-documents excel negotiation english-language invoicing",
    ),
    _occ(
        "speditoer",
        "3331",
        "transport",
        "Speditør",
        "speditionsmedarbejder; fragtmedarbejder; shippingkoordinator",
        "Freight forwarder",
        "shipping agent; clearing and forwarding agent; logistics coordinator",
        "customs-documents transport-planning negotiation english-language "
        "invoicing office-software customer-service",
        "excel accounting-software written-communication",
    ),
    _occ(
        "logistikchef",
        "1324",
        "transport",
        "Logistikchef",
        "lagerchef; transportchef; logistikansvarlig",
        "Logistics manager",
        "warehouse manager; supply chain manager; distribution manager",
        "staff-management transport-planning stock-control budget-management "
        "planning excel lean",
        "negotiation occupational-safety warehouse-systems english-language",
    ),
    _occ(
        "flyttemand",
        "9333",
        "transport",
        "Flyttemand",
        "flyttearbejder; flyttehjælper; flyttemedarbejder",
        "Removal worker",
        "mover; furniture remover",
        "manual-handling loading-unloading packing customer-service teamwork "
        "cargo-securing",
        "driving-licence-c driving-licence-b hand-tools",
    ),
    _occ(
        "havnearbejder",
        "9333",
        "transport",
        "Havnearbejder",
        "stevedore; havneterminalarbejder; lastearbejder",
        "Dock worker",
        "stevedore; longshore worker; port worker",
        "loading-unloading forklift-licence cargo-securing occupational-safety "
        "teamwork",
        "operate-cranes english-language manual-handling",
    ),
    # Warehouse.
    _occ(
        "lagermedarbejder",
        "9333",
        "warehouse",
        "Lagermedarbejder",
        "lagerarbejder; lagerassistent; lagerhjælper; pluk- og pakmedarbejder",
        "Warehouse worker",
        "warehouse operative; warehouse assistant; order picker",
        "order-picking goods-receipt loading-unloading manual-handling "
        "warehouse-systems packing occupational-safety",
        "forklift-licence stock-control driving-licence-b teamwork",
    ),
    _occ(
        "truckfoerer",
        "8344",
        "warehouse",
        "Truckfører",
        "gaffeltruckfører; truckchauffør; reachtruckfører",
        "Forklift operator",
        "forklift driver; lift truck operator; reach truck operator",
        "forklift-licence loading-unloading occupational-safety warehouse-systems "
        "goods-receipt vehicle-checks",
        "order-picking stock-control driving-licence-c manual-handling",
    ),
    _occ(
        "pakkeriarbejder",
        "9321",
        "warehouse",
        "Pakkeriarbejder",
        "pakkerimedarbejder; pakker; pakkemedarbejder",
        "Hand packer",
        "packer; packing operative",
        "packing quality-control manual-handling teamwork hygiene",
        "order-picking operate-machinery warehouse-systems",
    ),
    _occ(
        "lagerekspedient",
        "4321",
        "warehouse",
        "Lagerekspedient",
        "lagerkoordinator; lagerforvalter; lagerkontorassistent",
        "Stock clerk",
        "inventory clerk; stores clerk; warehouse clerk",
        "stock-control warehouse-systems goods-receipt data-entry excel "
        "accounting-software",
        "forklift-licence planning invoicing customer-service",
    ),
    # Cleaning and facility services.
    _occ(
        "rengoeringsassistent",
        "9112",
        "cleaning",
        "Rengøringsassistent",
        "rengøringsmedarbejder; rengøringshjælp; rengører",
        "Cleaner",
        "cleaning operative; office cleaner; commercial cleaner",
        "cleaning cleaning-chemicals hygiene cleaning-machines occupational-safety "
        "waste-sorting",
        "infection-control laundry make-up-rooms teamwork",
    ),
    _occ(
        "servicemedarbejder",
        "9112",
        "cleaning",
        "Servicemedarbejder",
        "serviceassistent; hospitalsserviceassistent; servicemedarbejder på hospital",
        "Service assistant",
        "hospital service assistant; facility service worker; support services "
        "assistant",
        "cleaning infection-control hygiene serve-food cleaning-chemicals "
        "communication manual-handling",
        "patient-transfer laundry dishwashing cleaning-machines teamwork",
    ),
    _occ(
        "vinduespudser",
        "9123",
        "cleaning",
        "Vinduespudser",
        "vinduesrengører; vinduespudserassistent; selvstændig vinduespudser",
        "Window cleaner",
        "window washer",
        "clean-windows work-at-heights cleaning-chemicals occupational-safety "
        "customer-service driving-licence-b",
        "aerial-platforms cleaning route-planning",
    ),
    _occ(
        "pedel",
        "5153",
        "cleaning",
        "Pedel",
        "skolepedel; teknisk servicemedarbejder; teknisk serviceleder",
        "Caretaker",
        "school caretaker; janitor; facility caretaker",
        "building-maintenance grounds-maintenance hand-tools cleaning fire-safety "
        "waste-sorting communication",
        "heating-systems painting woodworking driving-licence-b",
    ),
    _occ(
        "ejendomsservicetekniker",
        "5153",
        "cleaning",
        "Ejendomsservicetekniker",
        "vicevært; ejendomsfunktionær; varmemester",
        "Property maintenance technician",
        "building caretaker; superintendent; property caretaker",
        "building-maintenance grounds-maintenance heating-systems hand-tools "
        "customer-service waste-sorting occupational-safety",
        "painting woodworking plumbing fire-safety office-software",
    ),
    _occ(
        "renovationsarbejder",
        "9611",
        "cleaning",
        "Renovationsarbejder",
        "skraldemand; renovationsmedarbejder; affaldsindsamler",
        "Refuse collector",
        "waste collector; bin man; garbage collector",
        "waste-sorting manual-handling occupational-safety teamwork route-planning",
        "driving-licence-c driver-cpc customer-service vehicle-checks",
    ),
    _occ(
        "vaskerimedarbejder",
        "8157",
        "cleaning",
        "Vaskerimedarbejder",
        "vaskeriassistent; vaskerioperatør; medarbejder i industrivaskeri",
        "Laundry worker",
        "laundry machine operator; laundry operative",
        "laundry operate-machinery quality-control hygiene manual-handling packing",
        "cleaning-chemicals teamwork order-picking infection-control",
    ),
    _occ(
        "rengoeringsleder",
        "5151",
        "cleaning",
        "Rengøringsleder",
        "rengøringsinspektør; serviceleder; områdeleder i rengøring",
        "Cleaning supervisor",
        "housekeeping supervisor; cleaning manager",
        "staff-management planning cleaning cleaning-chemicals quality-control "
        "customer-service occupational-safety",
        "budget-management excel danish-language",
    ),
    _occ(
        "altmuligmand",
        "9622",
        "cleaning",
        "Altmuligmand",
        "handyman; servicemand; altmuligmand i boligforening",
        "Handyman",
        "odd-job person; odd job worker",
        "building-maintenance hand-tools grounds-maintenance woodworking painting",
        "driving-licence-b customer-service plumbing",
    ),
    # Construction.
    _occ(
        "toemrer",
        "7115",
        "construction",
        "Tømrer",
        "tømrersvend; bygningstømrer; tømrer og snedker",
        "Carpenter",
        "joiner; building carpenter; construction carpenter",
        "woodworking read-drawings measure hand-tools work-at-heights "
        "building-regulations occupational-safety",
        "concrete aerial-platforms driving-licence-b teamwork",
    ),
    _occ(
        "murer",
        "7112",
        "construction",
        "Murer",
        "murersvend; bygningsmurer; murer og flisemurer",
        "Bricklayer",
        "mason; brick mason",
        "masonry read-drawings measure hand-tools work-at-heights concrete "
        "occupational-safety",
        "tiling building-regulations manual-handling",
    ),
    _occ(
        "flisemurer",
        "7122",
        "construction",
        "Flisemurer",
        "fliselægger; flisemurersvend; klinkelægger",
        "Tile setter",
        "tiler; floor and wall tiler",
        "tiling measure hand-tools prepare-surfaces read-drawings",
        "masonry building-regulations customer-service",
    ),
    _occ(
        "elektriker",
        "7411",
        "construction",
        "Elektriker",
        "elektrikersvend; installationselektriker; el-installatør",
        "Electrician",
        "building electrician; electrical installer; domestic electrician",
        "electrical-installation electrical-safety read-drawings troubleshooting "
        "hand-tools measure occupational-safety",
        "work-at-heights aerial-platforms driving-licence-b customer-service",
    ),
    _occ(
        "vvs-installatoer",
        "7126",
        "construction",
        "VVS-installatør",
        "VVS'er; VVS-montør; VVS-energispecialist; blikkenslager",
        "Plumber",
        "pipe fitter; heating engineer; plumbing installer",
        "plumbing heating-systems read-drawings hand-tools troubleshooting "
        "occupational-safety",
        "welding building-regulations customer-service driving-licence-b",
    ),
    _occ(
        "maler",
        "7131",
        "construction",
        "Maler",
        "malersvend; bygningsmaler; dekorationsmaler",
        "Painter and decorator",
        "painter; building painter; decorator",
        "painting prepare-surfaces hand-tools work-at-heights occupational-safety "
        "cleaning-chemicals",
        "aerial-platforms customer-service measure",
    ),
    _occ(
        "arbejdsmand",
        "9313",
        "construction",
        "Arbejdsmand",
        "byggearbejder; bygningsarbejder; medhjælper på byggeplads",
        "Building construction labourer",
        "construction worker; labourer; site operative",
        "manual-handling hand-tools occupational-safety teamwork concrete "
        "waste-sorting",
        "earthmoving forklift-licence aerial-platforms work-at-heights landscaping",
    ),
    _occ(
        "struktoer",
        "7114",
        "construction",
        "Struktør",
        "betonarbejder; anlægsstruktør; forskallingsarbejder",
        "Concrete worker",
        "concrete placer; concrete finisher; formwork worker",
        "concrete read-drawings measure hand-tools occupational-safety work-at-heights",
        "operate-cranes earthmoving woodworking",
    ),
    _occ(
        "entreprenoermaskinfoerer",
        "8342",
        "construction",
        "Entreprenørmaskinfører",
        "maskinfører; gravemaskinefører; rendegraverfører",
        "Earthmoving plant operator",
        "excavator operator; digger driver; construction plant operator",
        "earthmoving read-drawings occupational-safety vehicle-checks "
        "maintain-machinery measure",
        "driving-licence-c landscaping operate-cranes",
    ),
    _occ(
        "kranfoerer",
        "8343",
        "construction",
        "Kranfører",
        "tårnkranfører; mobilkranfører; kranoperatør",
        "Crane operator",
        "tower crane operator; mobile crane operator",
        "operate-cranes occupational-safety communication vehicle-checks "
        "loading-unloading cargo-securing",
        "driving-licence-c read-drawings work-at-heights",
    ),
    _occ(
        "tagdaekker",
        "7121",
        "construction",
        "Tagdækker",
        "tagdækkersvend; tagarbejder; tagpapdækker",
        "Roofer",
        "roofing worker; roof tiler",
        "work-at-heights hand-tools measure read-drawings occupational-safety "
        "woodworking",
        "aerial-platforms metal-fabrication building-regulations",
    ),
    _occ(
        "glarmester",
        "7125",
        "construction",
        "Glarmester",
        "glarmestersvend; glasmontør; vinduesmontør",
        "Glazier",
        "glass fitter; window fitter",
        "measure hand-tools assemble-components work-at-heights customer-service "
        "read-drawings",
        "aerial-platforms driving-licence-b woodworking",
    ),
    _occ(
        "koelemontoer",
        "7127",
        "construction",
        "Kølemontør",
        "køletekniker; kølemekaniker; varmepumpemontør",
        "Refrigeration and air-conditioning mechanic",
        "refrigeration technician; HVAC technician; heat pump installer",
        "heating-systems electrical-safety troubleshooting plumbing "
        "diagnostic-equipment hand-tools",
        "welding read-drawings customer-service driving-licence-b",
    ),
    _occ(
        "bygningskonstruktoer",
        "3112",
        "construction",
        "Bygningskonstruktør",
        "konstruktør; byggetekniker; projekterende konstruktør",
        "Construction technician",
        "architectural technologist; building technician",
        "cad read-drawings building-regulations planning budget-management "
        "communication",
        "measure excel negotiation office-software",
    ),
    # Manufacturing.
    _occ(
        "industrioperatoer",
        "8189",
        "manufacturing",
        "Industrioperatør",
        "produktionsoperatør; maskinoperatør; operatør",
        "Production operator",
        "machine operator; industrial operator",
        "operate-machinery quality-control lean production-records "
        "occupational-safety teamwork maintain-machinery",
        "forklift-licence troubleshooting gmp cnc excel",
    ),
    _occ(
        "produktionsmedarbejder",
        "9329",
        "manufacturing",
        "Produktionsmedarbejder",
        "fabriksarbejder; produktionsarbejder; medarbejder i produktionen",
        "Production worker",
        "factory worker; manufacturing labourer; production operative",
        "operate-machinery quality-control packing teamwork occupational-safety "
        "assemble-components manual-handling",
        "forklift-licence lean hygiene order-picking",
    ),
    _occ(
        "smed",
        "7214",
        "manufacturing",
        "Smed",
        "klejnsmed; konstruktionssmed; industrismed",
        "Structural metal worker",
        "metal fabricator; steel fabricator; structural steel erector",
        "welding metal-fabrication read-drawings measure hand-tools "
        "occupational-safety assemble-components",
        "cnc work-at-heights operate-cranes quality-control",
    ),
    _occ(
        "svejser",
        "7212",
        "manufacturing",
        "Svejser",
        "svejseoperatør; MIG/MAG-svejser; TIG-svejser",
        "Welder",
        "welding operator; MIG welder; TIG welder",
        "welding metal-fabrication read-drawings quality-control "
        "occupational-safety measure",
        "cnc operate-cranes hand-tools",
    ),
    _occ(
        "industritekniker",
        "7223",
        "manufacturing",
        "Industritekniker",
        "CNC-operatør; CNC-tekniker; maskinarbejder",
        "CNC machinist",
        "CNC operator; machine tool setter; industrial technician",
        "cnc read-drawings measure quality-control maintain-machinery troubleshooting",
        "cad lean welding metal-fabrication",
    ),
    _occ(
        "procesoperatoer",
        "8131",
        "manufacturing",
        "Procesoperatør",
        "kemioperatør; procestekniker; procesoperatør i medicinalindustrien",
        "Process operator",
        "chemical plant operator; pharmaceutical process operator",
        "operate-machinery gmp quality-control production-records "
        "occupational-safety hygiene teamwork",
        "lean troubleshooting english-language excel",
    ),
    _occ(
        "montoer",
        "8211",
        "manufacturing",
        "Montør",
        "montagemedarbejder; maskinmontør; montagetekniker",
        "Mechanical assembler",
        "assembly worker; fitter; assembly technician",
        "assemble-components read-drawings hand-tools quality-control teamwork",
        "troubleshooting lean welding forklift-licence",
    ),
    _occ(
        "syerske",
        "8153",
        "manufacturing",
        "Syerske",
        "industrisyerske; syer; symaskineoperatør",
        "Sewing machinist",
        "sewing machine operator; seamstress",
        "sewing operate-machinery quality-control measure",
        "packing lean teamwork",
    ),
    # Food production.
    _occ(
        "bager",
        "7512",
        "food",
        "Bager",
        "bagersvend; brødbager; industribager",
        "Baker",
        "bread baker; industrial baker",
        "baking food-safety prepare-ingredients temperature-control "
        "operate-machinery planning",
        "quality-control customer-service hygiene cleaning",
    ),
    _occ(
        "konditor",
        "7512",
        "food",
        "Konditor",
        "konditorsvend; kagebager; patissier",
        "Pastry chef",
        "confectioner; pastry cook",
        "baking food-safety prepare-ingredients temperature-control quality-control",
        "customer-service hygiene",
    ),
    _occ(
        "slagteriarbejder",
        "7511",
        "food",
        "Slagteriarbejder",
        "slagteriassistent; udbener; produktionsmedarbejder på slagteri",
        "Slaughterhouse worker",
        "slaughterer; meat processing worker; abattoir worker",
        "cut-meat knife-handling food-safety hygiene manual-handling "
        "temperature-control teamwork",
        "operate-machinery quality-control packing occupational-safety",
    ),
    _occ(
        "slagter",
        "7511",
        "food",
        "Slagter",
        "slagtersvend; detailslagter; slagter i supermarked",
        "Butcher",
        "retail butcher; meat cutter",
        "cut-meat knife-handling food-safety customer-service temperature-control "
        "product-knowledge",
        "cash-register visual-merchandising sales",
    ),
    _occ(
        "mejerist",
        "7513",
        "food",
        "Mejerist",
        "mejerioperatør; mejeritekniker; ostemager",
        "Dairy worker",
        "dairy processing operator; cheesemaker",
        "dairy-processing operate-machinery hygiene quality-control "
        "temperature-control production-records",
        "gmp lean cleaning-chemicals",
    ),
    _occ(
        "foedevareoperatoer",
        "8160",
        "food",
        "Fødevareoperatør",
        "procesoperatør i fødevareindustrien; fødevaremedarbejder; "
        "produktionsoperatør i fødevareindustrien",
        "Food production operator",
        "food processing operator; food machine operator",
        "operate-machinery food-safety hygiene quality-control temperature-control "
        "production-records teamwork",
        "lean packing forklift-licence cleaning-chemicals",
    ),
    # Agriculture, forestry and horticulture.
    _occ(
        "landbrugsmedhjaelper",
        "9213",
        "agriculture",
        "Landbrugsmedhjælper",
        "landbrugsmedarbejder; staldmedhjælper; medhjælper i svineproduktion",
        "Farm worker",
        "farm hand; agricultural labourer; livestock worker",
        "animal-care drive-tractors manual-handling hygiene occupational-safety "
        "animal-welfare",
        "milking maintain-machinery driving-licence-b",
    ),
    _occ(
        "fodermester",
        "6121",
        "agriculture",
        "Fodermester",
        "driftsleder i svineproduktion; kvægpasser; svinepasser",
        "Livestock farmer",
        "herd manager; stockman; dairy herdsman",
        "animal-care animal-welfare milking hygiene production-records drive-tractors",
        "staff-management maintain-machinery planning",
    ),
    _occ(
        "landmand",
        "6130",
        "agriculture",
        "Landmand",
        "selvstændig landmand; gårdejer; driftsleder i landbruget",
        "Farmer",
        "mixed crop and livestock farmer; farm manager",
        "animal-care drive-tractors plant-knowledge maintain-machinery "
        "budget-management pesticide-certificate animal-welfare",
        "milking bookkeeping planning staff-management",
    ),
    _occ(
        "gartner",
        "6113",
        "agriculture",
        "Gartner",
        "væksthusgartner; planteskolegartner; produktionsgartner",
        "Gardener",
        "horticultural grower; nursery grower; greenhouse gardener",
        "plant-knowledge grounds-maintenance pesticide-certificate hand-tools "
        "quality-control",
        "drive-tractors customer-service operate-machinery",
    ),
    _occ(
        "anlaegsgartner",
        "6113",
        "agriculture",
        "Anlægsgartner",
        "anlægsgartnersvend; parkgartner; kommunal anlægsgartner",
        "Landscape gardener",
        "landscaper; groundskeeper; park gardener",
        "landscaping plant-knowledge grounds-maintenance hand-tools read-drawings",
        "earthmoving chainsaw pesticide-certificate driving-licence-b",
    ),
    _occ(
        "gartnerimedhjaelper",
        "9214",
        "agriculture",
        "Gartnerimedhjælper",
        "gartneriarbejder; medhjælper i gartneri; væksthusmedhjælper",
        "Garden labourer",
        "horticultural labourer; nursery worker",
        "plant-knowledge manual-handling packing hand-tools teamwork",
        "grounds-maintenance drive-tractors quality-control",
    ),
    _occ(
        "skovarbejder",
        "9215",
        "agriculture",
        "Skovarbejder",
        "skovbrugsmedarbejder; skovbrugsmedhjælper; skovhjælper",
        "Forestry worker",
        "forest worker; forestry labourer",
        "chainsaw plant-knowledge manual-handling occupational-safety hand-tools",
        "first-aid grounds-maintenance maintain-machinery drive-tractors",
    ),
    _occ(
        "dyrepasser",
        "5164",
        "agriculture",
        "Dyrepasser",
        "dyrepasser i zoo; zoologisk dyrepasser; dyreplejer",
        "Animal keeper",
        "zookeeper; animal care worker",
        "animal-care animal-welfare hygiene cleaning communication",
        "first-aid customer-service",
    ),
    _occ(
        "landbrugsmaskinmekaniker",
        "7233",
        "agriculture",
        "Landbrugsmaskinmekaniker",
        "landbrugsmekaniker; entreprenør- og landbrugsmaskinmekaniker; maskinmontør i "
        "landbruget",
        "Agricultural machinery mechanic",
        "farm machinery technician; agricultural mechanic",
        "maintain-machinery troubleshooting diagnostic-equipment welding hand-tools",
        "drive-tractors driving-licence-c customer-service",
    ),
    # Office and administration.
    _occ(
        "kontorassistent",
        "4110",
        "office",
        "Kontorassistent",
        "kontorfunktionær; administrativ assistent; kontormedarbejder",
        "Office clerk",
        "general office clerk; administrative assistant; office assistant",
        "office-software phone-handling filing written-communication data-entry "
        "customer-service danish-language",
        "invoicing bookkeeping excel data-protection manage-schedules",
    ),
    _occ(
        "bogholder",
        "4311",
        "office",
        "Bogholder",
        "bogholderiassistent; regnskabsassistent; kreditorbogholder; økonomiassistent",
        "Bookkeeper",
        "accounts assistant; bookkeeping clerk; accounts payable clerk",
        "bookkeeping accounting-software excel tax-vat invoicing data-entry",
        "payroll budget-management office-software",
    ),
    _occ(
        "loenbogholder",
        "4313",
        "office",
        "Lønbogholder",
        "lønmedarbejder; lønadministrator; lønkonsulent",
        "Payroll clerk",
        "payroll administrator; payroll officer",
        "payroll accounting-software tax-vat excel data-protection confidentiality",
        "bookkeeping data-entry employment-law",
    ),
    _occ(
        "revisor",
        "2411",
        "office",
        "Revisor",
        "statsautoriseret revisor; registreret revisor; revisorassistent",
        "Accountant",
        "auditor; chartered accountant",
        "bookkeeping tax-vat accounting-software excel budget-management "
        "written-communication",
        "communication data-protection negotiation",
    ),
    _occ(
        "receptionist",
        "4226",
        "office",
        "Receptionist",
        "receptionsmedarbejder; omstillingsmedarbejder; front desk-medarbejder",
        "Receptionist",
        "front desk receptionist; switchboard operator; reception assistant",
        "customer-service phone-handling manage-schedules office-software "
        "communication handle-complaints",
        "english-language filing data-entry confidentiality booking-systems",
    ),
    _occ(
        "sekretaer",
        "3343",
        "office",
        "Sekretær",
        "direktionssekretær; chefsekretær; administrativ sekretær",
        "Executive secretary",
        "administrative secretary; personal assistant",
        "manage-schedules written-communication office-software filing "
        "phone-handling confidentiality danish-language",
        "english-language excel invoicing",
    ),
    _occ(
        "hr-konsulent",
        "2423",
        "office",
        "HR-konsulent",
        "HR-medarbejder; personalekonsulent; rekrutteringskonsulent",
        "HR officer",
        "human resources consultant; recruitment consultant; personnel officer",
        "recruit-employees employment-law data-protection confidentiality "
        "communication office-software",
        "payroll excel labour-market-knowledge",
    ),
    _occ(
        "indkoeber",
        "3323",
        "office",
        "Indkøber",
        "indkøbsassistent; indkøbskonsulent; indkøbsansvarlig",
        "Buyer",
        "purchaser; purchasing assistant",
        "negotiation product-knowledge stock-control excel accounting-software "
        "communication",
        "english-language customs-documents planning",
    ),
    # IT.
    _occ(
        "it-supporter",
        "3512",
        "it",
        "IT-supporter",
        "IT-supportmedarbejder; helpdeskmedarbejder; IT-medarbejder",
        "ICT helpdesk technician",
        "IT support technician; service desk agent; helpdesk agent",
        "it-user-support operating-systems install-hardware troubleshooting "
        "customer-service communication phone-handling",
        "computer-networks it-security english-language office-software",
    ),
    _occ(
        "softwareudvikler",
        "2512",
        "it",
        "Softwareudvikler",
        "programmør; systemudvikler; udvikler; backendudvikler",
        "Software developer",
        "programmer; software engineer; developer",
        "programming version-control databases-sql software-testing agile-methods "
        "english-language",
        "python csharp-dotnet web-development it-security",
    ),
    _occ(
        "webudvikler",
        "2513",
        "it",
        "Webudvikler",
        "frontendudvikler; webprogrammør; fullstackudvikler",
        "Web developer",
        "front-end developer; web programmer; full-stack developer",
        "web-development programming version-control databases-sql agile-methods",
        "graphic-design software-testing english-language it-security",
    ),
    _occ(
        "netvaerkstekniker",
        "3513",
        "it",
        "Netværkstekniker",
        "netværksadministrator; IT-tekniker; infrastrukturtekniker",
        "Network technician",
        "computer network technician; network administrator; systems technician",
        "computer-networks operating-systems install-hardware troubleshooting "
        "it-security",
        "it-user-support english-language python",
    ),
    _occ(
        "dataanalytiker",
        "2511",
        "it",
        "Dataanalytiker",
        "BI-analytiker; dataanalysemedarbejder; analytiker",
        "Data analyst",
        "business intelligence analyst; BI analyst",
        "databases-sql excel python communication data-protection",
        "programming written-communication english-language",
    ),
    # Security and emergency services.
    _occ(
        "vagt",
        "5414",
        "security",
        "Vagt",
        "sikkerhedsvagt; vagtfunktionær; sikkerhedsmedarbejder",
        "Security guard",
        "security officer; guard; patrol officer",
        "security-licence surveillance respond-alarms conflict-management "
        "fire-safety first-aid use-of-force-rules",
        "driving-licence-b customer-service english-language loss-prevention "
        "written-communication",
    ),
    _occ(
        "doermand",
        "5414",
        "security",
        "Dørmand",
        "dørvagt; doorman; udsmider",
        "Door supervisor",
        "bouncer; doorman",
        "conflict-management use-of-force-rules security-licence first-aid "
        "communication surveillance",
        "customer-service english-language",
    ),
    _occ(
        "brandmand",
        "5411",
        "security",
        "Brandmand",
        "deltidsbrandmand; beredskabsmedarbejder; røgdykker",
        "Firefighter",
        "fire fighter; retained firefighter",
        "fire-safety breathing-apparatus first-aid teamwork driving-licence-c "
        "occupational-safety",
        "work-at-heights emergency-care communication",
    ),
    _occ(
        "faengselsbetjent",
        "5413",
        "security",
        "Fængselsbetjent",
        "fængselsfunktionær; fængselsvagt; betjent i Kriminalforsorgen",
        "Prison officer",
        "correctional officer; prison guard",
        "conflict-management use-of-force-rules surveillance relational-work "
        "confidentiality written-communication",
        "first-aid substance-abuse mental-health",
    ),
    _occ(
        "politibetjent",
        "5412",
        "security",
        "Politibetjent",
        "politiassistent; betjent; patruljebetjent",
        "Police officer",
        "police constable; patrol officer",
        "use-of-force-rules conflict-management first-aid traffic-laws "
        "written-communication defensive-driving communication",
        "driving-licence-b english-language confidentiality",
    ),
    # Crafts and personal services.
    _occ(
        "frisoer",
        "5141",
        "crafts",
        "Frisør",
        "frisørsvend; herrefrisør; barber",
        "Hairdresser",
        "hair stylist; barber",
        "cut-hair colour-hair customer-service hygiene booking-systems sales",
        "skin-care cash-register product-knowledge",
    ),
    _occ(
        "kosmetolog",
        "5142",
        "crafts",
        "Kosmetolog",
        "kosmetiker; hudplejer; makeupartist",
        "Beauty therapist",
        "beautician; cosmetologist; make-up artist",
        "skin-care hygiene customer-service booking-systems sales product-knowledge",
        "cash-register anatomy-physiology",
    ),
    _occ(
        "automekaniker",
        "7231",
        "crafts",
        "Automekaniker",
        "mekaniker; bilmekaniker; personvognsmekaniker",
        "Car mechanic",
        "motor vehicle mechanic; auto mechanic; vehicle technician",
        "repair-vehicles diagnostic-equipment troubleshooting hand-tools "
        "occupational-safety customer-service",
        "driving-licence-b welding electrical-safety maintain-machinery",
    ),
    _occ(
        "cykelmekaniker",
        "7234",
        "crafts",
        "Cykelmekaniker",
        "cykelsmed; cykelreparatør; cykelmekanikersvend",
        "Bicycle mechanic",
        "bike mechanic; bicycle repairer",
        "repair-bicycles hand-tools troubleshooting customer-service "
        "assemble-components",
        "sales cash-register product-knowledge",
    ),
    _occ(
        "snedker",
        "7522",
        "crafts",
        "Snedker",
        "møbelsnedker; snedkersvend; værkstedssnedker",
        "Cabinetmaker",
        "furniture maker; joiner",
        "woodworking read-drawings measure hand-tools operate-machinery",
        "cad cnc painting customer-service",
    ),
    _occ(
        "skraedder",
        "7531",
        "crafts",
        "Skrædder",
        "dameskrædder; herreskrædder; ændringsskrædder",
        "Tailor",
        "dressmaker; alterations tailor",
        "sewing measure customer-service quality-control",
        "cash-register sales",
    ),
    _occ(
        "laasesmed",
        "7222",
        "crafts",
        "Låsesmed",
        "låsetekniker; sikringstekniker; låsesmedesvend",
        "Locksmith",
        "security locksmith",
        "hand-tools assemble-components customer-service troubleshooting "
        "driving-licence-b confidentiality",
        "electrical-installation metal-fabrication",
    ),
)


# --- personal competences ------------------------------------------------------------

PERSONAL_COMPETENCES: tuple[PersonalCompetence, ...] = tuple(
    PersonalCompetence(PERSONAL_PREFIX + slug, da, en)
    for slug, da, en in (
        ("moedestabil", "Mødestabil", "Reliable attendance"),
        ("samarbejdsvillig", "Samarbejdsvillig", "Cooperative"),
        ("selvstaendig", "Selvstændig", "Works independently"),
        ("fleksibel", "Fleksibel", "Flexible"),
        ("omstillingsparat", "Omstillingsparat", "Adaptable"),
        ("ansvarsbevidst", "Ansvarsbevidst", "Responsible"),
        ("serviceminded", "Servicemindet", "Service-minded"),
        ("struktureret", "Struktureret", "Well organised"),
        ("initiativrig", "Initiativrig", "Shows initiative"),
        ("positiv", "Positiv", "Positive attitude"),
        ("empatisk", "Empatisk", "Empathetic"),
        ("arbejder-under-pres", "Kan arbejde under pres", "Works well under pressure"),
        ("udadvendt", "Udadvendt", "Outgoing"),
        ("omhyggelig", "Omhyggelig", "Careful and thorough"),
        ("paalidelig", "Pålidelig", "Trustworthy"),
        ("laerenem", "Lærenem", "Quick learner"),
        ("fysisk-robust", "Fysisk robust", "Physically robust"),
    )
)


# --- validation --------------------------------------------------------------------

_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_OCCUPATION_URI = re.compile(re.escape(OCCUPATION_PREFIX) + _SLUG)
_SKILL_URI = re.compile(re.escape(SKILL_PREFIX) + _SLUG)
_PERSONAL_URI = re.compile(re.escape(PERSONAL_PREFIX) + _SLUG)
_ISCO = re.compile(r"[0-9]{4}")

MIN_OCCUPATIONS = 80
MIN_INDUSTRIES = 10


def validate() -> dict[str, int]:
    """Check the taxonomy's internal consistency.

    Raises ``ValueError`` listing every problem found; on success returns the
    record counts.
    """
    problems: list[str] = []

    def check_labels(what: str, *labels: str) -> None:
        if not all(label and label.strip() == label for label in labels):
            problems.append(f"{what}: empty or untrimmed label")

    industry_keys = [i.key for i in INDUSTRIES]
    if len(set(industry_keys)) != len(industry_keys):
        problems.append("duplicate industry keys")
    for industry in INDUSTRIES:
        check_labels(f"industry {industry.key}", industry.da_label, industry.en_label)

    all_ids = (
        industry_keys
        + [s.uri for s in SKILLS]
        + [o.uri for o in OCCUPATIONS]
        + [p.uri for p in PERSONAL_COMPETENCES]
    )
    seen: set[str] = set()
    for identifier in all_ids:
        if identifier in seen:
            problems.append(f"duplicate id {identifier}")
        seen.add(identifier)

    skill_uris = {s.uri for s in SKILLS}
    for skill in SKILLS:
        if not _SKILL_URI.fullmatch(skill.uri):
            problems.append(f"malformed skill uri {skill.uri}")
        if skill.kind not in SKILL_KINDS:
            problems.append(f"{skill.uri}: unknown kind {skill.kind!r}")
        check_labels(skill.uri, skill.da_label, skill.en_label, *skill.da_alt)
        check_labels(skill.uri, *skill.en_alt)
        if not skill.da_alt or not skill.en_alt:
            problems.append(f"{skill.uri}: missing alternative labels")

    referenced: set[str] = set()
    da_labels: set[str] = set()
    for occ in OCCUPATIONS:
        if not _OCCUPATION_URI.fullmatch(occ.uri):
            problems.append(f"malformed occupation uri {occ.uri}")
        if not _ISCO.fullmatch(occ.isco_code):
            problems.append(
                f"{occ.uri}: ISCO-08 code {occ.isco_code!r} is not 4 digits"
            )
        if occ.industry not in industry_keys:
            problems.append(f"{occ.uri}: unknown industry {occ.industry!r}")
        if not occ.da_label or not occ.en_label:
            problems.append(f"{occ.uri}: missing Danish or English label")
        check_labels(occ.uri, occ.da_label, occ.en_label, *occ.da_alt, *occ.en_alt)
        if occ.da_label in da_labels:
            problems.append(f"{occ.uri}: duplicate Danish label {occ.da_label!r}")
        da_labels.add(occ.da_label)
        if not 2 <= len(occ.da_alt) <= 4:
            problems.append(f"{occ.uri}: needs 2-4 Danish alternative labels")
        if not occ.en_alt:
            problems.append(f"{occ.uri}: needs English alternative labels")
        if not 4 <= len(occ.essential_skills) <= 8:
            problems.append(f"{occ.uri}: needs 4-8 essential skills")
        if not 2 <= len(occ.optional_skills) <= 6:
            problems.append(f"{occ.uri}: needs 2-6 optional skills")
        links = occ.essential_skills + occ.optional_skills
        if len(set(links)) != len(links):
            problems.append(f"{occ.uri}: a skill is linked twice")
        for uri in links:
            if uri not in skill_uris:
                problems.append(f"{occ.uri}: unknown skill {uri}")
        referenced.update(links)

    for uri in sorted(skill_uris - referenced):
        problems.append(f"{uri}: not used by any occupation")

    for comp in PERSONAL_COMPETENCES:
        if not _PERSONAL_URI.fullmatch(comp.uri):
            problems.append(f"malformed personal competence uri {comp.uri}")
        check_labels(comp.uri, comp.da_label, comp.en_label)

    if len(OCCUPATIONS) < MIN_OCCUPATIONS:
        problems.append(f"only {len(OCCUPATIONS)} occupations (< {MIN_OCCUPATIONS})")
    if len(INDUSTRIES) < MIN_INDUSTRIES:
        problems.append(f"only {len(INDUSTRIES)} industries (< {MIN_INDUSTRIES})")

    if problems:
        raise ValueError("demo taxonomy is inconsistent:\n" + "\n".join(problems))
    return {
        "industries": len(INDUSTRIES),
        "occupations": len(OCCUPATIONS),
        "skills": len(SKILLS),
        "personal_competences": len(PERSONAL_COMPETENCES),
    }
