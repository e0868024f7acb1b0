"""Talking to the job centre: a request to talk to a person (messages and meetings
follow in this area)."""
