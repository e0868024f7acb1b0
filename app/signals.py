"""Named signals by which the areas react to each other without importing each other.

A sender passes the request's session as the sender and names the citizen, e.g.
``profile_changed.send(session, citizen_id=7, trigger="cv")``. Receivers run inside the
same transaction: they flush, and the request (or command) commits once at its end.
Who listens is written next to each signal; `tests/test_signals.py` checks it.
"""

from __future__ import annotations

from blinker import Namespace

_signals = Namespace()

profile_changed = _signals.signal("profile-changed")
"""A change that may affect the citizen's track: screening answers, wishes, the CV, the
job-search log, or a request to talk to a person. kwargs: citizen_id, trigger.
Received by segmentation, which re-screens the citizen, and (triggers "cv" and
"preferences") by jobs, which stores their matches again."""

objection_changed = _signals.signal("objection-changed")
"""The citizen objected to profiling, or withdrew the objection. kwargs: citizen_id.
Received by segmentation: an objecting citizen is assessed by a person, never scored."""

consent_changed = _signals.signal("consent-changed")
"""The citizen gave or withdrew a consent. kwargs: citizen_id, purpose, given.
Sent for the areas that act on consents (the share-CV consent, a provider's access);
none of today's areas keeps a copy of a consent, so none listens yet."""

contact_changed = _signals.signal("contact-changed")
"""The citizen changed how or in which language we contact them. kwargs: citizen_id,
language. Received by segmentation, whose queue row keeps a copy of the language."""

access_logged = _signals.signal("access-logged")
"""A read of citizens' data by staff or a provider was written to the access log.
kwargs: citizen_ids, what, purpose. Sent by app.audit; received by app.page_cache,
which writes the read again each time the page it was drawn for is served kept."""

bulk_written = _signals.signal("bulk-written")
"""Rows went in past the ORM (app.db.bulk_insert: COPY on PostgreSQL). kwargs: table,
rows. Received by app.page_cache, which marks the pages of the citizens the rows name
(or, when they name none, every page) to be drawn again."""

employer_contact = _signals.signal("employer-contact")
"""A company invited a citizen, or the citizen answered. kwargs: invitation_id,
citizen_id, event ("sent", "accepted", "declined"). Sent by app.employers.services.
record_event, the one place an invitation's events pass; the dialogue area's
notifications will listen here (nobody listens yet)."""
