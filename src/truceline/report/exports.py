"""Data for analysts' own tools: GeoJSON, an ACLED-style CSV and Parquet.

- :func:`geojson` — a FeatureCollection of Points: every event (``feature_type: "event"``, with
  its 95 % ellipse, side, kind, firing party and status) and every violation
  (``feature_type: "violation"``, the verdict record with its rule, confidence and status, at the
  location of the fire it judges).
- :func:`acled_rows` / :func:`write_acled` — one row per violation in ACLED's column layout
  (``event_type`` "Explosions/Remote violence", ``sub_event_type`` "Shelling/artillery/missile
  attack"), then truceline's own columns, prefixed ``truceline_``. ACLED records where fire
  landed, so the row's coordinates are those of the impact when the launch was paired with one.
  ``truceline ingest acled`` (:func:`truceline.ingest.acled.read_acled`) reads the file back.
- :func:`write_events_parquet` — the events table as is (CONTRACTS.md columns plus extras).
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pyarrow as pa

from truceline.model.cases import Violation
from truceline.model.tables import write_table
from truceline.report.data import UNDETERMINED, event_index, place_name

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
TRUCELINE_COLUMNS = (
    "truceline_event_id", "truceline_time_utc", "truceline_firing_party", "truceline_target_party", "truceline_confidence",
    "truceline_status", "truceline_rule", "truceline_sector", "truceline_weapon_class", "truceline_launch_lat",
    "truceline_launch_lon", "truceline_ellipse_major_km", "truceline_ellipse_minor_km", "truceline_ellipse_azimuth_deg",
    "truceline_evidence_ids", "truceline_report_ids", "truceline_ledger_index",
)
ACTORS = {"UA": "Military Forces of Ukraine (2019-)", "RU": "Military Forces of Russia (2000-)"}
ADMIN1 = {"kharkiv": "Kharkiv", "luhansk": "Luhansk", "donetsk": "Donetsk", "zaporizhzhia": "Zaporizhia", "kherson": "Kherson"}


def _plain(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _rows(events: pa.Table) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in row.items()} for row in events.to_pylist()]


def geojson(events: pa.Table, violations: Sequence[Violation], ledger_index: Mapping[str, int] | None = None) -> dict[str, Any]:
    """Events and violations as one GeoJSON FeatureCollection (WGS 84 lon/lat)."""
    ledger_index = ledger_index or {}
    features: list[dict[str, Any]] = []
    rows = _rows(events)
    by_id = {str(r["event_id"]): r for r in rows}
    for row in rows:
        properties = dict(row)
        properties["feature_type"] = "event"
        properties["uncertainty"] = {
            "confidence": 0.95,
            "ellipse_major_km": row.get("ellipse_major_km"),
            "ellipse_minor_km": row.get("ellipse_minor_km"),
            "ellipse_azimuth_deg": row.get("ellipse_azimuth_deg"),
            "time_sigma_s": row.get("time_sigma_s"),
        }
        features.append({"type": "Feature", "id": f"event/{row['event_id']}", "properties": properties,
                         "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]}})
    for verdict in violations:
        found = by_id.get(verdict.event_id)
        if found is None:
            continue
        row = found
        properties = {
            "feature_type": "violation",
            "event_id": verdict.event_id,
            "time": verdict.time_s,
            "time_utc": _iso(verdict.time_s),
            "known_at": verdict.at_s,
            "firing_party": verdict.firing_party,
            "target_party": verdict.target_party,
            "sector": verdict.sector,
            "rule": verdict.rule,
            "confidence": verdict.confidence,
            "status": verdict.status,
            "evidence_ids": list(verdict.evidence_ids),
            "weapon_class": row.get("weapon_class") or UNDETERMINED,
            "pair_event_id": row.get("pair_event_id") or None,
            "ledger_index": ledger_index.get(verdict.event_id),
            "uncertainty": {"confidence": 0.95, "ellipse_major_km": row.get("ellipse_major_km"),
                            "ellipse_minor_km": row.get("ellipse_minor_km"), "ellipse_azimuth_deg": row.get("ellipse_azimuth_deg")},
        }
        features.append({"type": "Feature", "id": f"violation/{verdict.event_id}", "properties": properties,
                         "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]}})
    return {"type": "FeatureCollection", "features": features}


def write_geojson(path: Path, events: pa.Table, violations: Sequence[Violation], ledger_index: Mapping[str, int] | None = None) -> Path:
    text = json.dumps(geojson(events, violations, ledger_index), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _iso(time_s: float) -> str:
    return datetime.fromtimestamp(time_s, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z"


def _geo_precision(major_km: float | None) -> int:
    if major_km is None or not math.isfinite(major_km) or major_km > 25.0:
        return 3
    return 1 if major_km <= 5.0 else 2


def acled_rows(events: pa.Table, violations: Sequence[Violation], ledger_index: Mapping[str, int] | None = None) -> list[dict[str, str]]:
    """One ACLED-style row per violation (ACLED's columns, then truceline's)."""
    ledger_index = ledger_index or {}
    rows = _rows(events)
    index = event_index(events)
    out: list[dict[str, str]] = []
    for verdict in violations:
        if verdict.event_id not in index:
            continue
        row = rows[index[verdict.event_id]]
        pair = row.get("pair_event_id") or ""
        impact = rows[index[pair]] if row.get("kind") == "launch" and pair in index else row
        moment = datetime.fromtimestamp(verdict.time_s, tz=timezone.utc)
        weapon = row.get("weapon_class") or UNDETERMINED
        reports = str(row.get("report_ids") or "")
        source = "truceline acoustic network" + ("; patrol/open-source reports" if reports else "")
        notes = (
            f"On {moment:%d %B %Y} at {moment:%H:%M} UTC, {verdict.firing_party} forces fired ({weapon.replace('_', ' ')}) "
            f"into {verdict.target_party}-held territory near {place_name(impact['lat'], impact['lon'])}; "
            f"rule {verdict.rule}, confidence {verdict.confidence:.2f}, status {verdict.status}."
        )
        values: dict[str, Any] = {
            "event_id_cnty": f"UKR-TL-{verdict.event_id}",
            "event_date": moment.strftime("%Y-%m-%d"),
            "year": moment.year,
            "time_precision": 1,
            "disorder_type": "Political violence",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack",
            "actor1": ACTORS.get(verdict.firing_party, verdict.firing_party),
            "assoc_actor_1": "",
            "inter1": 8 if verdict.firing_party not in ACTORS else 1,
            "actor2": ACTORS.get(verdict.target_party, verdict.target_party),
            "assoc_actor_2": "",
            "inter2": 8 if verdict.target_party not in ACTORS else 1,
            "interaction": 11,
            "civilian_targeting": "",
            "iso": 804,
            "region": "Europe",
            "country": "Ukraine",
            "admin1": ADMIN1.get(verdict.sector, verdict.sector),
            "admin2": "",
            "admin3": "",
            "location": place_name(impact["lat"], impact["lon"]),
            "latitude": f"{impact['lat']:.6f}",
            "longitude": f"{impact['lon']:.6f}",
            "geo_precision": _geo_precision(impact.get("ellipse_major_km")),
            "source": source,
            "source_scale": "Other",
            "notes": notes,
            "fatalities": 0,
            "tags": "",
            "timestamp": int(verdict.at_s),
            "truceline_event_id": verdict.event_id,
            "truceline_time_utc": _iso(verdict.time_s),
            "truceline_firing_party": verdict.firing_party,
            "truceline_target_party": verdict.target_party,
            "truceline_confidence": f"{verdict.confidence:.4f}",
            "truceline_status": verdict.status,
            "truceline_rule": verdict.rule,
            "truceline_sector": verdict.sector,
            "truceline_weapon_class": weapon,
            "truceline_launch_lat": f"{row['lat']:.6f}",
            "truceline_launch_lon": f"{row['lon']:.6f}",
            "truceline_ellipse_major_km": row.get("ellipse_major_km"),
            "truceline_ellipse_minor_km": row.get("ellipse_minor_km"),
            "truceline_ellipse_azimuth_deg": row.get("ellipse_azimuth_deg"),
            "truceline_evidence_ids": ";".join(verdict.evidence_ids),
            "truceline_report_ids": reports,
            "truceline_ledger_index": ledger_index.get(verdict.event_id, ""),
        }
        out.append({k: "" if values[k] is None else str(values[k]) for k in ACLED_COLUMNS + TRUCELINE_COLUMNS})
    return out


def write_acled(path: Path, events: pa.Table, violations: Sequence[Violation], ledger_index: Mapping[str, int] | None = None) -> int:
    """Write the ACLED-style CSV; returns the number of rows."""
    rows = acled_rows(events, violations, ledger_index)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(ACLED_COLUMNS + TRUCELINE_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return len(rows)


def write_events_parquet(path: Path, events: pa.Table) -> Path:
    return write_table(events, path)
