"""Geometry of the front: the line of contact, local projections, parties' areas and zones.

Public API::

    truceline.geo.front   WAYPOINTS, Waypoint, line_of_contact(), line_length_m()
    truceline.geo.frame   LocalFrame, for_points(), Sector, Sectors, front_sectors(), sector_of()
    truceline.geo.areas   build_areas(), Areas, read_areas(), front_areas(), split_band()
"""
