"""The citizen's CV ("Mit CV"): its pages, the changes to it, and its rows in "Mine data"."""
