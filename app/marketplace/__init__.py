"""The marketplace of approved service providers (the provider's start page so far)."""
