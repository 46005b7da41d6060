"""Held-out proxies: our own competency questions on the bundled reports (tests/data/cq-extra.json) and
on a UN-style report written for MDKG that the rules were not written against
(tests/data/heldout/, with tests/data/heldout/cq.json), each built by the real pipeline and scored by
a copy of the project's question scorer (tests/data/eval/run_cq.py). Asserts macro F1 floors equal to
what the builder achieves now, so a regression fails; also the data fixes found by these questions,
one sentence each. Does not fit anything to the questions: they are only read, never by the builder."""
from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from graph_builder.recognise.gazetteer import load_gazetteer
from graph_builder.recognise.matcher import Matcher

DATA = Path(__file__).parent / "data"
# Floors = macro F1 measured on main (stop 13: cq-extra 0.969, heldout 0.910); raise them when work lands.
FLOOR_EXTRA = 0.96
FLOOR_HELDOUT = 0.90


def _scorer():
    spec = importlib.util.spec_from_file_location("run_cq", DATA / "eval" / "run_cq.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def macro_f1(store: Path, questions: Path) -> tuple[float, list]:
    rc = _scorer()
    spec = json.loads(questions.read_text(encoding="utf-8"))
    graph, cache, rows = rc.open_graph(store), {}, []
    for q in spec["questions"]:
        q["prefixes"] = spec.get("prefixes", "")
        p, r, _, err = rc.score(graph, q, cache)
        assert not err, f"{q['id']}: {err}"
        rows.append((q["id"], 2 * p * r / (p + r) if p + r else 0.0))
    return sum(f for _, f in rows) / len(rows), rows


def test_question_files_are_well_formed():
    for path in (DATA / "cq-extra.json", DATA / "heldout" / "cq.json"):
        spec = json.loads(path.read_text(encoding="utf-8"))
        ids = [q["id"] for q in spec["questions"]]
        assert len(ids) == len(set(ids)) and len(ids) >= 20, path
        assert all(q["expect"] and q["sparql"].lstrip().upper().startswith("SELECT") for q in spec["questions"])


def test_extra_questions_on_bundled_reports_keep_their_floor(built_store):
    f1, rows = macro_f1(built_store, DATA / "cq-extra.json")
    assert f1 >= FLOOR_EXTRA, f"macro F1 {f1:.3f} < {FLOOR_EXTRA}: {[r for r in rows if r[1] < 1]}"


@pytest.fixture(scope="module")
def heldout_store(tmp_path_factory):
    from graph_builder.build.pipeline import build
    corpus = tmp_path_factory.mktemp("heldout-corpus")
    for f in [*(DATA / "heldout").glob("*.ar.md"), DATA / "heldout" / "manifest.toml"]:
        shutil.copy(f, corpus / f.name)
    store = tmp_path_factory.mktemp("heldout-built") / "store"
    build(corpus, store)
    return store


def test_heldout_report_questions_keep_their_floor(heldout_store):
    f1, rows = macro_f1(heldout_store, DATA / "heldout" / "cq.json")
    assert f1 >= FLOOR_HELDOUT, f"macro F1 {f1:.3f} < {FLOOR_HELDOUT}: {[r for r in rows if r[1] < 1]}"


# ---- data fixes found by the held-out questions (one written sentence each)

@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_gazetteer())


def test_recruitment_costs_name_the_migration_costs_topic(matcher):
    text = "وتتناول العملية تكاليف التوظيف ورسوم التوظيف التي يتحملها العمال."
    keys = {"/".join(m.entity.key) for m in matcher.find(text, ())}
    assert "topic/migration-costs" in keys


def test_germany_development_ministry_is_a_government_body_of_germany(matcher):
    text = "وتمول الشراكة الوزارة الاتحادية للتعاون الاقتصادي والتنمية في ألمانيا."
    found = {"/".join(m.entity.key): m.entity for m in matcher.find(text, ())}
    assert "org/germany-bmz" in found


@pytest.mark.parametrize("text,key", [
    # UN report register: funds and facilities named in full
    ("ويدير البرنامج صندوق تحقيق الأهداف الإنمائية للألفية الذي تموله حكومة إسبانيا.", "commitment/mdg-achievement-fund"),
    ("وأنشأت حكومة إسبانيا والجماعة صندوق الجماعة وإسبانيا الخاص بالهجرة والتنمية.", "commitment/ecowas-spain-fund"),
    ("وحصل مرفق المجموعة للهجرة على مبلغ من صندوق التنمية الأوروبي.", "commitment/acp-migration-facility"),
    ("ويدير الصندوق مرفق تمويل التحويلات المالية الذي يموله الاتحاد الأوروبي.", "commitment/ifad-financing-facility-for-remittances"),
    ("وأسهمت ألمانيا في صندوق بدء التشغيل من أجل الهجرة الآمنة والمنظمة والنظامية.", "commitment/migration-mptf"),
    ("واعتمد مؤتمر القمة إعلان فاليتا وخطة عمل فاليتا.", "commitment/valletta-political-declaration"),
    ("وأطلقت منظمة العمل الدولية مبادرة التوظيف العادل في عام 2014.", "commitment/ilo-fair-recruitment-initiative"),
    ("وأنشأ الاتحاد صندوق الاتحاد الأوروبي الاستئماني للطوارئ من أجل أفريقيا.", "commitment/eutf-africa"),
])
def test_commitment_identities_found_by_the_heldout_questions(matcher, text, key):
    assert key in {"/".join(m.entity.key) for m in matcher.find(text, ())}
