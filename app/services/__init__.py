"""Use cases shared by several blueprints and the CLI (taxonomy, postings, matching)."""
