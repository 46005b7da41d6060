"""The SPARQL editor at ``/sparql-editor``: YASGUI (SPARQL editor, table results) and a Cytoscape.js graph view.

The page is rendered like every other page (``site.html_page``: ``templates/ui.html`` extends
``base.html``, bilingual, the site's header) with no inline script; its configuration (SPARQL
endpoint, instance base IRI, ontology namespace, language) is passed as ``data-*`` attributes of
``<body>``. The
JavaScript and CSS are the bundle built from ``ui/`` (see ``ui/README.md``) and shipped under
``static/ui/``, served here at ``/ui-assets/``; nothing is loaded from a CDN. The example queries
come from ``/queries`` at run time (the UI tolerates its absence); the editor's prefix completion
reads ``/ui/prefixes.json`` (the project's namespaces) instead of prefix.cc. This module serves
files only.
"""
from __future__ import annotations

from flask import Blueprint, Response, jsonify

from graph_builder.namespaces import PREFIXES
from graph_builder.service import iri_paths
from graph_builder.service.headers import CSP
from graph_builder.service.site import STRINGS, html_page, page_language

# The page's policy (see ``headers``) with inline styles allowed: the editor and the table set
# style attributes in the markup they write. Scripts still come from this origin only.
UI_CSP = CSP.replace("default-src 'self';", "default-src 'self'; style-src 'self' 'unsafe-inline';")

blueprint = Blueprint("ui", __name__, template_folder="templates", static_folder="static/ui",
                      static_url_path="/ui-assets")


@blueprint.route("/sparql-editor")
def index() -> Response:
    response = html_page("ui.html", title=STRINGS[page_language()]["editor"],
                         ontology=iri_paths.ontology_namespace(), endpoint="/sparql")
    response.headers["Content-Security-Policy"] = UI_CSP
    return response


@blueprint.route("/ui/prefixes.json")
def prefixes() -> Response:
    """The namespaces, in the shape of prefix.cc's ``all.file.json`` that YASQE reads."""
    return jsonify(PREFIXES)
