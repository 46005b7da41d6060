"""The extraction-quality scorer (bench/extraction_quality.py) on a tiny hand-made graph and key,
with exact expected figures; and the committed answer keys load and agree with their stated counts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.answer_key import KeyError_, load_document, load_set, problems
from bench.extraction_quality import Graph, main, score

ROOT = Path(__file__).resolve().parent.parent
KEYS = ROOT / "tests" / "data" / "extraction_key"

ID = "https://w3id.org/mdkg/id/"
MDKG = "https://w3id.org/mdkg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#wasDerivedFrom"
REF = "https://w3id.org/mdkg/graph/reference"
DOC = "https://w3id.org/mdkg/graph/d1"


def _term(x) -> str:
    if isinstance(x, tuple):                     # (lexical, datatype or @lang)
        value, kind = x
        return json.dumps(value, ensure_ascii=False) + (kind if kind.startswith("@") else f"^^<{XSD}{kind}>")
    return f"<{x}>"


class Quads:
    """Builds the N-Quads of a tiny build: reference labels, facts with rdf:Statement evidence."""

    def __init__(self):
        self.lines: list[str] = []
        self.n = 0

    def add(self, s, p, o, g):
        self.lines.append(f"{_term(s)} {_term(p)} {_term(o)} <{g}> .")

    def fact(self, s, p, o, paragraph, assert_triple=True):
        if assert_triple:
            self.add(s, MDKG + p, o, DOC)
        self.n += 1
        st = f"{ID}statement/d1/{self.n}"
        self.add(st, RDF + "type", RDF + "Statement", DOC)
        self.add(st, RDF + "subject", s, DOC)
        self.add(st, RDF + "predicate", MDKG + p, DOC)
        self.add(st, RDF + "object", o, DOC)
        self.add(st, PROV, ID + "paragraph/d1/" + paragraph, DOC)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def tiny_graph() -> str:
    q = Quads()
    labels = {
        "process/gfmd": [("GFMD", "string")], "place/berlin": [("Berlin", "@en")],
        "place/geneva": [("Geneva", "@en")], "state/DEU": [("Allemagne", "@fr"), ("DEU", "string")],
        "state/MAR": [("Morocco", "@en")], "org/iom": [("IOM", "string")],
        "topic/remittances": [("remittances", "string")], "topic/diaspora": [("diaspora", "string")],
        "person/x": [("ناصر بوريطة", "@ar")], "person/y": [("Someone", "@en")], "person/z": [("Zed", "@en")],
        "commitment/c1": [("Memorandum of understanding", "@en")],
    }
    for node, names in labels.items():
        for value, kind in names:
            prop = SKOS + ("notation" if kind == "string" else "prefLabel")
            q.add(ID + node, prop, (value, kind), REF)
    for i in (1, 2, 3):
        par = ID + f"paragraph/d1/p{i}"
        q.add(par, RDF + "type", MDKG + "Paragraph", DOC)
        q.add(par, MDKG + "text", (f"paragraph {i}", "@ar"), DOC)
    m1, m2 = ID + "event/m1", ID + "event/m2"
    q.add(m1, RDF + "type", MDKG + "Meeting", DOC)
    q.add(m2, RDF + "type", MDKG + "Meeting", DOC)
    q.fact(m1, "partOf", ID + "process/gfmd", "p1")
    q.fact(m1, "year", ("2017", "gYear"), "p1")
    q.fact(m1, "location", ID + "place/berlin", "p1")
    q.fact(m1, "hostedBy", ID + "state/DEU", "p1")                  # "Germany" through the set's aliases
    q.fact(m1, "startDate", ("2017-06-28", "date"), "p1")
    q.fact(m1, "participantCount", ("700", "integer"), "p1")        # optional in the key
    q.fact(m1, "addresses", ID + "topic/remittances", "p1")
    q.fact(ID + "state/DEU", "participatesIn", m1, "p1")             # object named by "@berlin"
    q.fact(ID + "person/x", "role", ("وزير الشؤون الخارجية والتعاون الدولي", "@ar"), "p1")
    q.fact(ID + "person/x", "affiliation", ID + "state/DEU", "p1")   # wrong: the key says Morocco
    q.fact(ID + "person/z", "role", ("مدير عام مكتب الشؤون الخارجية والتعاون الدولي في الجمهورية الاتحادية وسفير سابق", "@ar"), "p1")
    q.fact(ID + "commitment/c1", "party", ID + "org/iom", "p1")
    q.fact(ID + "commitment/c1", "dateAdopted", ("2016", "gYear"), "p1")   # coarser than the key's 2016-05
    q.fact(m2, "startDate", ("2017-09-14", "date"), "p2")           # the planned workshop, stated as held
    q.fact(m2, "location", ID + "place/geneva", "p2")               # subject not in the key: unjudged
    q.fact(ID + "person/y", "role", ("مستشار", "@ar"), "p2")          # unjudged
    m3 = ID + "event/m3"                                              # announced, typed as planned
    q.add(m3, RDF + "type", MDKG + "PlannedMeeting", DOC)
    q.add(m3, SKOS + "prefLabel", ("Planned one", "@en"), REF)
    q.fact(m3, "location", ID + "place/geneva", "p2")                # may describe a planned meeting
    q.fact(m3, "hostedBy", ID + "state/DEU", "p2")                   # a host is never planned: a violation
    return q.text()


TINY_SET = """
name = "tiny"
corpus = []
facts = 8
traps = 2
[planned]
types = ["PlannedMeeting"]
describes = ["location"]
[aliases]
"Germany" = ["Deutschland", "Allemagne"]
"""

TINY_DOC = """
document = "d1"

[subjects]
berlin = { any = [{ partOf = "GFMD", year = 2017 }, { location = "Paris" }] }
bourita = { label = "Nasser Bourita|ناصر بوريطة" }
c1 = { label_contains = "memorandum" }
z = { label = "Zed" }

[[fact]]
line = "meeting: GFMD 2017 | Berlin | host Germany | 2017-06-28..30 | remittances, diaspora"
kind = "meeting"
s = "berlin"
partOf = "GFMD"
location = "Berlin"
hostedBy = "Germany"
startDate = "2017-06-28"
endDate = "2017-06-30"
year = 2017
addresses = ["remittances", "diaspora"]
optional = { participantCount = "700" }

[[fact]]
line = "participation: Germany | in GFMD 2017"
kind = "participation"
s = "Germany"
participatesIn = "@berlin"

[[fact]]
line = "person: Nasser Bourita | Minister of Foreign Affairs | Morocco"
kind = "person"
s = "bourita"
role = "وزير الشؤون الخارجية والتعاون الدولي"
affiliation = "Morocco"

[[fact]]
line = "agreement: a memorandum | party IOM | 2016-05"
kind = "agreement"
s = "c1"
party = "IOM"
dateAdopted = "2016-05"

[[fact]]
line = "person: Zed | director"
kind = "person"
s = "z"
role = "مدير عام مكتب الشؤون الخارجية"

[[trap]]
line = "planned (not held): a workshop in 2017-09"
s = { type = "Meeting" }
startDate = "2017-09"

[[trap]]
line = "planned (not held): a meeting in Geneva hosted by Germany"
s = { label = "Planned one" }
location = "Geneva"
hostedBy = "Germany"

[[unscored]]
line = "figure: something"
why = "no term"
"""


@pytest.fixture()
def tiny(tmp_path):
    keys = tmp_path / "keys"
    (keys / "tiny").mkdir(parents=True)
    (keys / "tiny" / "set.toml").write_text(TINY_SET, encoding="utf-8")
    (keys / "tiny" / "d1.toml").write_text(TINY_DOC, encoding="utf-8")
    nq = tmp_path / "tiny.nq"
    nq.write_text(tiny_graph(), encoding="utf-8")
    return keys, nq


def test_exact_figures_on_a_tiny_graph(tiny):
    keys, nq = tiny
    keyset = load_set(keys / "tiny")
    assert problems(keyset, strict=True) == []
    r = score(Graph.from_nquads(nq), keyset)
    got = {name: (t.required, t.found, t.judged, t.correct) for name, t in r.families.items()}
    # meetings: 7 required (endDate missing); judged: 6 right on m1 + the optional count, and the
    # two trapped facts (a held date, a host of a planned meeting)
    assert got["meetings"] == (7, 6, 9, 7)
    assert got["topics"] == (2, 1, 1, 1)               # diaspora missing
    assert got["actors"] == (3, 1, 3, 1)               # wrong affiliation; a role that runs on is wrong
    assert got["commitments"] == (2, 1, 2, 2)          # "2016" is right but does not find "2016-05"
    o = r.overall
    assert (o.required, o.found, o.judged, o.correct) == (14, 9, 15, 11)
    assert o.recall == pytest.approx(9 / 14) and o.precision == pytest.approx(11 / 15)
    assert [(t.line, [e.p for e in hits]) for _, t, hits in r.violations] == [
        ("planned (not held): a workshop in 2017-09", ["startDate"]),
        ("planned (not held): a meeting in Geneva hosted by Germany", ["hostedBy"])]
    assert r.traps == 2
    assert sorted((e.s.value, e.p, e.o.value) for e in r.unjudged) == [
        (ID + "event/m2", "location", ID + "place/geneva"), (ID + "event/m3", "location", ID + "place/geneva"),
        (ID + "person/y", "role", "مستشار")]
    assert (r.paragraphs_with_facts, r.paragraphs) == (2, 3)
    assert r.unscored == 1
    missed = sorted((kf.predicate, str(kf.item)) for _, kf in r.misses)
    assert missed == [("addresses", "diaspora"), ("affiliation", "Morocco"), ("dateAdopted", "2016-05"),
                      ("endDate", "2017-06-30"), ("role", "مدير عام مكتب الشؤون الخارجية")]


def test_command_line_prints_json_for_an_nquads_export(tiny, capsys):
    keys, nq = tiny
    assert main(["--keys", str(keys), "--nquads", f"tiny={nq}", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out[0]["set"] == "tiny"
    assert out[0]["families"]["overall"]["recall"] == pytest.approx(9 / 14)
    assert out[0]["families"]["overall"]["precision"] == pytest.approx(11 / 15)
    assert [v["line"] for v in out[0]["trap_violations"]] == [
        "planned (not held): a workshop in 2017-09", "planned (not held): a meeting in Geneva hosted by Germany"]
    assert out[0]["paragraphs_with_facts"] == 2


def test_a_set_without_texts_is_skipped(tiny, capsys):
    keys, _ = tiny
    assert main(["--keys", str(keys)]) == 0
    assert "tiny: texts not present locally; skipped" in capsys.readouterr().out


def test_a_set_whose_folder_holds_no_text_is_skipped(tmp_path):
    from bench.extraction_quality import find_corpus
    keys = tmp_path / "keys" / "blind"
    keys.mkdir(parents=True)
    (keys / "set.toml").write_text('name = "blind"\ncorpus = ["%s"]\ntexts = ["*.txt"]\n' % (tmp_path / "texts"),
                                   encoding="utf-8")
    (keys / "d1.toml").write_text('[[fact]]\ns = "A"\nhostedBy = "B"\n', encoding="utf-8")
    ks = load_set(keys)
    assert find_corpus(ks) is None                       # no folder
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "manifest.toml").write_text("", encoding="utf-8")
    (tmp_path / "texts" / "notes.md").write_text("x", encoding="utf-8")
    assert find_corpus(ks) is None                       # a manifest and a non-text only
    (tmp_path / "texts" / "d1.txt").write_text("x", encoding="utf-8")
    assert find_corpus(ks) == (tmp_path / "texts").resolve()


@pytest.mark.parametrize("body, message", [
    ('[[fact]]\ns = "A"\nhosted = "B"\n', "'hosted' is not a scored predicate"),
    ('[[fact]]\ns = "A"\nhostedBy = "@nobody"\n', "@nobody is not a subject declared"),
    ('[[trap]]\ns = "A"\nline = "planned"\n', "a trap needs at least one forbidden fact"),
    ('[[fact]]\nhostedBy = "B"\n', "no subject 's'"),
])
def test_bad_key_files_name_the_file_and_table(tmp_path, body, message):
    path = tmp_path / "d9.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(KeyError_) as err:
        load_document(path)
    assert str(path) in str(err.value) and message in str(err.value)


@pytest.mark.parametrize("keyset", sorted(d.name for d in KEYS.iterdir() if (d / "set.toml").is_file()))
def test_committed_keys_load_and_match_their_stated_counts(keyset):
    ks = load_set(KEYS / keyset)
    assert ks.documents, keyset
    assert problems(ks) == []


def test_only_the_sets_texts_and_manifest_are_built(tmp_path):
    from bench.extraction_quality import texts_of
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name in ("01-a.ar.txt", "02-b.ar.txt", "answers.md", "README.md", "manifest.toml"):
        (corpus / name).write_text("x", encoding="utf-8")
    (tmp_path / "work").mkdir()
    out = texts_of(corpus, ("*.ar.txt",), tmp_path / "work")
    assert sorted(p.name for p in out.iterdir()) == ["01-a.ar.txt", "02-b.ar.txt", "manifest.toml"]


def test_a_text_the_builder_refuses_is_left_out_and_named(tmp_path):
    from bench.extraction_quality import build_texts
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "good.ar.txt").write_text(
        "تقرير قصير\n\n1 - عقد الاجتماع الأول للمنتدى العالمي المعني بالهجرة والتنمية في بروكسل في تموز/يوليه 2007.\n",
        encoding="utf-8")
    (folder / "bad.ar.txt").write_text("عنوان فقط\n", encoding="utf-8")
    (folder / "manifest.toml").write_text('["good.ar.txt"]\nslug = "good"\nlanguage = "ar"\ntitle_ar = "تقرير قصير"\n'
                                          '\n["bad.ar.txt"]\nslug = "bad"\nlanguage = "ar"\ntitle_ar = "عنوان"\n',
                                          encoding="utf-8")
    refused = build_texts(folder, tmp_path / "store")
    assert [name for name, _ in refused] == ["bad.ar.txt"]
    assert refused[0][1]                                     # the builder's own message
    assert (folder / "good.ar.txt").exists() and not (folder / "bad.ar.txt").exists()
    graph = Graph.from_nquads(_export(tmp_path / "store", tmp_path / "out.nq"))
    assert "good" in graph.graph_of and "bad" not in graph.graph_of


def _export(store, out):
    from bench.extraction_quality import _run
    _run(["export", "--store", str(store), "--format", "nquads", "--out", str(out)])
    return out


PUB_DOC = """
document = "d1"

[subjects]
brief = { label_contains = "Remittances Brief" }

[[fact]]
line = "publication: the Remittances Brief, issued by the World Bank"
kind = "publication"
s = "brief"
producedBy = "World Bank"

[[fact]]
line = "recommendation: produced by the session"
kind = "recommendation"
s = "Recommendation one"
producedBy = "Session one"

[[trap]]
line = "role trap: Egypt is ranked by the brief, it does not issue it"
s = "brief"
producedBy = "Egypt"
"""


def test_a_keys_producedBy_on_a_publication_is_the_graphs_publishedBy(tmp_path):
    q = Quads()
    for node, label in {"publication/brief": "Remittances Brief 2030", "org/wb": "World Bank", "state/EGY": "Egypt",
                        "commitment/r1": "Recommendation one", "event/s1": "Session one"}.items():
        q.add(ID + node, SKOS + "prefLabel", (label, "@en"), REF)
    q.add(ID + "paragraph/d1/p1", RDF + "type", MDKG + "Paragraph", DOC)
    q.fact(ID + "publication/brief", "publishedBy", ID + "org/wb", "p1")      # the key's producedBy
    q.fact(ID + "publication/brief", "publishedBy", ID + "state/EGY", "p1")   # the trap
    q.fact(ID + "commitment/r1", "producedBy", ID + "event/s1", "p1")         # the ontology's producedBy still scores
    keys = tmp_path / "keys" / "pub"
    keys.mkdir(parents=True)
    (keys / "set.toml").write_text('name = "pub"\ncorpus = []\n', encoding="utf-8")
    (keys / "d1.toml").write_text(PUB_DOC, encoding="utf-8")
    nq = tmp_path / "pub.nq"
    nq.write_text(q.text(), encoding="utf-8")
    r = score(Graph.from_nquads(nq), load_set(keys))
    t = r.families["commitments"]
    assert (t.required, t.found, t.judged, t.correct) == (2, 2, 3, 2)
    assert [(t.line, [(e.p, e.o.value) for e in hits]) for _, t, hits in r.violations] == [
        ("role trap: Egypt is ranked by the brief, it does not issue it", [("publishedBy", ID + "state/EGY")])]
