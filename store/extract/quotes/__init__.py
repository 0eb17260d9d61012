"""Quotes: spans.py finds every quoted stretch; attribute.py runs the sieves (sieves.py,
in priority order) that decide who said it, asking context.py who the subject of a verb is
and cues.py where the cue is."""
