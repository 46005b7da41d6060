"""The project's gazetteer on the name variants of each region's press, and on their look-alikes.

Sentences written for these tests; each reproduces a construction of a register (UN report,
IOM/ILO press release, Maghrebi, Gulf, Egyptian and Levantine press, a regional process's
communiqué). Real gazetteer files, the project's matcher.
"""
import pytest

from gold_facts import real_matcher


@pytest.fixture(scope="module")
def matcher():
    return real_matcher()


def found(matcher, text, previous=()):
    return [(m.surface, "/".join(m.entity.key)) for m in matcher.find(text, previous)]


def keys(matcher, text, previous=()):
    return {k for _, k in found(matcher, text, previous)}


@pytest.mark.parametrize("text,expected", [
    # one organisation named several ways
    ("وقعت منظمة الهجرة الدولية اتفاقا مع الحكومة", ("منظمة الهجرة الدولية", "org/iom")),
    ("أعلنت المنظمة العالمية للهجرة عن برنامج جديد", ("المنظمة العالمية للهجرة", "org/iom")),
    ("بحضور ممثل المنظمة الدولية للهجرة (OIM) بالرباط", ("OIM", "org/iom")),
    ("صرح متحدث باسم وكالة الأمم المتحدة للهجرة", ("وكالة الأمم المتحدة للهجرة", "org/iom")),
    ("اختتمت أشغال المنتدى العالمي حول الهجرة والتنمية", ("المنتدى العالمي حول الهجرة والتنمية", "process/gfmd")),
    ("انعقدت قمة المنتدى العالمي للهجرة والتنمية (FMMD)", ("FMMD", "process/gfmd")),
    ("قال المدير العام لمكتب العمل الدولي إن", ("مكتب العمل الدولي", "org/ilo")),
    ("دعت منظمة العمل الدولي الحكومات", ("منظمة العمل الدولي", "org/ilo")),
    ("بالتعاون مع مكتب منظمة العمل الدولية (OIT)", ("OIT", "org/ilo")),
    ("أكدت مفوضية اللاجئين أن عدد الوافدين", ("مفوضية اللاجئين", "org/unhcr")),
    ("وحسب المفوضية العليا للاجئين فإن", ("المفوضية العليا للاجئين", "org/unhcr")),
    ("أصدرت المفوضية السامية للأمم المتحدة لشؤون اللاجئين بيانا", ("المفوضية السامية للأمم المتحدة لشؤون اللاجئين", "org/unhcr")),
    ("ألقى كلمة أمام المنظمة الأممية", ("المنظمة الأممية", "org/un")),
    ("طالب هيئة الأمم المتحدة بالتدخل", ("هيئة الأمم المتحدة", "org/un")),
    ("بمقر الجامعة العربية في القاهرة", ("الجامعة العربية", "org/las")),
    ("شاركت مفوضية الاتحاد الإفريقي في الندوة", ("مفوضية الاتحاد الإفريقي", "org/au-commission")),
    ("أعلن الاتحاد الإفريقي", ("الاتحاد الإفريقي", "org/au")),
    ("أعلن الاتحاد الأوربي عن تمويل", ("الاتحاد الأوربي", "org/eu")),
    ("وقعت المفوضية الأوربية اتفاقا", ("المفوضية الأوربية", "org/european-commission")),
    ("دعت المجموعة الاقتصادية لدول غرب إفريقيا", ("المجموعة الاقتصادية لدول غرب إفريقيا", "org/ecowas")),
    ("قررت قمة سيدياو في أبوجا", ("سيدياو", "org/ecowas")),
    ("وقعت مفوضية الإيكواس مذكرة", ("مفوضية الإيكواس", "org/ecowas-commission")),
    ("اجتماع وزراء دول الإيقاد في جيبوتي", ("الإيقاد", "org/igad")),
    ("بدعم من يونيسف", ("يونيسف", "org/unicef")),
    ("بحسب تقديرات كنوماد", ("كنوماد", "org/knomad")),
    ("تقرير مجموعة البنك الدولي عن التحويلات", ("مجموعة البنك الدولي", "org/world-bank")),
    ("تعاني الأونروا عجزا في ميزانيتها", ("الأونروا", "org/unrwa")),
    ("اجتماع منظمة العمل العربية في القاهرة", ("منظمة العمل العربية", "org/arab-labour-organization")),
    ("أعلنت وزارة الدولة للهجرة وشئون المصريين بالخارج", ("وزارة الدولة للهجرة وشئون المصريين بالخارج", "org/egypt-ministry-emigration")),
    ("أقر المجلس الاقتصادي والاجتماعي العربي الاستراتيجية", ("المجلس الاقتصادي والاجتماعي العربي", "org/arab-economic-social-council")),
    ("قرار المجلس الاقتصادي والاجتماعي بشأن الهجرة", ("المجلس الاقتصادي والاجتماعي", "org/ecosoc")),
    # processes: عملية / مسار / مسلسل, acronyms, long UN titles
    ("شارك العراق في المؤتمر الوزاري لمسار بودابست", ("مسار بودابست", "process/budapest-process")),
    ("انخرط المغرب في مسلسل الرباط منذ انطلاقه", ("مسلسل الرباط", "process/rabat-process")),
    ("الدول الأعضاء في مسار كولومبو", ("مسار كولومبو", "process/colombo-process")),
    ("اجتماع كبار المسؤولين لعملية الخرطوم", ("عملية الخرطوم", "process/khartoum-process")),
    ("عقد الحوار المعني بالهجرة في غرب أفريقيا (MIDWA) اجتماعه", ("الحوار المعني بالهجرة في غرب أفريقيا", "process/midwa")),
    ("تناول حوار 5+5 حول الهجرة قضايا العبور", ("حوار 5+5 حول الهجرة", "process/five-plus-five-dialogue")),
    ("اجتماع العملية التشاورية العربية الإقليمية حول الهجرة وشؤون اللاجئين",
     ("العملية التشاورية العربية الإقليمية حول الهجرة وشؤون اللاجئين", "process/arcp")),
    ("أطلقت شراكة طرق الحرير من أجل الهجرة", ("شراكة طرق الحرير من أجل الهجرة", "process/silk-routes-partnership")),
    ("تضم العملية الاستشارية الإقليمية المعنية بالهجرة التابعة للإيغاد ثماني دول",
     ("العملية الاستشارية الإقليمية المعنية بالهجرة التابعة للإيغاد", "process/igad-rcp")),
    ("رحب الوزراء بعمل الفريق التوجيهي لعملية بالي", ("الفريق التوجيهي لعملية بالي", "body/bali-process-steering-group")),
    ("اجتمعت لجنة تسيير مسلسل الرباط في داكار", ("لجنة تسيير مسلسل الرباط", "body/rabat-process-steering-committee")),
    ("الدول الأعضاء في الكوميسا", ("الكوميسا", "org/comesa")),
    # global instruments
    ("اعتمد الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية في مراكش",
     ("الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية", "commitment/gcm")),
    ("صادقت الدول على الميثاق العالمي للهجرة", ("الميثاق العالمي للهجرة", "commitment/gcm")),
    ("تنفيذ الميثاق العالمي بشأن اللاجئين", ("الميثاق العالمي بشأن اللاجئين", "commitment/gcr")),
    ("اعتمدت الجمعية العامة إعلان نيويورك من أجل اللاجئين والمهاجرين",
     ("إعلان نيويورك من أجل اللاجئين والمهاجرين", "commitment/new-york-declaration")),
    ("الهدف 10 من خطة التنمية المستدامة لعام ٢٠٣٠", ("خطة التنمية المستدامة لعام ٢٠٣٠", "commitment/agenda-2030")),
    ("دعا إلى التصديق على اتفاقية العمال المنزليين", ("اتفاقية العمال المنزليين", "commitment/ilo-convention-189")),
    ("لم تصادق على الاتفاقية رقم ١٨٩ بعد", ("الاتفاقية رقم ١٨٩", "commitment/ilo-convention-189")),
    ("تطبيق التوصية رقم 201 المرافقة", ("التوصية رقم 201", "commitment/ilo-recommendation-201")),
    ("الانضمام إلى الاتفاقية الدولية لحماية حقوق جميع العمال المهاجرين وأفراد أسرهم",
     ("الاتفاقية الدولية لحماية حقوق جميع العمال المهاجرين وأفراد أسرهم", "commitment/icrmw")),
    ("الدول الأطراف في الاتفاقية الخاصة بوضع اللاجئين", ("الاتفاقية الخاصة بوضع اللاجئين", "commitment/refugee-convention-1951")),
    ("بروتوكول مكافحة تهريب المهاجرين عن طريق البر والبحر والجو",
     ("بروتوكول مكافحة تهريب المهاجرين عن طريق البر والبحر والجو", "commitment/smuggling-protocol")),
    ("صادقت على اتفاقية كمبالا لحماية النازحين", ("اتفاقية كمبالا", "commitment/kampala-convention")),
    ("في إطار سنداي للحد من مخاطر الكوارث", ("إطار سنداي للحد من مخاطر الكوارث", "commitment/sendai-framework")),
    ("موارد الصندوق الائتماني الأوروبي للطوارئ من أجل أفريقيا", ("الصندوق الائتماني الأوروبي للطوارئ من أجل أفريقيا", "commitment/eutf-africa")),
    ("قدمت آلية رؤساء البلديات توصياتها", ("آلية رؤساء البلديات", "body/gfmd-mayors-mechanism")),
    # host cities, regional spellings
    ("احتضنت العاصمة السويدية استوكهولم الاجتماع", ("العاصمة السويدية استوكهولم", "place/stockholm")),  # capital phrase + city
    ("انعقدت القمة في بويرتو فالارتا", ("بويرتو فالارتا", "place/puerto-vallarta")),
    ("المؤتمر الذي عقد في بروكسيل", ("بروكسيل", "place/brussels")),
    ("القمة الأفريقية الأوروبية في لافاليت", ("لافاليت", "place/valletta")),
    ("المؤتمر الوزاري في إزولويني", ("إزولويني", "place/ezulwini")),
    ("اجتماعه الثالث عشر في نيو أورلينز", ("نيو أورلينز", "place/new-orleans")),
    ("اعتمد الميثاق في مراكش", ("مراكش", "place/marrakech")),
    ("انعقدت القمة السادسة ببور لويس", ("بور لويس", "place/port-louis")),
    # states as the regional press writes them
    ("وفد من روسيا البيضاء", ("روسيا البيضاء", "state/BLR")),
    ("سلطان بروناي دار السلام", ("بروناي دار السلام", "state/BRN")),
    ("العمال القادمين من الفيليبين", ("الفيليبين", "state/PHL")),
])
def test_regional_variant_is_recognised(matcher, text, expected):
    assert expected in found(matcher, text)


@pytest.mark.parametrize("text,unwanted", [
    ("طلاب الجامعة العربية المفتوحة في الكويت", "org/las"),              # a university, not the League
    ("أكدت الدراسة على إيجاد حلول للهجرة", "org/igad"),                  # إيجاد "finding", not IGAD
    ("اعتمدت الاتفاقية رقم 1890 لعام", "commitment/ilo-convention-189"),  # another number
    ("الاتفاقية رقم 97 مكرر", "commitment/ilo-convention-189"),
    ("مسار التفاوض بين الطرفين", "process/budapest-process"),
    ("قال الباي في خطابه", "place/pailles"),                           # باي is a word and a title
    ("باي باي", "place/pailles"),
    ("مدينة الرباطية", "place/rabat"),
])
def test_look_alike_is_not_recognised(matcher, text, unwanted):
    assert unwanted not in keys(matcher, text)


@pytest.mark.parametrize("month", [
    "كانون الثاني", "كانون الأول", "تشرين الأول", "تشرين الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
    "تموز", "آب", "أيلول", "يناير", "فبراير", "مارس", "أبريل", "ماي", "مايو", "يونيو", "يوليوز", "يوليو",
    "غشت", "أغسطس", "شتنبر", "سبتمبر", "أكتوبر", "نونبر", "نوفمبر", "دجنبر", "ديسمبر", "جانفي", "فيفري",
    "أفريل", "جوان", "جويلية", "أوت", "فاتح",
])
def test_month_names_of_every_region_name_no_place(matcher, month):
    """A month is never read as a place, state or region (exactly or by the OCR-slip rule)."""
    text = f"انعقد الاجتماع في 12 {month} 2016 بمشاركة الوفود."
    assert not [k for k in keys(matcher, text) if k.split("/")[0] in ("place", "state", "region")], month


def test_short_forms_resolve_to_the_instrument_named_before(matcher):
    text = ("اعتمدت الدول الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية، "
            "وأكد الوزير أن الاتفاق العالمي غير ملزم.")
    got = found(matcher, text)
    assert got[-1] == ("الاتفاق العالمي", "commitment/gcm")
    refugees = "رحب المؤتمر بالاتفاق العالمي بشأن اللاجئين. ويستند الميثاق العالمي إلى مبدأ تقاسم الأعباء."
    assert found(matcher, refugees)[-1] == ("الميثاق العالمي", "commitment/gcr")
    # no antecedent: the short form names nothing
    assert "commitment/gcm" not in keys(matcher, "وأكد الوزير أن الاتفاق العالمي غير ملزم.")


def test_the_declaration_is_the_new_york_declaration_only_after_it_is_named(matcher):
    text = "اعتمدت الجمعية العامة إعلان نيويورك من أجل اللاجئين والمهاجرين. ويتضمن الإعلان التزامات بحماية اللاجئين."
    assert ("الإعلان", "commitment/new-york-declaration") in found(matcher, text)
    assert "commitment/new-york-declaration" not in keys(matcher, "ويتضمن الإعلان التزامات بحماية اللاجئين.")


def test_the_international_organisation_is_whichever_was_named_last(matcher):
    """«المنظمة الدولية»: the UN in the Egyptian press after the UN is named, IOM after IOM."""
    un = "قمة الأمم المتحدة للاجئين. عقدت القمة بمقر المنظمة الدولية في نيويورك."
    assert ("المنظمة الدولية", "org/un") in found(matcher, un)
    iom = "وقعت المنظمة الدولية للهجرة اتفاقا. وقالت المنظمة الدولية إن البرنامج يشمل ثمانية بلدان."
    assert found(matcher, iom)[-1] == ("المنظمة الدولية", "org/iom")
    assert keys(matcher, "وقالت المنظمة الدولية إن البرنامج يشمل ثمانية بلدان.") == set()


def test_a_short_place_name_only_after_its_full_name(matcher):
    assert found(matcher, "عقد المؤتمر في مدينة باي قرب بورت لويس، واستمرت أعماله في باي يومين.") == [
        ("مدينة باي", "place/pailles"), ("بورت لويس", "place/port-louis"), ("باي", "place/pailles")]


def test_a_rule_minted_entity_on_a_gazetteer_key_is_the_gazetteer_entity(matcher, tmp_path):
    """The convention rule mints ilo-convention-N from text; the gazetteer holds the same key, so the
    fact names the gazetteer's entity and the report's graph does not re-label it as from text."""
    from graph_builder.text.corpus import read_document
    from graph_builder.namespaces import MDKG, Base
    from graph_builder.build.pipeline import analyse, document_quads
    path = tmp_path / "report.ar.txt"
    path.write_text("تقرير\n\n1 - ودعا الفريق إلى التصديق على اتفاقية منظمة العمل الدولية رقم 189 بشأن العمال المنزليين.\n",
                    encoding="utf-8")
    result = analyse(read_document(path), matcher, matcher.gazetteer)
    conv = [f.subject for f in result.facts if f.subject.key == ("commitment", "ilo-convention-189")]
    assert conv, [(f.subject.key, f.predicate) for f in result.facts]
    assert all(not e.from_text and e.label_en == "Domestic Workers Convention, 2011 (No. 189)" for e in conv)
    assert any(f.predicate == "adoptedBy" and f.object.key == ("org", "ilo") for f in result.facts
               if f.subject.key == conv[0].key)
    base = Base()
    assert not [q for q in document_quads(result, base) if q.predicate == MDKG.fromText
                and q.subject == base.id("commitment", "ilo-convention-189")]
