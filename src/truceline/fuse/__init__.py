"""Fusion: associate picks into events and locate them with calibrated uncertainty.

``associate(stations, picks) -> (events, assignments)`` is the whole library API for batch
work; ``truceline.fuse.stream.StreamingAssociator`` serves a live feed.
"""

from truceline.fuse.engine import FusionConfig
from truceline.fuse.events import associate

__all__ = ["FusionConfig", "associate"]
