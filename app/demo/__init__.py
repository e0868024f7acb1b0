"""Synthetic demo data: made-up citizens, staff and providers (none of them real)."""
