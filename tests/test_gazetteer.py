"""Loading and checking gazetteer data files (temporary TOML files, and the real ones when present)."""
import pytest

from graph_builder.text.arabic import fold
from graph_builder.recognise.gazetteer import GazetteerError, load_gazetteer

from entity_fixtures import FILES, write_gazetteer


def test_loads_entities_labels_codes_and_links(tmp_path):
    g = load_gazetteer(write_gazetteer(tmp_path))
    iom = g.get("org", "iom")
    assert iom.cls == "InternationalOrganization"
    assert iom.label_en == "International Organization for Migration"
    assert iom.label_ar == "المنظمة الدولية للهجرة"
    assert ("منظمة الهجرة الدولية", "ar") in iom.alt_labels
    assert iom.notations == ("IOM",)
    assert g.by_notation["IOM"] is iom
    assert g.get("place", "manila").links == (("inState", "state", "PHL"),)
    assert g.get("process", "puebla-process").links == (("coversRegion", "region", "latin-america"),)
    topic = g.get("topic", "remittances")
    assert topic.notations == ("remittances",) and ("definition_en", "Money sent home by migrants.") in topic.codes
    # states from states.toml alone (the fixture folder), with their adjectives
    che = g.get("state", "CHE")
    assert che.cls == "State" and che.label_ar == "سويسرا"
    assert g.adjectives[("state", "CHE")] == ("السويسرية", "السويسري")
    # a short form shared by two entities is allowed and indexed
    assert {e.slug for e in g.ambiguous["المفوضية"]} == {"ohchr", "unhcr"}
    with pytest.raises(KeyError):
        g.get("org", "nope")


def test_explicit_states_replace_generated_ones(tmp_path):
    files = {k: v for k, v in FILES.items() if k != "states.toml"}
    files["places.toml"] = FILES["places.toml"]
    g = load_gazetteer(write_gazetteer(tmp_path, files), states=[])
    assert not [e for e in g.entities if e.kind == "state"]


def _with(extra: str, name: str = "extra.toml") -> dict:
    files = dict(FILES)
    files[name] = extra
    return files


def test_duplicate_slug_names_both_entries(tmp_path):
    extra = '''
[[entity]]
slug = "iom"
kind = "org"
class = "InternationalOrganization"
en = "Something else"
ar = "شيء آخر"
'''
    with pytest.raises(GazetteerError) as err:
        load_gazetteer(write_gazetteer(tmp_path, _with(extra)))
    msg = str(err.value)
    assert "org/iom" in msg and "extra.toml:2" in msg and "orgs.toml:2" in msg


def test_folded_arabic_label_collision_is_an_error(tmp_path):
    extra = '''
[[entity]]
slug = "iom-copy"
kind = "org"
class = "InternationalOrganization"
en = "IOM copy"
ar = "المنظّمة الدوليـة للهجره"
'''
    with pytest.raises(GazetteerError) as err:
        load_gazetteer(write_gazetteer(tmp_path, _with(extra)))
    msg = str(err.value)
    assert "org/iom" in msg and "org/iom-copy" in msg and "extra.toml" in msg and "orgs.toml" in msg
    assert fold("المنظمة الدولية للهجرة") in msg


def test_english_label_collision_is_an_error(tmp_path):
    extra = '''
[[entity]]
slug = "ilo2"
kind = "body"
class = "ProcessBody"
en = "international labour  organization"
ar = "هيئة ما"
'''
    with pytest.raises(GazetteerError) as err:
        load_gazetteer(write_gazetteer(tmp_path, _with(extra)))
    assert "org/ilo " in str(err.value) and "body/ilo2" in str(err.value)


def test_missing_required_field_names_file_line_and_entry(tmp_path):
    extra = '''
# a comment line
[[entity]]
slug = "nameless"
kind = "org"
class = "UNEntity"
en = "Nameless"
'''
    with pytest.raises(GazetteerError) as err:
        load_gazetteer(write_gazetteer(tmp_path, _with(extra)))
    msg = str(err.value)
    assert "extra.toml:3" in msg and "nameless" in msg and "'ar'" in msg


def test_topic_needs_a_definition_and_kind_must_be_known(tmp_path):
    extra = '''
[[entity]]
slug = "gender"
kind = "topic"
class = "Topic"
en = "Gender"
ar = "المنظور الجنساني"
'''
    with pytest.raises(GazetteerError, match="definition_en"):
        load_gazetteer(write_gazetteer(tmp_path, _with(extra)))
    bad_kind = extra.replace('kind = "topic"', 'kind = "thing"') + 'definition_en = "x"\n'
    with pytest.raises(GazetteerError, match="unknown kind 'thing'"):
        load_gazetteer(write_gazetteer(tmp_path / "b", _with(bad_kind)))


def test_invalid_toml_names_the_file(tmp_path):
    with pytest.raises(GazetteerError, match=r"broken\.toml: invalid TOML"):
        load_gazetteer(write_gazetteer(tmp_path, _with("[[entity]\nslug = 1", "broken.toml")))


def test_state_supplement_for_unknown_state(tmp_path):
    with pytest.raises(GazetteerError, match=r"states\.toml:2 .*unknown state 'CHE'"):
        load_gazetteer(write_gazetteer(tmp_path), states=[])


def test_real_gazetteer_loads():
    g = load_gazetteer()
    kinds = {e.kind for e in g.entities}
    assert "state" in kinds and len([e for e in g.entities if e.kind == "state"]) >= 193
    assert len({e.key for e in g.entities}) == len(g.entities)
    for e in g.entities:
        assert e.label_ar and e.label_en and e.cls, e.key


def _place(extra_lines: str) -> str:
    return f'''
[[entity]]
slug = "pailles"
kind = "place"
class = "Place"
en = "Pailles"
ar = "مدينة باي"
in_state = "MUS"
{extra_lines}
'''


def test_coordinates_become_codes_and_geo_quads(tmp_path):
    from graph_builder.build.emit import entity_quads
    from graph_builder.namespaces import GEO, XSD, Base
    g = load_gazetteer(write_gazetteer(tmp_path, _with(_place("lat = -20.1925\nlong = 57"), "more_places.toml")))
    place = g.get("place", "pailles")
    assert place.codes == (("lat", "-20.1925"), ("long", "57.0"))
    base = Base()
    quads = {(q.predicate, q.object) for q in entity_quads(place, base.reference_graph, base)}
    lat = next(o for p, o in quads if p == GEO.lat)
    long = next(o for p, o in quads if p == GEO.long)
    assert (lat.value, lat.datatype, long.value, long.datatype) == ("-20.1925", XSD.decimal, "57.0", XSD.decimal)
    assert g.get("place", "manila").codes == ()          # coordinates are optional for the loader


@pytest.mark.parametrize("lines,words", [
    ("lat = -20.19", ["'lat' and 'long' go together"]),
    ("long = 57.48", ["'lat' and 'long' go together"]),
    ("lat = 120.0\nlong = 57.48", ["'lat'", "[-90, 90]"]),
    ("lat = -20.19\nlong = -181", ["'long'", "[-180, 180]"]),
    ('lat = "-20.19"\nlong = 57.48', ["'lat'", "number"]),
    ("lat = true\nlong = 57.48", ["'lat'", "number"]),
])
def test_bad_coordinates_name_the_file_line_and_entry(tmp_path, lines, words):
    with pytest.raises(GazetteerError) as err:
        load_gazetteer(write_gazetteer(tmp_path, _with(_place(lines), "more_places.toml")))
    msg = str(err.value)
    assert "more_places.toml:2" in msg and "pailles" in msg
    for w in words:
        assert w in msg, msg
