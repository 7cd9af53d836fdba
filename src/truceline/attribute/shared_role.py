"""A salvo's rounds share one role (``PairingConfig.volley_shared_role``).

Events within ``volley_window_s`` and ``volley_radius_m`` of each other (:func:`volley.volley_groups`) are one salvo's
rounds: launches of one battery's volley, or impacts of one mission landing together. They are all launches or all
impacts. Where one of them is paired as a launch and the others are unpaired, the pairing judges the paired round by its
time of flight and the unpaired ones by their battery context (a paired launch fired from their place in the same minutes:
the battery's learned odds, tens to one for a launch) against their own levels. The paired round's role is then set
without its mates' levels, and its mates' roles follow it however loudly their levels say impact (`violation` seed 13:
two mortar bombs each 8 times likelier impacts by their levels, read as launches at 0.79 because a third bomb of the same
salvo was chance-paired with an impact 26 km away): the context counts the paired round's evidence as a prior and the
levels only against it, and the paired round never hears its mates.

Here the salvo is weighed as one: its launch odds are the paired round's (its role probability after the contexts,
from the time of flight and its own levels) times the likelihood ratio of the unpaired mates' levels as unpaired launches
against unpaired impacts (:func:`~truceline.attribute.acoustics.unpaired_impact_odds` of the mates as one group: one
weapon, one mixture over the classes; its partners heard or not by each mate's own stations). That ratio already holds
what the context held of the salvo, so the battery context of the mates is not counted again. Each paired launch of the
salvo gets its own odds times the mates' ratio, each mate the strongest paired launch's. Volleys with a paired impact,
or with two paired launches or more (the volley alternative of :func:`truceline.attribute.pairing._volley_roles` judges
those), are left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from truceline.attribute.acoustics import LevelModel, SourceLevels, unpaired_impact_odds
from truceline.attribute.partners import located_partners
from truceline.attribute.volley import volley_groups

if TYPE_CHECKING:
    from truceline.attribute.pairing_config import PairingConfig

FloatArray = NDArray[np.float64]


def salvo_shared_roles(kind: NDArray[np.str_], partner: NDArray[np.int64], p_launch: FloatArray, p_impact: FloatArray,
                       time_s: FloatArray, lat: FloatArray, lon: FloatArray, config: PairingConfig, levels: SourceLevels | None,
                       model: LevelModel | None, sigma_m: FloatArray | None, reason: list[str],
                       class_probability: FloatArray | None = None, *, depth_m: FloatArray | None = None) -> None:
    """In place: the roles of the salvos made of one paired launch and unpaired mates, judged as one (module docstring).
    ``config.volley_shared_role_lower_only``: the paired launch's role is never raised by its mates."""
    if levels is None or model is None:
        return
    group = volley_groups(time_s, lat, lon, config, sigma_m, levels, model)
    located = (located_partners(kind, partner, time_s, lat, lon, config, sigma_m, p_launch=p_launch, p_impact=p_impact,
                                class_probability=class_probability)
               if config.unpaired_partner_heard else None)
    for label in np.unique(group[group >= 0]):
        members = np.flatnonzero(group == label)
        paired = members[partner[members] >= 0]
        mates = members[partner[members] < 0]
        if paired.size != 1 or not mates.size or np.any(kind[paired] != "launch"):
            continue
        acoustic = unpaired_impact_odds(model, levels.level_db[mates], levels.level_sigma_db[mates],
                                        [levels.margins_db[int(m)] for m in mates], min_stations=config.min_stations,
                                        silent_launch_share=0.0 if config.volley_shared_role_no_silent else config.silent_launch_share,
                                        partner_elsewhere=1.0 if config.volley_shared_role_levels_only else config.partner_elsewhere,
                                        launch_depth_m=None if depth_m is None else depth_m[mates],
                                        impact_depth_m=None if depth_m is None or not config.volley_shared_role_reach else depth_m[mates],
                                        depth_sigma_m=None if depth_m is None or sigma_m is None else sigma_m[mates],
                                        launch_partner_located=(np.ones(mates.size) if config.volley_shared_role_partner_found
                                                                else None if located is None else located[0][mates]),
                                        impact_partner_located=None if located is None else located[1][mates])
        if acoustic == 1.0:
            continue
        head = int(paired[0])
        p = min(max(float(p_launch[head]), 1e-9), 1.0 - 1e-9)
        total = float(p_launch[head] + p_impact[head])
        odds = p / (1.0 - p) / acoustic
        joint = odds / (1.0 + odds)
        if config.volley_shared_role_lower_only:
            joint = min(joint, p)
        before = float(p_launch[head])
        p_launch[head] = joint * total
        p_impact[head] = (1.0 - joint) * total
        reason[head] += (f"; a salvo with {mates.size} unpaired round{'s' if mates.size > 1 else ''} within"
                         f" {config.volley_window_s:g} s and {config.volley_radius_m:g} m, whose levels make them {acoustic:.2g}"
                         f" times likelier impacts than launches: the salvo shares one role, p launch {before:.2f} -> {joint:.2f}")
        for m in map(int, mates):
            was = float(p_launch[m])
            p_launch[m], p_impact[m] = joint, 1.0 - joint
            kind[m] = "launch" if joint > 0.5 else "impact"
            reason[m] += (f"; a round of a salvo with a paired launch: the salvo shares one role, its levels"
                          f" with the salvo's {mates.size - 1} other unpaired round{'s' if mates.size != 2 else ''} {acoustic:.2g}"
                          f" times likelier impacts, p launch {was:.2f} -> {joint:.2f}")

