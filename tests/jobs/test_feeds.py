"""Real-world posting formats: schema.org JSON-LD and a JobTech-style feed, with the
occupation and skills inferred from free text, and duplicates across sources skipped."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.jobs.inference import posting_skills_shown, title_key
from app.jobs.postings import import_postings
from app.ml.semantic import embeddings_available
from app.models import (
    ConceptLabel,
    ConceptType,
    Hours,
    LabelKind,
    Occupation,
    Posting,
    PostingSkill,
    Skill,
    TaxonomySource,
)
from app.taxonomy.services import clear_cache

NURSE = "test:occupation/nurse"
WAREHOUSE = "test:occupation/warehouse"
FORKLIFT = "test:skill/forklift"
CARE = "test:skill/care"
EXCEL = "test:skill/excel"

SOON = (date.today() + timedelta(days=20)).isoformat()
LABELS = {
    NURSE: {"da": ["sygeplejerske"], "en": ["nurse", "registered nurse"]},
    WAREHOUSE: {
        "da": ["lagermedarbejder", "lagerarbejder"],
        "en": ["warehouse worker"],
    },
    FORKLIFT: {"da": ["køre gaffeltruck"], "en": ["operate forklift", "forklift"]},
    CARE: {"da": ["yde sygepleje"], "en": ["provide nursing care"]},
    EXCEL: {"da": ["bruge regneark"], "en": ["use spreadsheets software", "excel"]},
}


@pytest.fixture
def taxonomy(db):
    clear_cache()
    source = TaxonomySource(name="esco", version="test", languages="da,en")
    db.add(source)
    db.flush()
    for uri, by_lang in LABELS.items():
        is_occupation = "occupation" in uri
        model = Occupation if is_occupation else Skill
        concept = model(uri=uri, source_id=source.id)
        db.add(concept)
        db.flush()
        for lang, texts in by_lang.items():
            for position, text in enumerate(texts):
                db.add(
                    ConceptLabel(
                        concept_type=ConceptType.OCCUPATION
                        if is_occupation
                        else ConceptType.SKILL,
                        concept_id=concept.id,
                        lang=lang,
                        kind=LabelKind.PREFERRED
                        if position == 0
                        else LabelKind.ALTERNATIVE,
                        text=text,
                    )
                )
    db.flush()
    yield
    clear_cache()


def _json_ld(**overrides) -> dict:
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Lagermedarbejder (m/k)",
        "description": "<p>Vi søger en lagermedarbejder.</p><ul><li>Du kan køre "
        "gaffeltruck</li><li>Du har styr på Excel</li></ul>",
        "identifier": {"@type": "PropertyValue", "name": "Salling", "value": "LD-1"},
        "hiringOrganization": {"@type": "Organization", "name": "Salling Group"},
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "Rosbjergvej 33",
                "addressLocality": "Aarhus",
                "postalCode": "8220",
                "addressCountry": "DK",
            },
        },
        "datePosted": date.today().isoformat(),
        "validThrough": f"{SOON}T23:59:00+01:00",
        "employmentType": ["PART_TIME"],
        "directApply": True,
        "url": "https://job.example.dk/opslag/1",
    }
    posting.update(overrides)
    return posting


def _skills(db, posting_id):
    return db.execute(
        select(Skill.uri, PostingSkill.origin, PostingSkill.confidence)
        .join(Skill, Skill.id == PostingSkill.skill_id)
        .where(PostingSkill.posting_id == posting_id)
        .order_by(Skill.uri)
    ).all()


def test_json_ld_in_an_html_page_gets_occupation_and_skills_inferred(
    db, taxonomy, tmp_path
) -> None:
    page = (
        "<html><head><title>Job</title>\n"
        f'<script type="application/ld+json">{json.dumps(_json_ld())}</script>\n'
        "</head><body>...</body></html>"
    )
    path = tmp_path / "opslag.html"
    path.write_text(page, encoding="utf-8")
    report = import_postings(db, path, source="jobsite")
    assert (report.created, report.problems, report.inferred) == (1, [], 1)
    posting = db.scalars(select(Posting).where(Posting.source == "jobsite")).one()
    assert posting.external_id == "LD-1"
    assert posting.employer == "Salling Group"
    assert posting.city == "Aarhus" and posting.postcode == "8220"
    assert posting.hours is Hours.PART_TIME
    assert posting.deadline == date.fromisoformat(SOON)
    assert posting.url == "https://job.example.dk/opslag/1"
    assert "køre gaffeltruck" in posting.description and "<" not in posting.description
    occupation = db.get(Occupation, posting.occupation_id)
    assert occupation.uri == WAREHOUSE
    assert 0.7 <= posting.occupation_confidence <= 1
    skills = _skills(db, posting.id)
    assert [(uri, origin) for uri, origin, _ in skills] == [
        (EXCEL, "extracted"),
        (FORKLIFT, "extracted"),
    ]
    assert all(0.8 <= confidence <= 1 for _, _, confidence in skills)


def test_english_json_ld_graph_and_per_row_errors(db, taxonomy, tmp_path) -> None:
    english = _json_ld(
        title="Registered Nurse",
        description="You will provide nursing care to our patients.",
        identifier="EN-7",
        employmentType="FULL_TIME",
    )
    abroad = _json_ld(identifier="SE-1")
    abroad["jobLocation"]["address"]["addressCountry"] = "SE"
    no_employer = _json_ld(identifier="X-2", hiringOrganization={})
    bad_date = _json_ld(identifier="X-3", validThrough="31/12/2030")
    graph = {
        "@context": "https://schema.org",
        "@graph": [{"@type": "WebPage"}, english, abroad, no_employer, bad_date],
    }
    path = tmp_path / "feed.jsonld"
    path.write_text(json.dumps(graph), encoding="utf-8")
    report = import_postings(db, path, source="jobsite")
    assert report.created == 1
    assert [p.reason for p in report.problems] == [
        "the workplace is not in Denmark",
        "employer is missing",
        "deadline must be a date like 2026-12-31",
    ]
    posting = db.scalars(select(Posting).where(Posting.external_id == "EN-7")).one()
    assert posting.hours is Hours.FULL_TIME
    assert db.get(Occupation, posting.occupation_id).uri == NURSE
    assert [uri for uri, _, _ in _skills(db, posting.id)] == [CARE]


def test_a_jobtech_feed_and_the_same_job_from_another_source_is_skipped(
    db, taxonomy, tmp_path
) -> None:
    ld_path = tmp_path / "opslag.json"
    ld_path.write_text(json.dumps([_json_ld()]), encoding="utf-8")
    assert import_postings(db, ld_path, source="jobsite").created == 1
    feed = {
        "total": {"value": 2},
        "hits": [
            {
                "id": "JT-1",
                "headline": "Lagermedarbejder",
                "employer": {"name": "Salling Group"},
                "workplace_address": {"postcode": "8220", "city": "Aarhus"},
                "application_deadline": f"{SOON}T23:59:59",
                "description": {"text": "Truckcertifikat er et krav."},
                "working_hours_type": {"label": "Deltid"},
                "application_details": {"url": "https://jobtech.example/1"},
            },
            {
                "id": "JT-2",
                "headline": "Sygeplejerske",
                "employer": {"name": "Region Midtjylland"},
                "workplace_address": {"postcode": "8200", "municipality": "Aarhus"},
                "application_deadline": f"{SOON}T12:00:00",
                "description": {"text": "Afdelingen for ældre patienter."},
                "must_have": {"skills": [{"label": "yde sygepleje"}]},
            },
            {"id": "JT-3", "headline": "Kok", "employer": {"name": "Kantinen"}},
        ],
    }
    path = tmp_path / "jobtech.json"
    path.write_text(json.dumps(feed), encoding="utf-8")
    report = import_postings(db, path, source="jobtech")
    assert (report.created, report.duplicates) == (1, 1)
    assert [p.reason for p in report.problems] == ["postcode is missing"]
    nurse = db.scalars(select(Posting).where(Posting.external_id == "JT-2")).one()
    assert nurse.city == "Aarhus" and nurse.hours is Hours.FULL_TIME
    assert db.get(Occupation, nurse.occupation_id).uri == NURSE
    assert [uri for uri, _, _ in _skills(db, nurse.id)] == [CARE]


def test_how_to_apply_comes_in_from_both_formats(db, taxonomy, tmp_path) -> None:
    last_week = (date.today() - timedelta(days=7)).isoformat()
    ld = _json_ld(
        datePosted=last_week,
        applicationContact={
            "@type": "ContactPoint",
            "name": "Mette Lund",
            "email": "mailto:job@salling.example.dk",
            "telephone": "+45 87 78 00 00",
            "url": "https://salling.example.dk/ansoeg/LD-1",
        },
    )
    feed = {
        "hits": [
            {
                "id": "JT-9",
                "headline": "Sygeplejerske",
                "employer": {"name": "Region Midtjylland"},
                "workplace_address": {"postcode": "8200", "city": "Aarhus"},
                "webpage_url": "https://jobtech.example/annonce/9",
                "application_details": {"email": "hr@rm.example.dk"},
                "application_contacts": [
                    {"name": "Søren Holm", "telephone": "78 41 00 00"}
                ],
            }
        ]
    }
    bad = _json_ld(identifier="LD-2", applicationContact={"email": "ikke en adresse"})
    (tmp_path / "ld.json").write_text(json.dumps([ld, bad]), encoding="utf-8")
    (tmp_path / "jt.json").write_text(json.dumps(feed), encoding="utf-8")
    report = import_postings(db, tmp_path / "ld.json", source="jobsite")
    assert [p.reason for p in report.problems] == [
        "apply_email is not an e-mail address"
    ]
    import_postings(db, tmp_path / "jt.json", source="jobtech")
    site = db.scalars(select(Posting).where(Posting.external_id == "LD-1")).one()
    assert (site.apply_url, site.apply_email) == (
        "https://salling.example.dk/ansoeg/LD-1",
        "job@salling.example.dk",
    )
    assert (site.contact_name, site.contact_phone) == ("Mette Lund", "+45 87 78 00 00")
    assert site.posted_on.isoformat() == last_week
    nurse = db.scalars(select(Posting).where(Posting.external_id == "JT-9")).one()
    assert (nurse.url, nurse.apply_url) == ("https://jobtech.example/annonce/9", None)
    assert (nurse.apply_email, nurse.contact_name, nurse.contact_phone) == (
        "hr@rm.example.dk",
        "Søren Holm",
        "78 41 00 00",
    )
    assert nurse.posted_on == date.today()


def test_an_expired_posting_is_refused_and_given_codes_are_kept(
    db, taxonomy, tmp_path
) -> None:
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    rows = [
        {
            "employer": "Netto",
            "title": "Lagermedarbejder",
            "postcode": "2200",
            "deadline": yesterday,
        },
        {
            "employer": "Netto",
            "title": "Lagermedarbejder",
            "postcode": "2300",
            "occupation": NURSE,
            "required_skills": [EXCEL],
        },
    ]
    path = tmp_path / "opslag.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    report = import_postings(db, path, source="own")
    assert [p.reason for p in report.problems] == [
        f"the deadline {yesterday} has passed"
    ]
    posting = db.scalars(select(Posting).where(Posting.source == "own")).one()
    assert db.get(Occupation, posting.occupation_id).uri == NURSE
    assert posting.occupation_confidence is None
    assert _skills(db, posting.id) == [(EXCEL, "given", None)]


def test_title_key_ignores_what_sites_add_to_a_title() -> None:
    assert title_key("Lagermedarbejder (m/k)") == title_key("lagermedarbejder")
    assert title_key("Sygeplejerske søges") == title_key("Sygeplejerske")
    assert title_key("Sygeplejerske") != title_key("Social- og sundhedsassistent")


def test_the_page_can_show_which_skills_were_inferred(
    app, db, taxonomy, tmp_path
) -> None:
    rows = [
        {
            "external_id": "g1",
            "employer": "Netto",
            "title": "Lagermedarbejder",
            "postcode": "2200",
            "required_skills": [FORKLIFT],
        },
        _json_ld(),
    ]
    path = tmp_path / "opslag.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    import_postings(db, path, source="mixed")
    given, inferred = db.scalars(
        select(Posting).where(Posting.source == "mixed").order_by(Posting.id)
    ).all()
    with app.test_request_context():
        shown = posting_skills_shown(db, given.id, "da")
        assert [(s.label, s.required, s.inferred) for s in shown] == [
            ("køre gaffeltruck", True, None)
        ]
    with app.test_request_context(headers={"Accept-Language": "en"}):
        shown = posting_skills_shown(db, inferred.id, "en")
    assert [s.label for s in shown] == ["operate forklift", "use spreadsheets software"]
    assert [s.inferred[:29] for s in shown] == ["Found in the posting's text ("] * 2, (
        shown
    )


@pytest.mark.skipif(not embeddings_available(), reason="the semantic extra is absent")
def test_with_the_semantic_extra_skills_are_ranked_by_the_hybrid(
    db, taxonomy, tmp_path
) -> None:
    path = tmp_path / "opslag.json"
    path.write_text(json.dumps([_json_ld()]), encoding="utf-8")
    cache = tmp_path / "embeddings"
    report = import_postings(db, path, source="jobsite", embedding_cache=cache)
    assert report.created == 1
    posting = db.scalars(select(Posting).where(Posting.source == "jobsite")).one()
    assert {uri for uri, _, _ in _skills(db, posting.id)} >= {FORKLIFT}
    assert list(cache.glob("labels-p-*.npy"))


def test_a_postings_page_says_which_skills_were_found_in_its_text(
    db, taxonomy, tmp_path, client
) -> None:
    path = tmp_path / "opslag.json"
    path.write_text(json.dumps([_json_ld()]), encoding="utf-8")
    import_postings(db, path, source="jobsite")
    posting = db.scalars(select(Posting).where(Posting.source == "jobsite")).one()
    html = client.get(f"/job/{posting.id}").get_data(as_text=True)
    assert "Kompetencer, jobbet efterspørger" in html
    assert "køre gaffeltruck" in html
    assert "Fundet i opslagets tekst" in html
