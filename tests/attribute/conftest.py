from __future__ import annotations

import pytest
from attribute_world import make_areas

from truceline.geo.areas import Areas


@pytest.fixture()
def areas() -> Areas:
    return make_areas()
