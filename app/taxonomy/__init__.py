"""The occupation and skill taxonomy: import, reading, and the autocomplete."""
