"""Offline benchmarks (``tutor eval …``, ``tutor bench …``): each writes a JSON report."""
