"""An impact heard at its class's launch level (``PairingConfig.level_role_null_impact``).

Issue #4's crossfire: one side's mortar bombs land where the other side's mortar fires back, and the other side's quiet
launches (94-102 dB, a small charge in a short tube) are located from a few picks, often as one merged event. The
pairing then reads the bomb (106-113 dB) as the "launch" and the quiet launch event 20-30 s later as its "impact":
`violation` seed 11, E000337 (a 106 dB bomb) -> E000339 (a 100.5 dB merge of two launches' picks), a mortar pair by its
time of flight. The pair's level veto (:func:`~truceline.attribute.acoustics.pair_level_penalty`) weighs the impact's
level against a random level of the run; in a run of 115-120 dB guns and rockets a 100 dB level is rare whatever it is,
so the veto is mild and the pair stays cheaper than leaving both events unpaired.

The question the impact end asks is "a bomb of this class, or something else?", and for a 100 dB event the likeliest
something else is the class's own launch: a mortar's bomb is 10-15 dB louder than its launch (physics'
``impact_minus_launch_db``, and the run's learned levels). Here the impact's fit to the class's impact level is weighed
against the larger of a random level of the run and its fit to the class's launch level, in the classes whose two
learned levels lie more than twice their spread apart (a mortar; not a gun or a rocket, whose launch and shell are about
equally loud: there the other role says nothing). The launch end keeps the plain veto: its other-role null (session 24's
``level_role_null``, both ends) also makes a false mortar pair of two merged events surer on `heavy` (docs, "Session 24
(attrib24)" and "Session 26 (wrong26)"), while the impact end alone leaves `heavy` as it was.

:func:`impact_role_extra` returns what that adds, per candidate and class, to the plain veto's cost; the caller adds it
and keeps the veto's cap.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from truceline.attribute.acoustics import LevelModel, _normal

FloatArray = NDArray[np.float64]


def distinct_roles(model: LevelModel) -> NDArray[np.bool_]:
    """Per class: learned, with its launch and impact levels more than twice its spread apart (the two roles tell)."""
    gap = np.abs(np.asarray(model.impact_db, dtype=np.float64) - np.asarray(model.launch_db, dtype=np.float64))
    with np.errstate(invalid="ignore"):
        return np.asarray(model.has_class & (gap > 2.0 * np.asarray(model.sigma_db, dtype=np.float64)), dtype=bool)


def impact_role_extra(model: LevelModel | None, level_impact_db: FloatArray, sigma_impact_db: FloatArray) -> FloatArray:
    """Per candidate (its impact end's level and 1-sigma) and class, shape (pairs, classes): how much more than the plain
    veto ``max(0, -2 ln(fit / null))`` the impact's level costs when its fit to the class's impact level is weighed against
    ``max(null, fit to the class's launch level)`` (``null``: the density of a random level of the run). At least 0; 0 where
    the level is unknown and in the classes whose roles do not differ (:func:`distinct_roles`)."""
    b = np.asarray(level_impact_db, dtype=np.float64)
    sb = np.asarray(sigma_impact_db, dtype=np.float64)
    if model is None:
        return np.zeros((b.size, 0))
    out = np.zeros((b.size, model.has_class.size))
    known = np.isfinite(b)
    if not known.any():
        return out
    level, sigma = b[known], np.where(np.isfinite(sb[known]), sb[known], 0.0)
    null = np.maximum(model.density_any(level), 1e-300)
    for k in np.flatnonzero(distinct_roles(model)):
        spread = np.hypot(float(model.sigma_db[k]), sigma)
        fit = np.maximum(_normal(level, float(model.impact_db[k]), spread), 1e-300)
        other = _normal(level, float(model.launch_db[k]), spread)
        plain = np.clip(-2.0 * np.log(fit / null), 0.0, None)
        weighed = np.clip(-2.0 * np.log(fit / np.maximum(null, other)), 0.0, None)
        out[known, k] = weighed - plain
    return out
