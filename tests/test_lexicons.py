"""Tests of the value lexicons (lexicons/*.toml) and their reader: every file is found and well
formed, and a malformed file gives an error that names the file (and the line)."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from graph_builder.text.arabic import fold
from graph_builder.resources import data_dir
from graph_builder.values import LexiconError, lexicon
from graph_builder.values.dates import load_months

ROOT = Path(__file__).resolve().parent.parent
NAMES = ("months", "dates", "ordinals", "numbers", "amounts")


@pytest.mark.parametrize("name", NAMES)
def test_every_lexicon_is_found_and_read(name):
    path = lexicon.lexicon_path(name)
    assert path.parent == data_dir("lexicons") and path.is_file()
    assert lexicon.load(name)


def test_the_wheel_ships_the_lexicons():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert include["lexicons"] == "graph_builder/_data/lexicons"
    assert (ROOT / "lexicons").is_dir()


def test_every_month_system_names_twelve_months_and_the_regional_forms():
    systems = {s["id"]: s for s in lexicon.load("months")["system"]}
    assert {"levantine", "egyptian-gulf", "moroccan", "algerian-tunisian", "english", "hijri"} <= set(systems)
    assert all(len(s["months"]) == 12 for s in systems.values())
    moroccan = [m[0] for m in systems["moroccan"]["months"]]
    assert [moroccan[i] for i in (4, 6, 7, 8, 10, 11)] == ["ماي", "يوليوز", "غشت", "شتنبر", "نونبر", "دجنبر"]
    algerian = [m[0] for m in systems["algerian-tunisian"]["months"]]
    assert [algerian[i] for i in (0, 1, 3, 5, 6, 7)] == ["جانفي", "فيفري", "أفريل", "جوان", "جويلية", "أوت"]


def test_currency_codes_are_iso_4217():
    import pycountry
    data = lexicon.load("amounts")
    codes = {q["code"] for c in data["currency"] for q in c["qualified"]} | \
        {c["bare"] for c in data["currency"] if "bare" in c} | set(data["symbols"].values())
    assert all(pycountry.currencies.get(alpha_3=code) for code in codes), codes


def test_no_word_is_listed_twice_with_two_meanings():
    data = lexicon.load("dates")
    for table in ("weekdays", "relative_days", "directions"):
        seen: dict[str, int] = {}
        for word, value in data[table].items():
            assert seen.setdefault(fold(word), value) == value, (table, word)


def test_invalid_toml_names_the_file_and_line(tmp_path):
    path = tmp_path / "months.toml"
    with pytest.raises(LexiconError, match=r"months\.toml: invalid TOML: .*line 2"):
        lexicon.parse(path, '[[system]]\nid = "x\n')


@pytest.mark.parametrize("text, message", [
    ('[[system]]\nid = "x"\ncalendar = "julian"\nmonths = []\nambiguous = []\n', "calendar must be"),
    ('[[system]]\nid = "x"\ncalendar = "gregorian"\nmonths = [["a"]]\nambiguous = []\n', "must list 12 months"),
    ('[[system]]\nid = "x"\ncalendar = "gregorian"\nmonths = [' + ", ".join(['["يناير"]'] * 12)
     + ']\nambiguous = []\n', "names month 2 here and 1"),
    ('[[system]]\nid = "x"\ncalendar = "gregorian"\nmonths = [' + ", ".join(f'["m{i}"]' for i in range(12))
     + ']\nambiguous = "m1"\n', "'ambiguous' must be an array"),
])
def test_malformed_months_name_the_file(tmp_path, text, message):
    path = tmp_path / "months.toml"
    with pytest.raises(LexiconError, match=message) as err:
        load_months(lexicon.parse(path, text), str(path))
    assert str(path) in str(err.value)


def test_a_missing_lexicon_names_its_path():
    with pytest.raises(LexiconError, match=r"no-such-lexicon\.toml: lexicon file not found"):
        lexicon.load("no-such-lexicon")
