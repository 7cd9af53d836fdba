"""The sensor network: rows of stations behind the line, arrays, noise, outages, clock errors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
from numpy.typing import ArrayLike, NDArray

from truceline.geo.areas import LEFT_PARTY, RIGHT_PARTY, Areas
from truceline.geo.frame import Sectors
from truceline.sim.config import SimConfig
from truceline.sim.placement import offset_point, terrain_elevation_m

FloatArray = NDArray[np.float64]
MICROPHONE_HEIGHT_M = 1.5


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Network:
    station_id: NDArray[np.str_]
    lat_deg: FloatArray
    lon_deg: FloatArray
    elev_m: FloatArray
    kind: NDArray[np.str_]  # "mic" or "array"
    party: NDArray[np.str_]
    along_m: FloatArray  # distance along the line of the nearest line vertex
    backazimuth_sigma_deg: FloatArray  # NaN for single microphones
    noise_db: FloatArray  # background noise floor (dB re 20 uPa, peak-equivalent in the pick band)
    clock_offset_s: FloatArray  # the station's clock error, unknown to fusion
    outage_station: NDArray[np.intp]
    outage_start_s: FloatArray
    outage_end_s: FloatArray

    def __len__(self) -> int:
        return int(self.station_id.size)

    def is_up(self, station: ArrayLike, time_s: ArrayLike) -> NDArray[np.bool_]:
        """Whether each (station index, time) falls outside every outage of that station."""
        station_index = np.asarray(station, dtype=np.intp)
        time = np.asarray(time_s, dtype=np.float64)
        up = np.ones(station_index.shape, dtype=bool)
        if self.outage_station.size == 0 or station_index.size == 0:
            return up
        order = np.argsort(station_index, kind="stable")
        sorted_station = station_index[order]
        for index, start, end in zip(self.outage_station, self.outage_start_s, self.outage_end_s):
            lo, hi = np.searchsorted(sorted_station, [index, index + 1])
            if lo == hi:
                continue
            rows = order[lo:hi]
            up[rows[(time[rows] >= start) & (time[rows] < end)]] = False
        return up

    def table(self) -> pa.Table:
        """The ``stations`` table of CONTRACTS.md."""
        return pa.table(
            {
                "station_id": pa.array(self.station_id.tolist(), type=pa.string()),
                "lat": pa.array(np.round(self.lat_deg, 6)),
                "lon": pa.array(np.round(self.lon_deg, 6)),
                "elev_m": pa.array(np.round(self.elev_m, 1)),
                "kind": pa.array(self.kind.tolist(), type=pa.string()),
            }
        )

    def truth(self) -> dict[str, Any]:
        """Hidden station facts for ``scenario.json``: clock offsets and outages."""
        clocks = {
            str(self.station_id[i]): round(float(self.clock_offset_s[i]), 3) for i in np.flatnonzero(self.clock_offset_s != 0.0)
        }
        outages = [
            {"station_id": str(self.station_id[i]), "start": round(float(a), 1), "end": round(float(b), 1)}
            for i, a, b in zip(self.outage_station, self.outage_start_s, self.outage_end_s)
        ]
        return {"clock_offsets_s": clocks, "outages": outages}


def build_network(config: SimConfig, sectors: Sectors, areas: Areas, rng: np.random.Generator) -> Network:
    """Rows of stations on both sides, each row at its depth and spacing, positions jittered."""
    ids: list[str] = []
    lats: list[FloatArray] = []
    lons: list[FloatArray] = []
    parties: list[str] = []
    for row_number, row in enumerate(config.rows):
        letter = chr(ord("A") + row_number)
        for party, sign in ((LEFT_PARTY, -1.0), (RIGHT_PARTY, 1.0)):
            count = int(np.floor(sectors.length_m / row.spacing_m))
            along = (np.arange(count) + 0.5) * row.spacing_m
            along = along + rng.uniform(-1.0, 1.0, count) * row.along_jitter_fraction * row.spacing_m
            depth = np.maximum(row.depth_m + rng.uniform(-1.0, 1.0, count) * row.depth_jitter_m, 2_000.0)
            lat, lon = offset_point(sectors, along, sign * depth)
            # a meander can bring the line close behind a station: push such stations back
            for _ in range(5):
                distance = areas.signed_distance_m(lat, lon)
                short = (np.sign(distance) != sign) | (np.abs(distance) < 0.6 * row.depth_m)
                if not short.any():
                    break
                depth[short] += 0.3 * row.depth_m
                lat[short], lon[short] = offset_point(sectors, along[short], sign * depth[short])
            held = areas.party_at(lat, lon) == party
            for number, keep in enumerate(held):
                if keep:
                    ids.append(f"{party}-{letter}{number + 1:03d}")
                    parties.append(party)
            lats.append(lat[held])
            lons.append(lon[held])
    lat_all = np.concatenate(lats)
    lon_all = np.concatenate(lons)
    count = lat_all.size
    is_array = rng.random(count) < config.array_fraction
    sigma = np.where(is_array, rng.uniform(2.0, 5.0, count), np.nan)
    noise_db = rng.normal(52.0, 3.0, count)  # rural sites, some near roads or generators
    clock = np.zeros(count)
    skewed = rng.random(count) < config.clock_offset_fraction
    low, high = config.clock_offset_s
    clock[skewed] = rng.choice([-1.0, 1.0], int(skewed.sum())) * rng.uniform(low, high, int(skewed.sum()))
    outage_station, outage_start, outage_end = _outages(config, count, rng)
    return Network(
        station_id=np.array(ids),
        lat_deg=lat_all,
        lon_deg=lon_all,
        elev_m=terrain_elevation_m(lat_all, lon_all) + MICROPHONE_HEIGHT_M,
        kind=np.where(is_array, "array", "mic"),
        party=np.array(parties),
        along_m=sectors.nearest_along_m(lat_all, lon_all),
        backazimuth_sigma_deg=sigma,
        noise_db=noise_db,
        clock_offset_s=clock,
        outage_station=outage_station,
        outage_start_s=outage_start,
        outage_end_s=outage_end,
    )


def _outages(config: SimConfig, count: int, rng: np.random.Generator) -> tuple[NDArray[np.intp], FloatArray, FloatArray]:
    """Dead stations (down throughout) and Poisson outages with log-normal durations (median 1.5 h)."""
    start, end = config.start_time_s, config.end_time_s
    stations: list[int] = []
    starts: list[float] = []
    ends: list[float] = []
    dead = rng.random(count) < config.dead_station_fraction
    for index in np.flatnonzero(dead):
        stations.append(int(index))
        starts.append(start - 3600.0)
        ends.append(end + 3600.0)
    expected = config.outage_rate_per_station_day * (end - start + 3 * 3600.0) / 86_400.0
    numbers = rng.poisson(expected, count)
    for index in np.flatnonzero(numbers):
        for _ in range(int(numbers[index])):
            begin = rng.uniform(start - 3 * 3600.0, end)
            duration = float(np.exp(rng.normal(np.log(1.5 * 3600.0), 0.8)))
            stations.append(int(index))
            starts.append(begin)
            ends.append(begin + duration)
    return np.array(stations, dtype=np.intp), np.array(starts), np.array(ends)
