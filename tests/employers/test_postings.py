"""A company's own job postings: posted through the importer's checks, inferred like a
free-text posting, found in the job search, withdrawn after a confirmation."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import Posting, PostingSkill
from tests.pages import log_in

pytestmark = pytest.mark.usefixtures("taxonomy")

JOB = {
    "title": "Lagermedarbejder til frokostrestaurant",
    "description": "Du kan køre gaffeltruck og har styr på Excel.",
    "postcode": "2200",
    "hours": "full",
    "deadline": "",
    "apply_email": "job@kaffekoppen.dk",
}


def _post(client, post_form, **changes):
    return post_form("/virksomhed/opslag", {**JOB, **changes})


def test_a_posted_job_is_inferred_searchable_and_withdrawn(
    db, client, post_form, company, company_user
):
    log_in(client, company_user)
    response = _post(client, post_form)
    assert response.status_code == 302
    posting = db.scalars(
        select(Posting).where(Posting.source == f"employer:{company.id}")
    ).one()
    assert posting.employer == company.name and posting.city
    # occupation and skills from the text, as for an imported free-text posting
    assert posting.occupation_id is not None
    assert db.scalar(
        select(PostingSkill.id).where(PostingSkill.posting_id == posting.id)
    )
    search = client.get("/job?q=frokostrestaurant").get_data(as_text=True)
    assert "Lagermedarbejder til frokostrestaurant" in search
    mine = client.get("/virksomhed/opslag").get_data(as_text=True)
    assert "Lagermedarbejder til frokostrestaurant" in mine
    confirm = client.get(f"/virksomhed/opslag/{posting.id}/tilbagekald")
    assert "Ja, træk jobbet tilbage" in confirm.get_data(as_text=True)
    assert post_form(f"/virksomhed/opslag/{posting.id}/tilbagekald").status_code == 302
    search = client.get("/job?q=frokostrestaurant").get_data(as_text=True)
    assert "Lagermedarbejder til frokostrestaurant" not in search
    assert "Lukket" in client.get("/virksomhed/opslag").get_data(as_text=True)
    assert db.get(Posting, posting.id) is not None  # nothing deleted


def test_bad_input_is_refused_with_a_reason_and_nothing_stored(
    db, client, post_form, company, company_user
):
    log_in(client, company_user)
    for changes, message in (
        ({"postcode": "0000"}, "postnummer"),
        ({"apply_email": ""}, "hvordan man søger"),
        ({"deadline": "01.01.2020"}, "Fristen er overskredet"),
        ({"apply_email": "", "apply_url": "ftp://x.dk"}, "https://"),
    ):
        response = _post(client, post_form, **changes)
        assert response.status_code == 200
        assert message in response.get_data(as_text=True)
    assert (
        db.scalar(select(Posting.id).where(Posting.source.like("employer:%"))) is None
    )
