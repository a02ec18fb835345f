"""Verification: find the first wrong step of a worked solution.

Entry point: :class:`Verifier` (``Verifier(model).verify(problem, steps) -> Verdict``).
Parts: :mod:`~tutor.verify.align` (reference computation graph),
:mod:`~tutor.verify.features` (per-step evidence), :mod:`~tutor.verify.scorer` (student-model
step scorer; its prompt format is what distillation trains on), :mod:`~tutor.verify.combiner`
(learned hazard model, weights in ``models/verifier/``).
"""

from tutor.verify.verifier import Verifier

__all__ = ["Verifier"]
