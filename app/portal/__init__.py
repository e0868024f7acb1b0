"""The public pages and the citizen's start page ("Min side") with a card per area."""
