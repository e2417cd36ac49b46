"""static/world.js is what build_world makes of the bundled borders, keyed by the ISO alpha-3 codes the store uses."""

import json
from importlib import resources

from harbinger.dashboard.build_world import countries

STATIC = resources.files("harbinger.dashboard").joinpath("static")


def _bundled():
    vendor = STATIC.joinpath("vendor", "world-atlas")
    return json.loads(vendor.joinpath("countries-110m.json").read_text()), json.loads(vendor.joinpath("iso-codes.json").read_text())


def test_build_world_output_is_current():
    shipped = STATIC.joinpath("world.js").read_text(encoding="utf-8")
    assert json.loads(shipped.split("=", 1)[1].strip().rstrip(";")) == countries(*_bundled())


def test_build_world_keys_countries_by_alpha3():
    by_code = {c["id"]: c for c in countries(*_bundled())}
    assert {"UKR", "RUS", "USA", "FRA", "XKX"} <= set(by_code) and by_code["UKR"]["name"] == "Ukraine"
    assert len(by_code) > 170 and all(c["path"].startswith("M") for c in by_code.values())


def test_build_world_sources_carry_their_licences():
    for folder in ("uplot", "world-atlas"):
        names = {entry.name for entry in STATIC.joinpath("vendor", folder).iterdir()}
        assert "README.md" in names and any(name.startswith("LICENSE") for name in names), folder
