"""SYNTHETIC demo marketplace texts: made-up providers, offering templates and review
texts (app/demo/marketplace.py uses them; none of them is real)."""

from __future__ import annotations

from app.models import OfferingFormat, OfferingKind, Payment

# Providers only in the marketplace (no log-in); the last two show the other states.
EXTRA_PROVIDERS = (
    "Kursushuset Lillebælt ApS",
    "Digital Jobstart ApS",
    "Sprogbroen Danmark ApS",
    "Sund Start Trivsel ApS",
    "Værkstedet for Opkvalificering A/S",
    "Mentorhuset Nord ApS",
    "Jobspiren Fyn ApS",
    "Kompas Karriere Østjylland ApS",
    "Nærværk Trivselscenter ApS",
    "Ansøgningsværkstedet ApS",
    "Brancheskolen Nord ApS",
    "Fællesskabets Jobhus ApS",
)

# (kind, format, payment, title, description)
TEMPLATES: tuple[tuple[OfferingKind, OfferingFormat, Payment, str, str], ...] = (
    (
        OfferingKind.JOB_SEARCH_TOOL,
        OfferingFormat.ONLINE,
        Payment.FREE,
        "Skriv en stærk ansøgning – onlinekursus",
        "Korte videoer og øvelser om ansøgning og CV. Du arbejder i dit eget tempo "
        "og får skriftlig feedback på én ansøgning.",
    ),
    (
        OfferingKind.COURSE,
        OfferingFormat.ONLINE,
        Payment.FREE,
        "Digitale kompetencer til jobsøgning",
        "Lær at bruge jobportaler, e-mail og videomøder sikkert. Passer til dig, "
        "der ikke bruger computer til daglig.",
    ),
    (
        OfferingKind.MENTORING,
        OfferingFormat.IN_PERSON,
        Payment.JOB_CENTRE,
        "Personlig jobmentor",
        "En fast mentor, du mødes med en gang om ugen. I laver en plan sammen, og "
        "mentoren hjælper med kontakten til arbejdsgivere.",
    ),
    (
        OfferingKind.UPSKILLING,
        OfferingFormat.BLENDED,
        Payment.JOB_CENTRE,
        "Lager og logistik med truckcertifikat",
        "Seks ugers forløb med teori online og praktik på et lager. Du får "
        "truckcertifikat og et kort praktikforløb.",
    ),
    (
        OfferingKind.HEALTH,
        OfferingFormat.IN_PERSON,
        Payment.JOB_CENTRE,
        "Trivsel og hverdagsrytme",
        "Et roligt forløb i en lille gruppe om søvn, motion og struktur på dagen, "
        "med en fysioterapeut og en psykolog.",
    ),
    (
        OfferingKind.LANGUAGE,
        OfferingFormat.ONLINE,
        Payment.FREE,
        "Dansk på arbejdspladsen på nettet",
        "Arbejdsdansk i små hold på nettet: møder, telefon og sikkerhed. For dig "
        "med dansk på mindst modul 3.",
    ),
    (
        OfferingKind.COURSE,
        OfferingFormat.IN_PERSON,
        Payment.JOB_CENTRE,
        "Hygiejne- og kundeservicekursus til detail og café",
        "To uger med hygiejnebevis og kundeservice. Afsluttes med en samtale hos "
        "en lokal arbejdsgiver.",
    ),
    (
        OfferingKind.UPSKILLING,
        OfferingFormat.ONLINE,
        Payment.FREE,
        "Excel og kontorprogrammer for begyndere",
        "Et gratis onlineforløb i regneark, tekstbehandling og mapper, med "
        "øvelser fra rigtige kontorjob.",
    ),
    (
        OfferingKind.MENTORING,
        OfferingFormat.BLENDED,
        Payment.JOB_CENTRE,
        "Netværksgruppe for akademikere",
        "Ugentlige møder i en gruppe og sparring på nettet om netværk, "
        "uopfordrede ansøgninger og LinkedIn.",
    ),
    (
        OfferingKind.JOB_SEARCH_TOOL,
        OfferingFormat.ONLINE,
        Payment.FREE,
        "Øv dig til jobsamtalen",
        "Et værktøj hvor du øver typiske spørgsmål til jobsamtaler og får råd om "
        "dine svar. Du kan bruge det så tit, du vil.",
    ),
)

REVIEW_TEXTS = {
    5: ("Meget konkret og brugbart. Jeg fik et job bagefter.", "Rigtig god mentor."),
    4: ("Godt forløb, lidt for kort.", "Brugbare øvelser og venlige undervisere."),
    3: ("Noget var godt, andet kendte jeg i forvejen.", "Okay, men meget teori."),
    2: ("Svært at følge med på nettet.", "For store hold."),
    1: ("Passede slet ikke til mig.", "Aflyst flere gange."),
}
