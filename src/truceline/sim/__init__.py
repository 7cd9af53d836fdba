"""Scenario generator with ground truth (see docs/sim.md).

Public API (imported from the modules, so that ``import truceline.sim.scoring`` stays light)::

    truceline.sim.config     SimConfig, PRESETS, WEAPONS, WeaponClass, StationRow, ConfigError, parse_start
    truceline.sim.scenario   simulate(config, seed) -> Scenario, write_scenario(scenario, out_dir, debug=False)
    truceline.sim.commands   simulate (the ``truceline simulate`` click command)
"""
