// MDKG pictures: draws the SVG of a picture page (<figure id="picture" data-picture=...>) from the
// SPARQL JSON answers of its named queries (/queries/NAME?format=json&limit=all: every row, not a page), so that the picture shows
// exactly its data; offers the drawing as SVG and PNG. No inline script, no eval, nothing from a CDN:
// the world map is world-atlas (Natural Earth) shipped beside this bundle. Text goes into the SVG
// with textContent only; links are made only for local pages or http(s) IRIs.
import { geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";

const SVG = "http://www.w3.org/2000/svg";
const FONT = 'system-ui, "Noto Sans Arabic", "Noto Naskh Arabic", Tahoma, sans-serif';
const fig = document.getElementById("picture");
const cfg = fig ? { ...fig.dataset } : {};
const rtl = cfg.lang === "ar";

function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function short(text, max = 40) {
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}

function val(row, name) {
  return row[name] ? row[name].value : undefined;
}

function label(row, name) {
  const own = val(row, `${name}_${cfg.lang}`);
  return own || val(row, `${name}_en`) || val(row, `${name}_ar`) || (val(row, name) || "").split("/").pop();
}

// The local page of an IRI under the service's base, an http(s) IRI as it is, otherwise nothing.
export function pageHref(iri) {
  if (!iri) return null;
  const base = cfg.base || "";
  if (base && iri.startsWith(base + "id/")) {
    const path = iri.slice(base.length + 3).split("/").map(encodeURIComponent).join("/");
    return `/page/${path}?lang=${encodeURIComponent(cfg.lang || "en")}`;
  }
  return /^https?:\/\//i.test(iri) ? iri : null;
}

function link(href, attrs = {}) {
  const a = el("a", attrs);
  if (href) a.setAttribute("href", href);
  return a;
}

async function fetchRows(name) {
  const r = await fetch(`/queries/${encodeURIComponent(name)}?format=json&limit=all`, { headers: { Accept: "application/sparql-results+json" } });
  if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
  return (await r.json()).results.bindings;
}

function svgRoot(width, height, title) {
  const svg = el("svg", { xmlns: SVG, width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
    "font-family": FONT, "font-size": 12, direction: rtl ? "rtl" : "ltr" });
  svg.appendChild(el("title", {}, title));
  svg.appendChild(el("rect", { x: 0, y: 0, width, height, fill: "#ffffff" }));
  return svg;
}

const BLUES = ["#eef4fa", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
function shade(n, max) {
  if (!n) return BLUES[0];
  const f = Math.sqrt(n / Math.max(1, max));
  return BLUES[Math.min(BLUES.length - 1, 1 + Math.round(f * (BLUES.length - 2)))];
}
function ink(fill) {
  return BLUES.indexOf(fill) >= 4 ? "#ffffff" : "#1d2a33";
}

// ---------------------------------------------------------------- matrix
function drawMatrix([rows]) {
  const processes = new Map();
  const topics = new Map();
  for (const r of rows) {
    processes.set(val(r, "process"), { iri: val(r, "process"), label: label(r, "process"), cls: val(r, "process_class") });
    topics.set(val(r, "topic"), { iri: val(r, "topic"), label: label(r, "topic") });
  }
  const ps = [...processes.values()].sort((a, b) => (a.cls || "").localeCompare(b.cls || "") || a.label.localeCompare(b.label));
  const ts = [...topics.values()].sort((a, b) => a.label.localeCompare(b.label));
  const cell = 34, left = 300, top = 190;
  const width = left + ts.length * cell + 170, height = top + ps.length * cell + 20;
  const svg = svgRoot(width, height, fig.getAttribute("aria-label"));
  const x = (j) => (rtl ? width - left - (j + 1) * cell : left + j * cell);
  // (in Arabic the labels are on the right and the columns run right to left)
  const max = Math.max(1, ...rows.map((r) => Number(val(r, "paragraphs"))));
  ts.forEach((t, j) => {
    const cx = x(j) + cell / 2, a = link(pageHref(t.iri));
    a.appendChild(el("text", { x: cx, y: top - 8, transform: `rotate(${rtl ? 50 : -50} ${cx} ${top - 8})`,
      "text-anchor": "start", fill: "#1d2a33" }, short(t.label, 30)));
    svg.appendChild(a);
  });
  ps.forEach((p, i) => {
    const y = top + i * cell;
    const a = link(pageHref(p.iri));
    a.appendChild(el("text", { x: rtl ? width - left + 8 : left - 8, y: y + cell / 2 + 4,
      "text-anchor": "end", fill: "#1d2a33" }, short(p.label)));
    svg.appendChild(a);
    ts.forEach((t, j) => svg.appendChild(el("rect", { x: x(j), y, width: cell - 2, height: cell - 2, fill: BLUES[0] })));
  });
  for (const r of rows) {
    const i = ps.findIndex((p) => p.iri === val(r, "process")), j = ts.findIndex((t) => t.iri === val(r, "topic"));
    const n = Number(val(r, "paragraphs")), fill = shade(n, max);
    const q = new URLSearchParams({ subject: val(r, "process"), predicate: "https://w3id.org/mdkg/ontology#addresses",
      object: val(r, "topic"), lang: cfg.lang || "en" });
    const a = link(`/evidence?${q}`, { class: "cell", "data-process": val(r, "process"), "data-topic": val(r, "topic"),
      "data-count": n, "aria-label": `${processes.get(val(r, "process")).label} × ${topics.get(val(r, "topic")).label}: ${n}` });
    a.appendChild(el("title", {}, `${processes.get(val(r, "process")).label} × ${topics.get(val(r, "topic")).label}: ${n} ${cfg.labelParagraphs || ""}`));
    a.appendChild(el("rect", { x: x(j), y: top + i * cell, width: cell - 2, height: cell - 2, fill, stroke: "#123c5a", "stroke-width": 0.5 }));
    a.appendChild(el("text", { x: x(j) + (cell - 2) / 2, y: top + i * cell + cell / 2 + 3, "text-anchor": "middle", fill: ink(fill) }, String(n)));
    svg.appendChild(a);
  }
  return svg;
}

// ---------------------------------------------------------------- timeline
function when(r) {
  const start = val(r, "start");
  if (start) return new Date(start + "T00:00:00Z").getTime();
  return Date.UTC(Number(val(r, "year")), 6, 1);
}

function drawTimeline([rows]) {
  const groups = new Map();
  for (const r of rows) {
    const key = val(r, "process") || "";
    if (!groups.has(key)) groups.set(key, { iri: key, label: key ? label(r, "process") : "—", rows: [] });
    groups.get(key).rows.push(r);
  }
  const gs = [...groups.values()].sort((a, b) => b.rows.length - a.rows.length || a.label.localeCompare(b.label));
  const years = rows.map((r) => Number(val(r, "year")));
  const y0 = Math.min(...years), y1 = Math.max(...years) + 1;
  const row = 30, left = 280, top = 40, plot = 760;
  const width = left + plot + 30, height = top + gs.length * row + 30;
  const svg = svgRoot(width, height, fig.getAttribute("aria-label"));
  const t0 = Date.UTC(y0, 0, 1), t1 = Date.UTC(y1, 0, 1);
  const x = (t) => { const f = (t - t0) / (t1 - t0); return rtl ? width - left - f * plot : left + f * plot; };
  for (let y = y0; y <= y1; y++) {
    const xx = x(Date.UTC(y, 0, 1));
    svg.appendChild(el("line", { x1: xx, x2: xx, y1: top - 10, y2: height - 25, stroke: "#c9d1d8" }));
    if (y < y1) svg.appendChild(el("text", { x: x(Date.UTC(y, 6, 1)), y: top - 16, "text-anchor": "middle", fill: "#1d2a33" }, String(y)));
  }
  gs.forEach((g, i) => {
    const cy = top + i * row + row / 2;
    svg.appendChild(el("line", { x1: x(t0), x2: x(t1), y1: cy, y2: cy, stroke: "#e3e6e8" }));
    const a = link(pageHref(g.iri));
    a.appendChild(el("text", { x: rtl ? width - left + 10 : left - 10, y: cy + 4, "text-anchor": "end", fill: "#1d2a33" }, short(g.label)));
    svg.appendChild(a);
    for (const r of g.rows) {
      const bits = [label(r, "meeting"), val(r, "start") || val(r, "year"), val(r, "place") && label(r, "place"), val(r, "host") && label(r, "host")].filter(Boolean);
      const a2 = link(pageHref(val(r, "meeting")), { class: "mark", "data-iri": val(r, "meeting"), "aria-label": bits.join(" · ") });
      a2.appendChild(el("title", {}, bits.join(" · ")));
      a2.appendChild(el("circle", { cx: x(when(r)), cy, r: 6, fill: val(r, "start") ? "#c2410c" : "#ffffff", stroke: "#c2410c", "stroke-width": 2 }));
      svg.appendChild(a2);
    }
  });
  return svg;
}

// ---------------------------------------------------------------- map
async function drawMap([places, states]) {
  const atlas = await (await fetch(ATLAS)).json();
  const countries = feature(atlas, atlas.objects.countries);
  const width = 960, height = 500;
  const svg = svgRoot(width, height, fig.getAttribute("aria-label"));
  const projection = geoNaturalEarth1().fitSize([width, height - 20], countries);
  const path = geoPath(projection);
  const byCode = new Map(states.map((r) => [String(val(r, "m49") || "").padStart(3, "0"), r]));
  const max = Math.max(1, ...states.map((r) => Number(val(r, "paragraphs"))));
  for (const f of countries.features) {
    const r = byCode.get(String(f.id));
    const n = r ? Number(val(r, "paragraphs")) : 0;
    const fill = r ? shade(n, max) : "#f4f5f6";
    const shape = el("path", { d: path(f), fill, stroke: "#8a949c", "stroke-width": 0.4 });
    if (r) {
      const a = link(pageHref(val(r, "state")), { class: "state", "data-iri": val(r, "state"), "data-count": n, "aria-label": `${label(r, "state")}: ${n}` });
      a.appendChild(el("title", {}, `${label(r, "state")}: ${n} ${cfg.labelParagraphs || ""}`));
      a.appendChild(shape);
      svg.appendChild(a);
    } else svg.appendChild(shape);
  }
  // legend: the shades (paragraphs that mention the state) and the circles (meetings in a city)
  const legend = el("g", { class: "legend", direction: "ltr", transform: `translate(${rtl ? width - 230 : 10}, ${height - 80})` });
  legend.appendChild(el("rect", { x: 0, y: 0, width: 220, height: 72, fill: "#ffffff", stroke: "#c9d1d8" }));
  BLUES.forEach((c, i) => legend.appendChild(el("rect", { x: 8 + i * 18, y: 8, width: 16, height: 12, fill: c, stroke: "#8a949c", "stroke-width": 0.4 })));
  legend.appendChild(el("text", { x: 124, y: 18, fill: "#1d2a33" }, `\u20660 – ${max}\u2069`));
  legend.appendChild(el("text", { x: 8, y: 38, fill: "#1d2a33" }, cfg.labelParagraphs || ""));
  legend.appendChild(el("circle", { cx: 14, cy: 56, r: 6, fill: "#c2410c", "fill-opacity": 0.75 }));
  legend.appendChild(el("text", { x: 26, y: 60, fill: "#1d2a33" }, cfg.labelMeetings || ""));
  svg.appendChild(legend);
  for (const r of places) {
    const [px, py] = projection([Number(val(r, "long")), Number(val(r, "lat"))]);
    const n = Number(val(r, "meetings"));
    const a = link(pageHref(val(r, "place")), { class: "mark", "data-iri": val(r, "place"), "data-count": n, "aria-label": `${label(r, "place")}: ${n}` });
    a.appendChild(el("title", {}, `${label(r, "place")}: ${n}`));
    a.appendChild(el("circle", { cx: px, cy: py, r: 3 + 3 * Math.sqrt(n), fill: "#c2410c", "fill-opacity": 0.75, stroke: "#ffffff", "stroke-width": 1 }));
    svg.appendChild(a);
  }
  return svg;
}

const ATLAS = new URL("countries-110m.json", document.currentScript ? document.currentScript.src : location.href).href;
const DRAW = { matrix: drawMatrix, timeline: drawTimeline, map: drawMap };

// ---------------------------------------------------------------- downloads
function save(blob, name) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

function svgText(svg) {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
}

function toPng(svg, name) {
  const img = new Image();
  const w = Number(svg.getAttribute("width")), h = Number(svg.getAttribute("height"));
  img.onload = () => {
    const canvas = document.createElement("canvas");
    canvas.width = w * 2; canvas.height = h * 2;
    const ctx = canvas.getContext("2d");
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0, w, h);
    canvas.toBlob((blob) => save(blob, name), "image/png");
  };
  const bytes = new TextEncoder().encode(svgText(svg));
  let bin = "";
  bytes.forEach((b) => { bin += String.fromCharCode(b); });
  img.src = "data:image/svg+xml;base64," + btoa(bin);
}

async function main() {
  if (!fig || !DRAW[cfg.picture]) return;
  const status = document.getElementById("picture-status");
  try {
    const data = await Promise.all((cfg.queries || "").split(/\s+/).filter(Boolean).map(fetchRows));
    const svg = await DRAW[cfg.picture](data);
    fig.replaceChildren(svg);
    fig.dataset.drawn = "true";
    const svgButton = document.getElementById("download-svg"), pngButton = document.getElementById("download-png");
    svgButton.disabled = false;
    pngButton.disabled = false;
    svgButton.addEventListener("click", () => save(new Blob([svgText(svg)], { type: "image/svg+xml" }), `mdkg-${cfg.picture}.svg`));
    pngButton.addEventListener("click", () => toPng(svg, `mdkg-${cfg.picture}.png`));
  } catch (err) {
    if (status) status.textContent = String(err);
    fig.dataset.error = String(err);
  }
}

main();
