// Runs SPARQL queries with Comunica against a SPARQL endpoint and prints their results as one
// JSON list (used by tests/test_clients.py): node comunica.mjs <endpoint> <query> [<query> ...]
// SELECT -> {"bindings": [{var: value}]}, ASK -> {"boolean": b}, CONSTRUCT/DESCRIBE -> {"quads": [[s, p, o]]}.
import { QueryEngine } from "@comunica/query-sparql";

const [endpoint, ...queries] = process.argv.slice(2);
const engine = new QueryEngine();
const context = { sources: [{ type: "sparql", value: endpoint }], lenient: false };
const out = [];
for (const query of queries) {
  const result = await engine.query(query, context);
  if (result.resultType === "bindings") {
    const bindings = await (await result.execute()).toArray();
    out.push({ bindings: bindings.map((b) => Object.fromEntries([...b].map(([k, v]) => [k.value, v.value]))) });
  } else if (result.resultType === "boolean") {
    out.push({ boolean: await result.execute() });
  } else {
    const quads = await (await result.execute()).toArray();
    out.push({ quads: quads.map((q) => [q.subject.value, q.predicate.value, q.object.value]) });
  }
}
process.stdout.write(JSON.stringify(out));
