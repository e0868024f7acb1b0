"""The pages the browser sweep visits, per role. Later issues add their pages here.

Every GET route without URL parameters must be listed in PAGES for some role, and every
route with them in CRAWLED (the crawl from the role's start page reaches it), or be
excluded below with a reason; tests/browser/test_accessibility.py checks this against
app.url_map, and tests/browser/test_crawl.py that each role's crawl reaches its routes.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("anonymous", "citizen", "caseworker", "provider", "admin", "employer")

# Linked from the footer of every page, so every role reaches them.
FOOTER_PAGES = ["/tilgaengelighed", "/om-data", "/privatliv"]

PAGES: dict[str, list[str]] = {
    "anonymous": [
        "/",
        "/log-ind",
        "/log-ind/medarbejder",
        "/log-ind/demo-mitid",
        "/algoritmer",
        "/tal-med-en-medarbejder",
        "/algoritmer/segmentering",
        "/algoritmer/indsatser",
        "/job",
        "/virksomhed/tilmeld",
        "/bliv-udbyder",
        *FOOTER_PAGES,
    ],
    "citizen": [
        "/min-side",
        "/mine-data",
        "/mine-data/samtykker",
        "/mine-data/indsigelse",
        "/mine-data/rettelser",
        "/mine-data/hvem-har-set",
        "/mine-data/eksport",
        "/mine-data/eksport/udskrift",
        "/job-til-dig",
        "/andre-muligheder",
        "/forslag/stillinger",
        "/forslag/kompetencer",
        "/joblog",
        "/joblog/ny",
        "/min-plan",
        "/min-plan/ny",
        "/tal-med-en-medarbejder",
        "/din-vej",
        "/min-situation",
        "/mine-oensker",
        "/mit-cv",
        "/mit-cv/job/ny",
        "/mit-cv/uddannelse/ny",
        "/mit-cv/certifikater/ny",
        "/mit-cv/faglige-kompetencer",
        "/mit-cv/sprog",
        "/mit-cv/personlige-kompetencer",
        "/mit-cv/koerekort",
        "/mit-cv/synlighed",
        "/job",
        "/gemte-job",
        "/jobagenter",
        "/beskeder",
        "/moeder",
        "/underretninger",
        "/underretninger/indstillinger",
        "/virksomheder",
        "/praktikpladser",
        "/tilbud",
        "/mine-tilbud",
        *FOOTER_PAGES,
    ],
    "caseworker": [
        "/sagsbehandler",
        "/sagsbehandler/rettelser",
        "/sagsbehandler/koe",
        "/sagsbehandler/koe/antal",
        "/sagsbehandler/moeder",
        "/sagsbehandler/tilbudsanmodninger",
        *FOOTER_PAGES,
    ],
    "provider": [
        "/udbyder",
        "/udbyder/deltagere",
        "/udbyder/tilbud/nyt",
        *FOOTER_PAGES,
    ],
    "admin": [
        "/administration",
        "/administration/retfaerdighed",
        "/administration/indsatsforslag",
        "/administration/afvigelser",
        "/administration/feedback",
        "/administration/baggrundsjob",
        "/administration/virksomheder",
        "/administration/udbydere",
        *FOOTER_PAGES,
    ],
    "employer": [
        "/virksomhed",
        "/virksomhed/tilbud/nyt",
        "/virksomhed/opslag",
        *FOOTER_PAGES,
    ],
}

# Routes with an id in their address, by the rule (tests/browser/crawl.py), that each
# role's crawl must reach: the rows behind them are seeded in tests/browser/seed.py.
CRAWLED: dict[str, list[str]] = {
    "citizen": [
        "/job/<int:posting_id>",
        "/joblog/<int:entry_id>/ret",
        "/joblog/<int:entry_id>/slet",
        "/min-plan/<int:item_id>/ret",
        "/min-plan/<int:item_id>/slet",
        "/mine-data/rettelser/<int:request_id>/tilbagekald",
        "/mine-data/kategori/<string:category>",
        "/mit-cv/job/<int:row_id>",
        "/mit-cv/job/<int:row_id>/slet",
        "/mit-cv/uddannelse/<int:row_id>",
        "/mit-cv/uddannelse/<int:row_id>/slet",
        "/mit-cv/certifikater/<int:row_id>",
        "/mit-cv/certifikater/<int:row_id>/slet",
        "/mit-cv/faglige-kompetencer/<int:row_id>/slet",
        "/mit-cv/sprog/<int:row_id>/slet",
        "/kom-i-gang/<int:step>",
        "/moeder/<int:slot_id>/aflys",
        "/moeder/<int:slot_id>/feedback",
        "/virksomheder/blokering/<int:employer_id>",
        "/tilbud/<int:offering_id>",
        "/tilbud/<int:offering_id>/vaelg",
        "/mine-tilbud/<int:enrolment_id>/fravaelg",
        "/mine-tilbud/<int:enrolment_id>/anmeldelse",
        "/tilbud/anmeldelser/<int:review_id>/anmeld",
    ],
    "provider": [
        "/udbyder/tilbud/<int:offering_id>/ret",
        "/udbyder/tilbud/<int:offering_id>/indsend",
        "/udbyder/tilbud/<int:offering_id>/afpubliser",
        "/udbyder/deltagere/<int:enrolment_id>",
    ],
    "admin": [
        "/administration/udbydere/<int:provider_id>",
        "/administration/tilbud/<int:offering_id>",
        "/administration/anmeldelser/<int:review_id>",
    ],
    "caseworker": [
        "/sagsbehandler/borger/<int:citizen_id>",
        "/sagsbehandler/borger/<int:citizen_id>/skift-spor",
        "/sagsbehandler/borger/<int:citizen_id>/luk",
        "/sagsbehandler/rettelser/<int:request_id>",
        "/sagsbehandler/borger/<int:citizen_id>/beskeder",
        "/sagsbehandler/borger/<int:citizen_id>/moeder",
        "/sagsbehandler/tilbudsanmodninger/<int:enrolment_id>",
    ],
    "employer": [
        "/virksomhed/tilbud/<int:offer_id>",
        "/virksomhed/tilbud/<int:offer_id>/kandidat/<string:token>",
        "/virksomhed/henvendelser/<int:invitation_id>",
    ],
}

# GET routes that are not pages of their own, or that the sweep reaches otherwise.
EXCLUDED = {
    # An image: the icon browsers ask for (tests/portal/test_favicon.py).
    "/favicon.ico": "an image, not a page",
    # JSON for the load balancer (tests/test_health.py).
    "/healthz": "JSON, not a page",
    # Redirects to the MitID broker (404 when MitID is not configured).
    "/log-ind/mitid": "redirects away",
    # The same for MitID Erhverv (tests/employers/test_mitid_erhverv.py).
    "/virksomhed/log-ind/mitid-erhverv": "redirects away",
    "/virksomhed/log-ind/mitid-erhverv/retur": "needs the broker",
    # The demo companies have posted no jobs of their own to withdraw
    # (tests/employers/test_postings.py opens it).
    "/virksomhed/opslag/<int:posting_id>/tilbagekald": "needs the company's own job",
    # The broker's return address: needs a code from the broker.
    "/log-ind/mitid/retur": "needs the broker",
    # Redirects to the citizen's current step of the guide (swept as /kom-i-gang/<n>).
    "/kom-i-gang": "redirects to a step",
    # Mine data: file downloads, and a form that needs the field to correct.
    "/mine-data/eksport/json": "a file download",
    "/mine-data/eksport/csv": "a file download",
    "/administration/udbydere/eksport": "a file download (tests/marketplace)",
    "/mine-data/rettelser/ny": "needs ?tabel=&felt=&raekke= (linked from Mine data)",
    # Without an open request to talk to a person these redirect to the form.
    "/tal-med-en-medarbejder/sendt": "needs an open request",
    "/tal-med-en-medarbejder/annuller": "needs an open request",
    # The job search: "Søg jobbet" redirects to the employer's own form or mail, and an
    # alert's stop page needs the alert's secret (both in tests/jobs/test_acting.py).
    "/job/<int:posting_id>/soeg": "redirects to the employer",
    "/jobagenter/afmeld/<string:token>": "needs the alert's secret",
    # A provider's one-time set-password link (tests/marketplace/test_provider_login.py).
    "/udbyder/adgangskode/<string:token>": "needs the link's secret",
    # The dialogue's file downloads (tests/dialogue/test_messages.py, test_meetings.py
    # and the browser journey in tests/browser/test_dialogue_journey.py).
    "/beskeder/fil/<int:attachment_id>": "a file download",
    "/sagsbehandler/fil/<int:attachment_id>": "a file download",
    "/moeder/<int:slot_id>/kalender": "a file download (.ics)",
    # Routes with parameters.
    "/static/<path:filename>": "files",
    "/mine-data/samtykker/kvitteringer/<int:event_id>": "a file download (JSON)",
    "/min-side/kort/<string:name>": "swept as the state dashboard-card (no link to it)",
    "/virksomhed/tilbud/<int:offer_id>/kandidater-json": "JSON for a company's systems",
}


@dataclass(frozen=True)
class State:
    """A page reached by an action: error pages and forms showing their errors."""

    name: str
    path: str
    status: int
    # CSS selector of the button pressed after loading `path`, if any.
    submit: str | None = None
    # Replace the form's CSRF token with a wrong one before pressing `submit`.
    break_csrf: bool = False
    # CSS selector of the radios or checkboxes to clear before pressing `submit`.
    uncheck: str | None = None


STATES: dict[str, list[State]] = {
    "anonymous": [
        State("404", "/findes-ikke", 404),
        State(
            "400",
            "/privatliv",
            400,
            submit="footer button[name=lang][aria-current]",
            break_csrf=True,
        ),
        # The public job search: words, filters and distance order, nothing found,
        # errors, and one posting (the demo's first; current for weeks after loading).
        State("job-search-words", "/job?q=sygeplejersker", 200),
        State(
            "job-search-filters",
            "/job?q=lager&municipality=101&hours=full&postcode=2200&distance=25&sort=distance",
            200,
        ),
        State("job-search-nothing", "/job?q=xylofonstemmer", 200),
        State("job-search-errors", "/job?postcode=12&distance=10", 200),
        State("job-posting", "/job/1", 200),
        State(
            "staff-login-errors",
            "/log-ind/medarbejder",
            200,
            submit="main form button[type=submit]",
        ),
    ],
    "citizen": [
        State("403", "/sagsbehandler", 403),
        # The suggestion pages' no-JavaScript fallback, with results.
        State("suggest-occupations", "/forslag/stillinger?q=sygeplejeske", 200),
        State("suggest-skills", "/forslag/kompetencer?q=kommunikation", 200),
        State("jobs-filter-errors", "/job-til-dig?distance=abc", 200),
        State("job-posting-citizen", "/job/1", 200),
        State(
            "job-alert-errors",
            "/job?q=kok",
            200,
            submit=".job-alert-offer button[type=submit]",
        ),
        State("access-log-filter-errors", "/mine-data/hvem-har-set?since=abc", 200),
        # A card of Min side as a page of its own (the no-JavaScript link target).
        State("dashboard-card", "/min-side/kort/joblog", 200),
        # Each step of the getting-started guide (its URL has the step number).
        *(State(f"onboarding-step-{n}", f"/kom-i-gang/{n}", 200) for n in range(1, 6)),
        State(
            "joblog-errors", "/joblog/ny", 200, submit="main form button[type=submit]"
        ),
        State(
            "plan-errors", "/min-plan/ny", 200, submit="main form button[type=submit]"
        ),
        # The form chooses the citizen's preferred channel: without one it is an error
        # (with it, pressing the button would send a request to talk to a person).
        State(
            "contact-errors",
            "/tal-med-en-medarbejder",
            200,
            submit="main form button[type=submit]",
            uncheck="main input[name=channel]",
        ),
        State(
            "cv-job-errors",
            "/mit-cv/job/ny",
            200,
            submit="main form button[type=submit]",
        ),
        State(
            "message-errors", "/beskeder", 200, submit="main form button[type=submit]"
        ),
        State(
            "cv-skill-errors",
            "/mit-cv/faglige-kompetencer",
            200,
            submit="main form button[type=submit]",
        ),
    ],
    "caseworker": [
        # "Take the next citizen" opens the case view of the citizen taken (the demo
        # queue in Copenhagen has more waiting citizens than the sweep takes).
        State(
            "case-view",
            "/sagsbehandler/koe",
            200,
            submit="main form.claim-next-form button[type=submit]",
        ),
        State("queue-filter-errors", "/sagsbehandler/koe?reason=nonsense", 200),
        State("queue-waiting", "/sagsbehandler/koe?show=waiting&sort=waiting", 200),
        State(
            "offer-times-errors",
            "/sagsbehandler/moeder",
            200,
            submit="main form button[type=submit]",
        ),
    ],
    "admin": [
        State(
            "fairness-national",
            "/administration/retfaerdighed?omraade=hele-landet",
            200,
        ),
        State("override-rates-errors", "/administration/afvigelser?start=abc", 200),
    ],
    "employer": [
        State(
            "offer-errors",
            "/virksomhed/tilbud/nyt",
            200,
            submit="main form button[type=submit]",
        ),
        State(
            "posting-errors",
            "/virksomhed/opslag",
            200,
            submit="main form button[type=submit]",
        ),
    ],
}
