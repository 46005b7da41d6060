"""How the service renders HTML: one bilingual string table, one page function, one look.

Every HTML page of the service (linked-data pages, the ontology, downloads, the named-query
catalogue, search, the SPARQL editor, 404s) is a Jinja template extending ``templates/base.html``, rendered by
:func:`html_page` with the strings of :data:`STRINGS` in the page's language (``?lang=ar``
right-to-left or ``?lang=en``; without it the ``Accept-Language`` header, English by default)
and the same security headers. Also here: the negotiation helpers pages share (:func:`wants_html`,
:func:`preferred_rdf_type`) and the 303 answer for an instance IRI (:func:`see_other`). This
module computes no page content (see ``page_model``) and runs no query of its own but the
existence check of :func:`see_other`.
"""
from __future__ import annotations

from urllib.parse import urlencode

from flask import Response, redirect, render_template, request

from graph_builder.service import iri_paths, jobs, negotiation, page_model
from graph_builder.service.iri_paths import EXTENSION_OF, LANGUAGES, RDF_EXTENSIONS
from graph_builder.service.jobs import QueryJob
from graph_builder.service.results import JSON_RESULTS
from graph_builder.service.state import current

HTML_TYPE = "text/html"
HTML_TYPES = ("text/html", "application/xhtml+xml")

STRINGS = {
    "en": {"site": "Migration & Development Knowledge Graph",
           "front": "Home", "editor": "SPARQL editor", "browse": "Browse", "pictures": "Pictures",
           "intro": "Arabic reports on international migration and development, read into a knowledge graph: "
                    "who works on what, where they met, what they committed to, each fact with the paragraph it comes from.",
           "search_placeholder": "Search in Arabic or English, e.g. التحويلات or remittances",
           "holds": "What the graph holds", "documents": "documents", "paragraphs_n": "paragraphs",
           "footnotes": "footnotes", "facts_n": "facts with evidence", "mentions": "mentions",
           "built": "Built", "entry_points": "Browse by kind", "questions": "Research questions",
           "questions_intro": "Each question is answered by a named query; its SPARQL is on the answer page.",
           "pictures_intro": "Pictures drawn from the graph, each with its data and its SPARQL.",
           "entities_n": "{n} entities", "filter": "Filter", "filter_placeholder": "words in a name or code",
           "label": "Name", "other_label": "Other name", "code": "Code", "n_paragraphs": "Paragraphs",
           "n_facts": "Facts", "sort_by": "Sort by {col}", "showing": "{n} of {total}",
           "data": "Data", "sparql": "SPARQL", "download": "Download", "needs_js": "This picture is drawn with "
           "JavaScript; its data is in the links below.", "evidence_for": "Evidence", "cite": "Cite as",
           "undocs": "document on undocs.org", "paragraph_page": "paragraph page", "no_evidence": "No paragraph states this.",
           "network_intro": "The network around an entity: open any entity page and follow “Network view”.",
           "in_document": "in", "hit": "{kind} {n}", "clear": "Clear",
           "skip": "Skip to content", "meetings": "meetings in the city", "kind_Paragraph": "Paragraph", "kind_Footnote": "Footnote", "home": "Query", "ontology": "Ontology",
           "dataset": "Dataset", "dumps": "Downloads", "labels": "Labels", "type": "Type",
           "codes": "Codes", "facts": "Facts", "incoming": "Referenced by", "evidence": "Evidence",
           "text": "Text", "addressed_by": "Addressed by", "paragraph": "paragraph",
           "evidence_more": "Showing {shown} of {total} paragraphs; all of them are in the RDF.",
           "as_data": "This page as data", "not_found": "Not found",
           "not_found_text": "The knowledge graph has no resource with this IRI.",
           "classes": "Classes", "properties": "Properties", "others": "Other terms",
           "rule": "rule", "confidence": "confidence", "network": "Network view",
           "queries": "Named queries", "search": "Search", "run": "Run", "optional": "optional",
           "example": "Example", "all_queries": "All named queries", "rows": "{n} rows.",
           "rows_range": "Rows {first}–{last}.", "next_page": "Next rows", "previous_page": "Previous rows",
           "download_all": "Every row as",
           "give_params": "Give {names} to run the query.", "entities": "Entities",
           "paragraphs": "Paragraphs", "words": "Words", "mentioned_in": "{n} paragraphs",
           "queries_intro": "{n} research queries over the graph; each runs as /queries/NAME?param=value "
                            "in JSON, XML, CSV or TSV (format= or Accept).",
           "endpoint": "SPARQL endpoint", "examples": "Example queries:", "choose_query": "— choose a named query —",
           "run_example": "Run example", "neighbourhood": "Entity neighbourhood:", "depth": "depth",
           "show_graph": "Show graph", "result_view": "Result view", "table": "Table", "graph": "Graph",
           "switch": "العربية"},
    "ar": {"site": "الرسم المعرفي للهجرة والتنمية",
           "front": "الرئيسية", "editor": "محرّر SPARQL", "browse": "تصفّح", "pictures": "الرسوم",
           "intro": "تقارير عربية عن الهجرة الدولية والتنمية، مقروءة في رسم معرفي: من يعمل على ماذا، وأين اجتمعوا، "
                    "وبمَ التزموا، وكل حقيقة مع الفقرة التي جاءت منها.",
           "search_placeholder": "ابحث بالعربية أو بالإنجليزية، مثل التحويلات أو remittances",
           "holds": "ما يحويه الرسم المعرفي", "documents": "وثائق", "paragraphs_n": "فقرة",
           "footnotes": "حاشية", "facts_n": "حقيقة موثّقة", "mentions": "إشارة",
           "built": "تاريخ البناء", "entry_points": "تصفّح بحسب النوع", "questions": "أسئلة بحثية",
           "questions_intro": "يجيب عن كل سؤال استعلامٌ مسمّى؛ ونصّ SPARQL الخاص به في صفحة الإجابة.",
           "pictures_intro": "رسوم مستخرجة من الرسم المعرفي، لكلٍّ منها بياناته ونص SPARQL الخاص به.",
           "entities_n": "{n} كيانًا", "filter": "تصفية", "filter_placeholder": "كلمات من الاسم أو الرمز",
           "label": "الاسم", "other_label": "الاسم الآخر", "code": "الرمز", "n_paragraphs": "الفقرات",
           "n_facts": "الحقائق", "sort_by": "رتّب بحسب {col}", "showing": "{n} من {total}",
           "data": "البيانات", "sparql": "SPARQL", "download": "تنزيل", "needs_js": "يُرسم هذا الشكل بلغة "
           "JavaScript؛ وبياناته في الروابط أدناه.", "evidence_for": "الأدلة", "cite": "يُستشهد به هكذا",
           "undocs": "الوثيقة على undocs.org", "paragraph_page": "صفحة الفقرة", "no_evidence": "لا توجد فقرة تذكر ذلك.",
           "network_intro": "الشبكة حول كيان: افتح صفحة أي كيان واتبع «عرض الشبكة».",
           "in_document": "في", "hit": "{kind} {n}", "clear": "مسح",
           "skip": "انتقل إلى المحتوى", "meetings": "اجتماعات في المدينة", "kind_Paragraph": "الفقرة", "kind_Footnote": "الحاشية", "home": "الاستعلام", "ontology": "الأنطولوجيا",
           "dataset": "مجموعة البيانات", "dumps": "التنزيلات", "labels": "التسميات", "type": "النوع",
           "codes": "الرموز", "facts": "الحقائق", "incoming": "مشار إليه من", "evidence": "الأدلة",
           "text": "النص", "addressed_by": "يتناوله", "paragraph": "الفقرة",
           "evidence_more": "تُعرض {shown} فقرة من أصل {total}؛ وجميعها موجودة في بيانات RDF.",
           "as_data": "هذه الصفحة كبيانات", "not_found": "غير موجود",
           "not_found_text": "لا يحتوي الرسم المعرفي على مورد بهذا المعرّف.",
           "classes": "الفئات", "properties": "الخصائص", "others": "مصطلحات أخرى",
           "rule": "القاعدة", "confidence": "الثقة", "network": "عرض الشبكة",
           "queries": "الاستعلامات المسمّاة", "search": "البحث", "run": "تشغيل", "optional": "اختياري",
           "example": "مثال", "all_queries": "كل الاستعلامات المسمّاة", "rows": "{n} صفًّا.",
           "rows_range": "الصفوف {first}–{last}.", "next_page": "الصفوف التالية", "previous_page": "الصفوف السابقة",
           "download_all": "كل الصفوف بصيغة",
           "give_params": "أدخل {names} لتشغيل الاستعلام.", "entities": "الكيانات",
           "paragraphs": "الفقرات", "words": "الكلمات", "mentioned_in": "{n} فقرة",
           "queries_intro": "{n} استعلامًا بحثيًّا على الرسم المعرفي؛ يعمل كلٌّ منها بالمسار /queries/NAME?param=value "
                            "بصيغة JSON أو XML أو CSV أو TSV (بالمعامل format= أو بترويسة Accept).",
           "endpoint": "نقطة استعلام SPARQL", "examples": "استعلامات أمثلة:", "choose_query": "— اختر استعلامًا مسمّى —",
           "run_example": "شغّل المثال", "neighbourhood": "جوار الكيان:", "depth": "العمق",
           "show_graph": "اعرض الرسم", "result_view": "عرض النتائج", "table": "جدول", "graph": "رسم",
           "switch": "English"},
}


def base_iri() -> str:
    base = current().config["BASE"]
    return base if base.endswith("/") else base + "/"


def executor_select(text: str) -> list[dict]:
    """Run one of the service's own SELECTs; SPARQL JSON bindings (aborts with the engine's status)."""
    return jobs.select(QueryJob(text))


def page_language() -> str:
    lang = request.args.get("lang")
    if lang in LANGUAGES:
        return lang
    return request.accept_languages.best_match(LANGUAGES, default="en") or "en"


def preferred_rdf_type() -> str | None:
    """The RDF media type the client prefers over HTML, or None when HTML (or anything) will do."""
    fmt = request.args.get("format")
    if fmt in RDF_EXTENSIONS:
        return RDF_EXTENSIONS[fmt]
    accept = request.accept_mimetypes
    if not accept:
        return None
    best = accept.best_match([*HTML_TYPES, *RDF_EXTENSIONS.values(), "application/x-turtle",
                              "text/n3"], default=None)
    if best in ("application/x-turtle", "text/n3"):
        return "text/turtle"
    return best if best in EXTENSION_OF else None


def html_page(template: str, status: int = 200, **context) -> Response:
    """``template`` rendered in the page's language with the site's strings, base IRI and language
    switch (the same URL, other parameters kept); the security headers come from ``headers``."""
    lang = context.setdefault("lang", page_language())
    context.setdefault("alternates", [])
    other = "ar" if lang == "en" else "en"
    switch = urlencode([*((k, v) for k, v in request.args.items(multi=True) if k != "lang"), ("lang", other)])
    response = Response(render_template(template, t=STRINGS[lang], other_lang=other,
                                        switch_href=f"{request.path}?{switch}", base=base_iri(), **context),
                        status=status, mimetype="text/html")
    response.headers["Vary"] = "Accept, Accept-Language"
    response.headers["Content-Language"] = lang
    return response


def not_found(what: str) -> Response:
    return html_page("notfound.html", status=404, title=STRINGS[page_language()]["not_found"], what=what)


def wants_html() -> bool:
    """True when ``format=html``, or no ``format`` and the Accept header ranks HTML first."""
    fmt = request.args.get("format")
    if fmt:
        return fmt.strip().lower() == "html"
    if not request.accept_mimetypes:
        return False  # no Accept header: the machine-readable default
    offers = [JSON_RESULTS, "application/json", *negotiation.RESULTS_TYPES,
              *negotiation.GRAPH_TYPES, HTML_TYPE]
    return request.accept_mimetypes.best_match(offers) == HTML_TYPE


def see_other(path: str) -> Response:
    """``/id/{path}``: 303 to the page or the RDF of the resource, or the 404 page."""
    iri = iri_paths.iri_of_path(base_iri(), path)
    if iri is None or not page_model.exists(executor_select, iri):
        return not_found(f"{base_iri()}id/{path}")
    media = preferred_rdf_type()
    if media is not None:
        target = iri_paths.data_url(base_iri(), iri, EXTENSION_OF[media])
    else:
        target = iri_paths.page_url(base_iri(), iri, page_language())
    response = redirect(target, code=303)
    response.headers["Vary"] = "Accept, Accept-Language"
    return response
