// Bundles the MDKG browser UI (src/app.js + YASGUI + Cytoscape.js, src/app.css + YASGUI's CSS)
// into ../graph_builder/service/static/ui/, which the Python package ships and serves, and writes
// mdkg-ui.LICENSES.txt beside it: the licence text of every npm package the bundles contain
// (found from esbuild's metafile and the packages' dependencies, read from each package's LICENSE file).
// Run with `npm ci && npm run build` (versions pinned by package-lock.json).
import * as esbuild from "esbuild";
import { fileURLToPath } from "node:url";
import fs from "node:fs";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, "..", "graph_builder", "service", "static", "ui");

// One minified IIFE bundle of a script (es2019, licence comments linked, metafile for the licences).
function bundle(name, entry) {
  return esbuild.build({
    entryPoints: { [name]: path.join(here, "src", entry) },
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2019"],
    legalComments: "linked",
    metafile: true,
    outdir: out,
    logLevel: "info",
  });
}
const js = await bundle("mdkg-ui", "app.js");
// The pictures of the front door (matrix, timeline, map): d3-geo + topojson-client + src/pictures.js,
// and the Natural Earth countries of world-atlas as a static file beside the bundle.
const pictures = await bundle("mdkg-pictures", "pictures.js");
fs.copyFileSync(path.join(here, "node_modules", "world-atlas", "countries-110m.json"),
  path.join(out, "countries-110m.json"));
const css = await esbuild.build({
  entryPoints: { "mdkg-ui": path.join(here, "src", "app.css") },
  bundle: true,
  minify: true,
  metafile: true,
  outdir: out,
  logLevel: "info",
});

// A package that ships no licence file (the @zazuko/yas* packages, @json2csv/*, string-hash):
// the standard text of the licence its package.json names, with the author it names.
const MIT = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software
and associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;
function standardText(name, pkg) {
  const author = typeof pkg.author === "string" ? pkg.author : pkg.author?.name;
  const note = "(the package ships no licence file: the licence its package.json names, with its author)";
  if (pkg.license === "MIT") return `${note}\n\nMIT License\n\nCopyright (c) ${author}\n\n${MIT}`;
  if (pkg.license === "CC0-1.0")
    return `${note}\n\n${author} dedicated this work to the public domain under CC0 1.0 Universal\n` +
      "(https://creativecommons.org/publicdomain/zero/1.0/legalcode).";
  throw new Error(`${name}: no licence file and licence ${pkg.license} has no standard text here; add it`);
}

// node_modules/<name> or node_modules/@scope/<name> of every bundled input
function writeLicences(metas, extra, file, heading) {
const packages = new Set(extra);
for (const meta of metas) {
  for (const input of Object.keys(meta.inputs)) {
    const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    if (m) packages.add(m[1]);
  }
}
// ...and their dependencies, walked through package.json: pre-bundled packages such as
// @zazuko/yasgui inline their own dependencies (CodeMirror, jQuery, DataTables, ...) without
// their licence comments, so the metafile alone does not name them.
const dirs = new Map();
const todo = [...packages].map((name) => [name, path.join(here, "node_modules", name)]);
while (todo.length) {
  const [name, dir] = todo.pop();
  if (dirs.has(name)) continue;
  dirs.set(name, dir);
  const deps = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).dependencies ?? {};
  for (const dep of Object.keys(deps)) {
    const nested = path.join(dir, "node_modules", dep);
    const found = fs.existsSync(nested) ? nested : path.join(here, "node_modules", dep);
    if (fs.existsSync(found)) todo.push([dep, found]);
  }
}
const sections = [];
for (const name of [...dirs.keys()].sort()) {
  const dir = dirs.get(name);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const file = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  const text = file ? fs.readFileSync(path.join(dir, file), "utf8").trim() : standardText(name, pkg);
  sections.push(`${"=".repeat(78)}\n${name} ${pkg.version} (${pkg.license ?? "see text"})\n${"=".repeat(78)}\n\n${text}\n`);
}
fs.writeFileSync(path.join(out, file), heading + "\n\n" + sections.join("\n"));
console.log(`  licences of ${dirs.size} packages -> ${file}`);
}
writeLicences([js.metafile, css.metafile], [], "mdkg-ui.LICENSES.txt",
  "Licences of the npm packages bundled into mdkg-ui.js and mdkg-ui.css (written by ui/build.mjs).");
writeLicences([pictures.metafile], ["world-atlas"], "mdkg-pictures.LICENSES.txt",
  "Licences of the npm packages bundled into mdkg-pictures.js, and of world-atlas, whose countries-110m.json\n" +
  "(Natural Earth 1:110m countries, public domain, https://www.naturalearthdata.com/) is shipped beside it\n" +
  "(written by ui/build.mjs).");
