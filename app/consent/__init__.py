"""My data ("Mine data"): insight, correction, export, consent and objection; the
registry of personal data and the access log the citizen reads."""
