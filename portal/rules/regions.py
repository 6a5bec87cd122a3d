"""Municipality → region table (all 98 Danish municipalities) and the East/West zones.

The app seeds its Municipality table from ``MUNICIPALITIES``. The zones are those of the
COVID-19 reopening order (BEK nr. 685 af 26. maj 2020, seed 000): East = Region
Hovedstaden and Region Sjælland; West = Region Syddanmark, Midtjylland, Nordjylland.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from portal.rules.errors import RulebookError

DATA = Path(__file__).with_name("data") / "municipalities.json"

REGION_CODES: tuple[str, ...] = (
    "hovedstaden",
    "sjaelland",
    "syddanmark",
    "midtjylland",
    "nordjylland",
)
EAST: frozenset[str] = frozenset({"hovedstaden", "sjaelland"})
WEST: frozenset[str] = frozenset({"syddanmark", "midtjylland", "nordjylland"})


@dataclass(frozen=True, slots=True)
class MunicipalityInfo:
    code: str  # 3-digit kommunekode, e.g. "101"
    name: str  # e.g. "København"
    region: str  # one of REGION_CODES

    @property
    def zone(self) -> str:
        return "east" if self.region in EAST else "west"


@dataclass(frozen=True, slots=True)
class RegionInfo:
    code: str
    name: str
    zone: str  # east | west


def _load() -> tuple[Mapping[str, MunicipalityInfo], Mapping[str, RegionInfo]]:
    raw: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    regions: dict[str, RegionInfo] = {}
    for code, info in raw["regions"].items():
        zone = "east" if code in EAST else "west"
        if code not in REGION_CODES or info["zone"] != zone:
            raise RulebookError(f"{DATA.name}: bad region {code!r}")
        regions[code] = RegionInfo(code, str(info["name"]), zone)
    municipalities: dict[str, MunicipalityInfo] = {}
    for row in raw["municipalities"]:
        m = MunicipalityInfo(str(row["code"]), str(row["name"]), str(row["region"]))
        if len(m.code) != 3 or not m.code.isdigit() or m.region not in regions:
            raise RulebookError(f"{DATA.name}: bad municipality {row!r}")
        if m.code in municipalities:
            raise RulebookError(f"{DATA.name}: duplicate municipality code {m.code}")
        municipalities[m.code] = m
    if len(municipalities) != 98:
        raise RulebookError(f"{DATA.name}: expected 98 municipalities, got {len(municipalities)}")
    return MappingProxyType(municipalities), MappingProxyType(regions)


MUNICIPALITIES: Mapping[str, MunicipalityInfo]
REGIONS: Mapping[str, RegionInfo]
MUNICIPALITIES, REGIONS = _load()
