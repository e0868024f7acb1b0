"""The caseworker's workspace and municipal administration: the queue, claims, the case
view, notes, the agreed plan, track overrides and their rates."""
