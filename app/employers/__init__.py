"""Employers: companies' offers, anonymous candidate profiles found by matching in
reverse, and double opt-in contact (the citizen says yes before the company learns who
they are). Views by audience in views/, rules in services.py, the candidate lists in
candidates.py and the anonymity rules (pure) in anonymity.py."""
