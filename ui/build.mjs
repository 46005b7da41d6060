// Bundles the MDKG browser UI (src/app.js + YASGUI + Cytoscape.js, src/app.css + YASGUI's CSS)
// into ../graph_builder/service/static/ui/, which the Python package ships and serves.
// Run with `npm ci && npm run build` (versions pinned by package-lock.json).
import * as esbuild from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, "..", "graph_builder", "service", "static", "ui");

await esbuild.build({
  entryPoints: { "mdkg-ui": path.join(here, "src", "app.js") },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2019"],
  legalComments: "linked",
  outdir: out,
  logLevel: "info",
});
await esbuild.build({
  entryPoints: { "mdkg-ui": path.join(here, "src", "app.css") },
  bundle: true,
  minify: true,
  outdir: out,
  logLevel: "info",
});
