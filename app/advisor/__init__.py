"""Decision support: which intervention is likely to help a citizen most, with its
uncertainty, shown to the caseworker and the citizen, who decide. The estimation itself
is the pure library app.ml.effects; this package serves its precomputed tables."""
