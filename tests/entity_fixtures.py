"""Shared test material for the entity-recognition tests: a small gazetteer written to a
temporary folder (in the agreed TOML format), and where the bundled corpus is.

Used by test_gazetteer.py, test_matcher.py and test_mention_quality.py; not a test itself.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

FILES = {
    "orgs.toml": '''
[[entity]]
slug = "iom"
kind = "org"
class = "InternationalOrganization"
en = "International Organization for Migration"
ar = "المنظمة الدولية للهجرة"
ar_alt = ["منظمة الهجرة الدولية"]
acronyms = ["IOM"]
ar_ambiguous = ["المنظمة"]

[[entity]]
slug = "ilo"
kind = "org"
class = "UNEntity"
en = "International Labour Organization"
ar = "منظمة العمل الدولية"
acronyms = ["ILO"]
ar_ambiguous = ["المنظمة"]

[[entity]]
slug = "ohchr"
kind = "org"
class = "UNEntity"
en = "Office of the United Nations High Commissioner for Human Rights"
ar = "مفوضية الأمم المتحدة السامية لحقوق الإنسان"
acronyms = ["OHCHR"]
ar_ambiguous = ["المفوضية"]

[[entity]]
slug = "unhcr"
kind = "org"
class = "UNEntity"
en = "Office of the United Nations High Commissioner for Refugees"
ar = "مفوضية الأمم المتحدة لشؤون اللاجئين"
acronyms = ["UNHCR"]
ar_ambiguous = ["المفوضية"]

[[entity]]
slug = "escwa"
kind = "org"
class = "UNEntity"
en = "Economic and Social Commission for Western Asia"
ar = "اللجنة الاقتصادية والاجتماعية لغربي آسيا"
ar_alt = ["الإسكوا"]
acronyms = ["ESCWA"]
ar_ambiguous = ["اللجنة"]

[[entity]]
slug = "eca"
kind = "org"
class = "UNEntity"
en = "Economic Commission for Africa"
ar = "اللجنة الاقتصادية لأفريقيا"
acronyms = ["ECA"]
ar_ambiguous = ["اللجنة"]

[[entity]]
slug = "unicef"
kind = "org"
class = "UNEntity"
en = "United Nations Children's Fund"
ar = "منظمة الأمم المتحدة للطفولة"
ar_alt = ["اليونيسيف"]
acronyms = ["UNICEF"]

[[entity]]
slug = "european-commission"
kind = "org"
class = "RegionalOrganization"
en = "European Commission"
ar = "المفوضية الأوروبية"
''',
    "processes.toml": '''
[[entity]]
slug = "gfmd"
kind = "process"
class = "GlobalProcess"
en = "Global Forum on Migration and Development"
ar = "المنتدى العالمي المعني بالهجرة والتنمية"
acronyms = ["GFMD"]
ar_ambiguous = ["المنتدى"]

[[entity]]
slug = "puebla-process"
kind = "process"
class = "RegionalConsultativeProcess"
en = "Puebla Process"
ar = "عملية بويبلا"
ar_alt = ["بويبلا"]
covers_region = ["latin-america"]
''',
    "places.toml": '''
[[entity]]
slug = "manila"
kind = "place"
class = "Place"
en = "Manila"
ar = "مانيلا"
ar_alt = ["مانابلا"]
in_state = "PHL"

[[entity]]
slug = "brussels"
kind = "place"
class = "Place"
en = "Brussels"
ar = "بروكسل"
in_state = "BEL"

[[entity]]
slug = "lima"
kind = "place"
class = "Place"
en = "Lima"
ar = "ليما"
in_state = "PER"
''',
    "topics.toml": '''
[[entity]]
slug = "remittances"
kind = "topic"
class = "Topic"
en = "Remittances"
ar = "التحويلات المالية"
definition_en = "Money sent home by migrants."
''',
    "states.toml": '''
[[entity]]
slug = "CHE"
un_status = "member"
en = "Switzerland"
ar = "سويسرا"
adjectives = ["السويسرية", "السويسري"]

[[entity]]
slug = "PHL"
un_status = "member"
en = "Philippines"
ar = "الفلبين"
adjectives = ["الفلبينية"]

[[entity]]
slug = "BEL"
un_status = "member"
en = "Belgium"
ar = "بلجيكا"
adjectives = ["البلجيكية"]

[[entity]]
slug = "PER"
un_status = "member"
en = "Peru"
ar = "بيرو"

[[entity]]
slug = "DEU"
un_status = "member"
en = "Germany"
ar = "ألمانيا"
''',
}


def write_gazetteer(directory: Path, files: dict[str, str] | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in (FILES if files is None else files).items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory
