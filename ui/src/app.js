// The MDKG browser UI: YASGUI (SPARQL editor + table results) and a Cytoscape.js graph view.
// Configuration comes from data-* attributes of <body> (written by graph_builder/service/ui.py):
// data-endpoint, data-base (instance base IRI), data-ontology (ontology namespace), data-lang.
import Yasgui from "@zazuko/yasgui";
import cytoscape from "cytoscape";

const body = document.body;
const cfg = {
  endpoint: new URL(body.dataset.endpoint || "/sparql", location.href).href,
  base: body.dataset.base || "",
  ontology: body.dataset.ontology || "",
  lang: body.dataset.lang || "en",
};

function status(text) {
  const el = document.getElementById("mdkg-status");
  if (el) el.textContent = text;
}

// ------------------------------------------------------------------ IRIs -> local pages

function pageOf(iri) {
  if (!iri) return null;
  const lang = encodeURIComponent(currentLang());
  if (cfg.base && iri.startsWith(cfg.base + "id/")) {
    return "/page/" + iri.slice(cfg.base.length + 3) + "?lang=" + lang;
  }
  if (cfg.ontology && iri.startsWith(cfg.ontology)) {
    return "/page/ontology?lang=" + lang + "#" + iri.slice(cfg.ontology.length);
  }
  return null;
}

function currentLang() {
  const sel = document.getElementById("mdkg-lang");
  return sel ? sel.value : cfg.lang;
}

function rewriteLinks(root) {
  for (const a of root.querySelectorAll("a[href]")) {
    if (a.dataset.mdkgIri) continue;
    const local = pageOf(a.getAttribute("href"));
    if (local) {
      a.dataset.mdkgIri = a.getAttribute("href");
      a.setAttribute("href", local);
      a.removeAttribute("target");
      a.title = a.dataset.mdkgIri;
    }
  }
}

// ------------------------------------------------------------------ IRIs in the results table

// YASR's table writes an IRI into href='...' as it comes (an IRI holding ' adds attributes) and
// links any scheme (javascript:). Its cell renderer is replaced: text escaped, and only http(s)
// IRIs become links; others are shown as text.
const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
function linkable(iri) {
  return /^https?:\/\//i.test(iri);
}
Yasgui.Yasr.plugins.table.prototype.getUriLinkFromBinding = function (binding, prefixes) {
  const iri = String(binding.value);
  let shown = iri;
  let prefixed = false;
  for (const prefix in prefixes || {}) {
    if (iri.startsWith(prefixes[prefix])) {
      shown = prefix + ":" + iri.slice(prefixes[prefix].length);
      prefixed = true;
      break;
    }
  }
  const bare = prefixed || this.persistentConfig.compact;
  const text = escapeHtml(shown);
  const blank = this.config.openIriInNewWindow;
  const inner = linkable(iri)
    ? `<a class="iri" target="${blank ? "_blank" : "_self"}"${blank ? ' rel="noopener noreferrer"' : ""} href="${escapeHtml(iri)}">${text}</a>`
    : `<span class="iri">${text}</span>`;
  return `${bare ? "" : "&lt;"}${inner}${bare ? "" : "&gt;"}`;
};

// ------------------------------------------------------------------ YASGUI

const yasgui = new Yasgui(document.getElementById("yasgui"), {
  requestConfig: { endpoint: cfg.endpoint, method: "POST" },
  copyEndpointOnNewTab: false,
  endpointCatalogueOptions: { getData: () => [{ endpoint: cfg.endpoint }] },
  persistenceId: null,
  populateFromUrl: false,
  yasqe: { autocompleters: ["variables", "prefixes"], prefixCcApi: new URL("/ui/prefixes.json", location.href).href },
});
window.mdkgYasgui = yasgui;

new MutationObserver(() => rewriteLinks(document.getElementById("yasgui")))
  .observe(document.getElementById("yasgui"), { childList: true, subtree: true });

let lastQuery = { text: "", form: "" };
yasgui.on("queryResponse", (_y, tab) => {
  const yasqe = tab.getYasqe();
  lastQuery = { text: yasqe.getValue(), form: (yasqe.getQueryType() || "").toUpperCase() };
  status(`${lastQuery.form || "query"} answered`);
  if (!document.getElementById("mdkg-graph").hidden) drawFromResults();
});

// ------------------------------------------------------------------ named queries

function queryList(data) {
  const items = Array.isArray(data) ? data : (data && (data.queries || data.items)) || [];
  return items.map((q) => ({
    name: q.name || q.id || q.slug || "",
    title: q.title || q.name || q.id || "",
    text: q.query || q.sparql || q.text || "",
    url: q.source || q.url || q.href || null,
  }));
}

async function loadExamples() {
  const select = document.getElementById("mdkg-examples");
  try {
    const response = await fetch("/queries", { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const items = queryList(await response.json());
    for (const item of items) {
      const option = document.createElement("option");
      option.value = item.name;
      option.textContent = item.title;
      option.dataset.text = item.text;
      if (item.url) option.dataset.url = item.url;
      select.appendChild(option);
    }
    select.disabled = items.length === 0;
    status(`${items.length} example queries`);
  } catch (err) {
    select.disabled = true;
    status("no named queries available (" + err.message + ")");
  }
}

async function exampleText(option) {
  if (option.dataset.text) return option.dataset.text;
  if (!option.dataset.url) return "";
  const response = await fetch(option.dataset.url, { headers: { Accept: "application/sparql-query, text/plain" } });
  return response.ok ? response.text() : "";
}

async function useExample(run) {
  const select = document.getElementById("mdkg-examples");
  const option = select.selectedOptions[0];
  if (!option || !option.value) return;
  const text = await exampleText(option);
  const tab = yasgui.getTab();
  tab.setQuery(text);
  if (run) tab.query();
}

// ------------------------------------------------------------------ graph view

const graphStyle = [
  { selector: "node", style: { label: "data(label)", "font-size": 9, "background-color": "#4a7fb0",
    "text-valign": "bottom", "text-wrap": "ellipsis", "text-max-width": 120, width: 14, height: 14 } },
  { selector: "node[kind = 'topic']", style: { "background-color": "#d08a2b" } },
  { selector: "node[kind = 'state']", style: { "background-color": "#3d9a5d" } },
  { selector: "node[kind = 'event']", style: { "background-color": "#a04aa0" } },
  { selector: "edge", style: { width: 1, "line-color": "#aaa", "target-arrow-color": "#aaa",
    "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)", "font-size": 7,
    color: "#666" } },
];

function localName(iri) {
  const cut = Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/"));
  return cut >= 0 ? iri.slice(cut + 1) : iri;
}

function kindOf(iri) {
  if (cfg.base && iri.startsWith(cfg.base + "id/")) return iri.slice(cfg.base.length + 3).split("/")[0];
  return "";
}

function draw(elements) {
  const container = document.getElementById("mdkg-graph");
  if (window.mdkgCy) window.mdkgCy.destroy();
  const cy = cytoscape({ container, elements, style: graphStyle });
  if (cy.edges().length > 40) cy.style().selector("edge").style("label", "").update();
  cy.layout(cy.nodes().length > 300 ? { name: "grid" }
    : { name: "cose", animate: false, nodeRepulsion: () => 12000, idealEdgeLength: () => 90 }).run();
  cy.on("tap", "node", (evt) => {
    const local = pageOf(evt.target.id());
    if (local) window.open(local, "_blank");
  });
  window.mdkgCy = cy;
  status(`graph: ${cy.nodes().length} nodes, ${cy.edges().length} edges`);
  return cy;
}

function elementsFromBindings(vars, bindings, triples) {
  const nodes = new Map();
  const edges = [];
  const node = (iri, label) => {
    if (!nodes.has(iri)) nodes.set(iri, { data: { id: iri, label: label || localName(iri), kind: kindOf(iri) } });
    else if (label) nodes.get(iri).data.label = label;
  };
  for (const row of bindings) {
    if (triples) {
      const s = row.subject, p = row.predicate, o = row.object;
      if (!s || !p || !o || s.type !== "uri") continue;
      if (o.type === "uri") {
        node(s.value); node(o.value);
        edges.push({ data: { id: "e" + edges.length, source: s.value, target: o.value, label: localName(p.value) } });
      } else if (o.type === "literal" && /label$/i.test(p.value)) {
        node(s.value, o.value);
      }
      continue;
    }
    const iris = vars.filter((v) => row[v] && row[v].type === "uri");
    for (const v of iris) {
      const label = row[v + "Label"] || row[v + "_label"];
      node(row[v].value, label ? label.value : null);
    }
    for (let i = 0; i + 1 < iris.length; i++) {
      edges.push({ data: { id: "e" + edges.length, source: row[iris[i]].value, target: row[iris[i + 1]].value,
        label: iris[i] + "–" + iris[i + 1] } });
    }
  }
  return { nodes: [...nodes.values()], edges };
}

async function drawFromResults() {
  const yasr = yasgui.getTab().getYasr();
  const results = yasr && yasr.results;
  if (!results) { status("run a query first"); return; }
  if (["CONSTRUCT", "DESCRIBE"].includes(lastQuery.form)) {
    try {
      const response = await fetch("/export/cytoscape", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
        body: new URLSearchParams({ query: lastQuery.text }),
      });
      if (response.ok) {
        const data = await response.json();
        if (data.elements.nodes.length > 0) { draw(data.elements); return; }
      }
    } catch (err) { /* fall back to the raw triples below */ }
    draw(elementsFromBindings([], results.getBindings(), true));
    return;
  }
  draw(elementsFromBindings(results.getVariables(), results.getBindings(), false));
}

async function drawNeighbourhood(iri, depth) {
  const url = `/export/cytoscape?entity=${encodeURIComponent(iri)}&depth=${encodeURIComponent(depth)}`;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) { status(`neighbourhood: ${(await response.text()).trim()}`); return; }
  showView("graph", false);
  draw((await response.json()).elements);
}

function showView(view, redraw = true) {
  const table = view === "table";
  document.body.classList.toggle("mdkg-graph-view", !table);
  document.getElementById("mdkg-graph").hidden = table;
  document.getElementById("mdkg-view-table").setAttribute("aria-pressed", String(table));
  document.getElementById("mdkg-view-graph").setAttribute("aria-pressed", String(!table));
  if (!table && redraw) drawFromResults();
  else if (!table && window.mdkgCy) window.mdkgCy.resize();
}

// ------------------------------------------------------------------ wiring

document.getElementById("mdkg-examples").addEventListener("change", () => useExample(false));
document.getElementById("mdkg-run-example").addEventListener("click", () => useExample(true));
document.getElementById("mdkg-view-table").addEventListener("click", () => showView("table"));
document.getElementById("mdkg-view-graph").addEventListener("click", () => showView("graph"));
document.getElementById("mdkg-neighbourhood").addEventListener("submit", (evt) => {
  evt.preventDefault();
  const form = evt.target;
  drawNeighbourhood(form.elements.entity.value.trim(), form.elements.depth.value);
});
const params = new URLSearchParams(location.search);
if (params.get("entity")) {
  document.getElementById("mdkg-entity").value = params.get("entity");
  drawNeighbourhood(params.get("entity"), params.get("depth") || "1");
}
loadExamples();
