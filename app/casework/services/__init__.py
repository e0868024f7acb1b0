"""The caseworker's workspace as use cases: the queue, claims, the case view, what a
caseworker does on a case, and track overrides."""
