"""A small hand-made taxonomy for the ML tests (no database, no Flask app)."""

from __future__ import annotations

import pytest

from app.ml.taxonomy import Concept, OccupationSkills, Taxonomy, make_concept

OCC = "occ:"
SKILL = "skill:"

# uri suffix, ISCO group, Danish labels, English labels
OCCUPATIONS = [
    ("nurse", "2221", ["sygeplejerske", "sygeplejer"], ["nurse", "registered nurse"]),
    (
        "sosu",
        "5321",
        ["social- og sundhedsassistent", "sosu-assistent"],
        ["healthcare assistant", "nursing assistant"],
    ),
    ("homecare", "5322", ["hjemmehjælper"], ["home care aide"]),
    ("carpenter", "7115", ["tømrer"], ["carpenter", "joiner"]),
    ("software", "2512", ["softwareudvikler", "programmør"], ["software developer"]),
    ("web", "2513", ["webudvikler"], ["web developer"]),
    ("warehouse", "9333", ["lagerarbejder"], ["warehouse worker"]),
    ("busdriver", "8331", ["buschauffør"], ["bus driver"]),
    ("truckdriver", "8332", ["lastbilchauffør"], ["lorry driver", "truck driver"]),
    ("cook", "5120", ["kok"], ["cook", "chef de partie"]),
    ("helpdesk", "3512", [], ["ICT help desk agent"]),
]

SKILLS = [
    ("patient-care", ["patientpleje"], ["patient care"]),
    ("medication", ["give medicin"], ["administer medication"]),
    ("hygiene", ["hygiejne"], ["hygiene standards"]),
    ("lifting", ["forflytning"], ["lift patients"]),
    ("python", [], ["Python (computer programming)", "python"]),
    ("javascript", [], ["JavaScript"]),
    ("customer-service", ["kundeservice"], ["customer service"]),
    ("forklift", ["gaffeltruck"], ["operate forklift", "forklift driving"]),
    ("driving-d", ["kørekort kategori D"], ["drive a bus", "driving licence D"]),
    ("driving-c", ["kørekort kategori C"], ["drive a lorry"]),
    ("cooking", ["madlavning"], ["cooking techniques"]),
    ("woodwork", ["træbearbejdning"], ["woodworking"]),
    ("first-aid", ["førstehjælp"], ["first aid"]),
    ("stock", ["lagerstyring"], ["manage stock"]),
    ("communication", ["kommunikation"], ["communication"]),
]

RELATIONS = {
    "nurse": (
        ["patient-care", "medication", "hygiene", "first-aid"],
        ["communication", "lifting"],
    ),
    "sosu": (["patient-care", "hygiene", "lifting"], ["medication", "communication"]),
    "homecare": (["hygiene", "lifting", "cooking"], ["communication"]),
    "carpenter": (["woodwork", "first-aid"], ["customer-service"]),
    "software": (["python", "communication"], ["javascript"]),
    "web": (["javascript", "communication"], ["python"]),
    "warehouse": (["forklift", "stock"], ["first-aid"]),
    "busdriver": (["driving-d", "customer-service", "first-aid"], ["communication"]),
    "truckdriver": (["driving-c", "first-aid"], ["forklift"]),
    "cook": (["cooking", "hygiene"], ["stock"]),
    "helpdesk": (["customer-service", "communication"], ["python"]),
}


def occupation_concepts() -> list[Concept]:
    """The demo occupations."""
    return [
        make_concept(OCC + key, "occupation", {"da": da, "en": en}, isco_group=group)
        for key, group, da, en in OCCUPATIONS
    ]


def skill_concepts() -> list[Concept]:
    """The demo skills."""
    return [
        make_concept(SKILL + key, "skill", {"da": da, "en": en}, skill_type="skill")
        for key, da, en in SKILLS
    ]


def build_taxonomy() -> Taxonomy:
    """The demo taxonomy."""
    relations = [
        OccupationSkills(
            OCC + occ,
            frozenset(SKILL + s for s in essential),
            frozenset(SKILL + s for s in optional),
        )
        for occ, (essential, optional) in RELATIONS.items()
    ]
    return Taxonomy.from_iterables(
        occupation_concepts(), skill_concepts(), relations, version="test-1"
    )


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return build_taxonomy()
