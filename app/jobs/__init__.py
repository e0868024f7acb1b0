"""Job postings: import, matching against citizens, and the citizen's job pages."""
