"""Tests of the citizen's own data: the registry and "Mine data"."""
