"""The floor every stage stands on: the one clock, the interface languages and strings (with their
gettext catalogues), characters and words, and the process helpers (forked shares, gc pause)."""
