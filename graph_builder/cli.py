"""The ``mdkg`` command line: build, validate, export, query, serve, and review tools.

Each sub-command is a thin layer over a library function; exit status 0 on success, 1 when
a check fails (validation), 2 on bad input (a broken source file, a bad query). Errors are
one clear line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from pathlib import Path

DEFAULT_STORE = Path(os.environ.get("MDKG_STORE", "data/store"))

EXPORT_FORMATS = {  # name → (pyoxigraph RdfFormat attribute, dataset format?)
    "nquads": ("N_QUADS", True), "trig": ("TRIG", True), "jsonld": ("JSON_LD", True),
    "turtle": ("TURTLE", False), "ntriples": ("N_TRIPLES", False), "rdfxml": ("RDF_XML", False),
}


def _progress():
    """tqdm on a terminal, nothing otherwise."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm
    return lambda it, **kw: tqdm(it, file=sys.stderr, **kw)


def cmd_build(args) -> int:
    from .text.model import SourceError
    from .build.pipeline import BuildError, build
    from .resources import default_corpus
    corpus = Path(args.corpus) if args.corpus else default_corpus()
    try:
        result = build(corpus, Path(args.store), strict=args.strict, validate=not args.no_validate,
                       progress=_progress(), use_cache=not args.full, dumps=args.dumps)
    except (SourceError, BuildError) as err:
        print(f"mdkg build: {err}", file=sys.stderr)
        print(f"mdkg build: stopped; the previous store at {args.store} is unchanged", file=sys.stderr)
        return 2
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)
    n_par = sum(d.paragraphs for d in result.documents)
    n_men = sum(d.mentions for d in result.documents)
    n_fac = sum(d.facts for d in result.documents)
    print(f"built {len(result.documents)} reports ({result.reprocessed} re-processed), {n_par} paragraphs, "
          f"{n_men} mentions, {n_fac} facts, {result.quads} quads in {result.seconds:.1f} s "
          f"→ {args.store} ({result.build_dir.name}); SHACL checked on {result.validated_documents} reports")
    from_mentions = sum(not d.cached and d.mentions_cached for d in result.documents)
    if result.reprocessed:
        print(f"stages re-run: mentions on {result.reprocessed - from_mentions} reports, facts/RDF/SHACL on "
              f"{result.reprocessed} ({from_mentions} from cached mentions)")
    for stage, files in result.rerun.items():
        shown = ", ".join(files[:8]) + (f" and {len(files) - 8} more" if len(files) > 8 else "")
        print(f"  {stage}: re-run because these inputs changed: {shown or 'none (new or changed reports only)'}")
    if args.dumps == "after":
        print(f"dumps written in {result.dumps_seconds:.1f} s")
    elif args.dumps == "background":
        print("dumps: being written by a background process (GET /dumps/ answers 503 until they are ready)")
    return 0


def cmd_add(args) -> int:
    from .build.add import add
    from .build.pipeline import BuildError, build
    from .resources import default_corpus
    from .text.model import SourceError
    corpus = Path(args.corpus)
    try:
        added = add([Path(f) for f in args.files], corpus, bundled=default_corpus())
    except SourceError as err:
        print(f"mdkg add: {err}", file=sys.stderr)
        print(f"mdkg add: nothing added; the corpus {corpus} and the store {args.store} are unchanged", file=sys.stderr)
        return 2
    for a in added:
        if a.skipped:
            print(f"{a.path.name}: already in {corpus}, skipped")
            continue
        print(f"added {a.path.name} → {a.path} as {a.entry['slug']!r} ({a.entry['kind']}"
              f"{', ' + a.entry['date'] if a.entry.get('date') else ''})")
        for w in a.warnings:
            print(f"warning: {w}", file=sys.stderr)
    if args.no_build:
        return 0
    try:
        result = build(corpus, Path(args.store), progress=_progress())
    except (SourceError, BuildError) as err:
        print(f"mdkg add: the build failed: {err}", file=sys.stderr)
        print(f"mdkg add: the previous store at {args.store} is unchanged", file=sys.stderr)
        return 2
    print(f"built {len(result.documents)} documents ({result.reprocessed} re-processed), {result.quads} quads "
          f"in {result.seconds:.1f} s → {args.store}")
    return 0


def _no_store(args) -> bool:
    """True (after saying so) when ``--store`` holds no build yet."""
    from .build.store import resolve
    if resolve(Path(args.store)) is not None:
        return False
    print(f"mdkg {args.command}: no store at {args.store} (run mdkg build first)", file=sys.stderr)
    return True


def cmd_validate(args) -> int:
    from .validate.validate import validate_store
    if _no_store(args):
        return 2
    report = validate_store(Path(args.store))
    print(report.render())
    return 0 if report.ok else 1


def cmd_export(args) -> int:
    from .publish.exporter import export
    out = sys.stdout.buffer if args.out in (None, "-") else open(args.out, "wb")
    try:
        n = export(Path(args.store), args.format, out)
    finally:
        if out is not sys.stdout.buffer:
            out.close()
    if args.out not in (None, "-"):
        unit = {True: "quads", False: "triples", None: "edges"}[EXPORT_FORMATS.get(args.format, ("", None))[1]]
        print(f"wrote {n} {unit} to {args.out}", file=sys.stderr)
    return 0


def cmd_query(args) -> int:
    import pyoxigraph as ox
    from .text.arsearch import custom_functions
    from .build.store import open_read_only
    st = open_read_only(Path(args.store))
    if args.named:
        from .service import named_queries as catalogue
        try:
            named = catalogue.load_catalogue(catalogue.queries_dir(None))
            if args.named not in named:
                print(f"mdkg query: no named query {args.named!r} (one of {', '.join(named)})", file=sys.stderr)
                return 2
            result = catalogue.run_local(st, named[args.named], catalogue.parse_param_options(args.param))
        except (catalogue.ParamError, catalogue.HeaderError) as err:
            print(f"mdkg query: {err}", file=sys.stderr)
            return 2
    elif args.sparql:
        try:
            result = st.query(args.sparql, use_default_graph_as_union=True, custom_functions=custom_functions())
        except SyntaxError as err:
            print(f"mdkg query: {err}", file=sys.stderr)
            return 2
    else:
        print("mdkg query: give a SPARQL query or --named NAME", file=sys.stderr)
        return 2
    if isinstance(result, bool) or isinstance(result, ox.QueryBoolean):
        print("true" if bool(result) else "false")
        return 0
    if isinstance(result, ox.QueryTriples):
        sys.stdout.buffer.write(result.serialize(format=ox.RdfFormat.TURTLE))
        return 0
    variables = [v.value for v in result.variables]
    rows = [[_term(row[v]) for v in variables] for row in result]
    if args.format == "json":
        print(json.dumps([dict(zip(variables, r)) for r in rows], ensure_ascii=False, indent=1))
    elif args.format in ("csv", "tsv"):
        w = csv.writer(sys.stdout, delimiter="," if args.format == "csv" else "\t")
        w.writerow(variables)
        w.writerows(rows)
    else:
        _table(variables, rows)
    return 0


def _term(term) -> str:
    return "" if term is None else term.value


def _table(header, rows):
    widths = [min(60, max([len(h)] + [len(r[i]) for r in rows])) for i, h in enumerate(header)]
    fmt = " | ".join("{:<%d}" % w for w in widths)
    print(fmt.format(*header))
    print("-+-".join("-" * w for w in widths))
    for r in rows:
        print(fmt.format(*[c if len(c) <= 60 else c[:57] + "..." for c in r]))
    print(f"({len(rows)} rows)")


def cmd_serve(args) -> int:
    import server
    config = {}
    if args.token:
        config["UPDATE_TOKEN"] = args.token
    if args.sparql_endpoint:
        if args.token:
            print("mdkg serve: --sparql-endpoint serves read-only; give no update token", file=sys.stderr)
            return 2
        config["SPARQL_ENDPOINT"] = args.sparql_endpoint
    from .service.sandbox import SandboxUnavailable
    try:
        server.serve(Path(args.store), host=args.host, port=args.port, workers=args.workers, **config)
    except SandboxUnavailable as exc:
        print(f"mdkg serve: refusing to start: the query processes cannot be kept off the network: "
              f"{exc}", file=sys.stderr)
        return 2
    return 0


def _analysed(args):
    from .text.corpus import read_corpus, read_document, load_manifest
    from .recognise.gazetteer import load_gazetteer
    from .recognise.matcher import Matcher
    from .build.pipeline import analyse
    from .resources import default_corpus
    gaz = load_gazetteer()
    matcher = Matcher(gaz)
    if getattr(args, "file", None):
        path = Path(args.file)
        docs = [read_document(path, load_manifest(path.parent).get(path.name))]
    else:
        docs = read_corpus(Path(args.corpus) if args.corpus else default_corpus())
        if getattr(args, "document", None):
            docs = [d for d in docs if d.slug == args.document or d.path.name == args.document]
    return [analyse(d, matcher, gaz) for d in docs]


def cmd_mentions(args) -> int:
    from .review.mention_view import render_mentions
    for r in _analysed(args):
        print(render_mentions(r.document, r.mentions, paragraph=args.paragraph))
    return 0


def cmd_entities(args) -> int:
    from .review.mention_view import entity_counts
    mentions = [m for r in _analysed(args) for m in r.mentions]
    for entity, count in entity_counts(mentions):
        print(f"{count:5d}  {entity.kind}/{entity.slug}  {entity.label_en or '-'}  {entity.label_ar}")
    return 0


def cmd_facts(args) -> int:
    from .recognise.findings import Entity
    for r in _analysed(args):
        for f in r.facts:
            if args.rule and not f.rule.startswith(args.rule):
                continue
            obj = f"{f.object.kind}/{f.object.slug}" if isinstance(f.object, Entity) else repr(f.object.lexical)
            where = getattr(f.evidence, "cited_as", None) or getattr(f.evidence, "order", "?")
            print(f"{r.document.slug} ¶{where}  {f.subject.kind}/{f.subject.slug} {f.predicate} {obj}"
                  f"  [{f.rule} {f.confidence:.2f}]")
    return 0


def cmd_push(args) -> int:
    from .publish.push import PushError, push_store
    from .build.store import open_read_only
    if _no_store(args):
        return 2
    try:
        auth = None
        if args.user:
            password = os.environ.get("MDKG_PUSH_PASSWORD")
            if password is None:
                print("mdkg push: --user needs the password in $MDKG_PUSH_PASSWORD", file=sys.stderr)
                return 2
            auth = (args.user, password)
        counts = push_store(open_read_only(Path(args.store)), args.endpoint, args.token, auth=auth)
    except PushError as err:
        print(f"mdkg push: {err}", file=sys.stderr)
        return 1
    for graph, n in counts.items():
        print(f"{n:8d}  {graph}")
    print(f"pushed {len(counts)} graphs, {sum(counts.values())} triples to {args.endpoint}")
    return 0


def cmd_explain(args) -> int:
    from .review.explain import explain
    print(explain(Path(args.store), args.iri))
    return 0


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="mdkg", description="MDKG, the Migration & Development Knowledge Graph")
    sub = ap.add_subparsers(dest="command", required=True)
    store_kw = dict(default=str(DEFAULT_STORE), help="store path (default: %(default)s, or $MDKG_STORE)")

    p = sub.add_parser("build", help="build the graph from a corpus into the store")
    p.add_argument("--corpus", help="folder of reports (default: the bundled corpus)")
    p.add_argument("--store", **store_kw)
    p.add_argument("--strict", action="store_true", help="treat warnings (numbering, headings) as errors")
    p.add_argument("--no-validate", action="store_true", help="skip the SHACL check before switching over")
    p.add_argument("--full", action="store_true", help="re-process every report (ignore the per-report cache)")
    p.add_argument("--dumps", choices=["background", "after", "none"], default="background",
                   help="downloadable dumps of the new build, written from its store after the switch: by a "
                        "detached process (default), by this command before it exits, or not at all")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("add", help="copy documents (.txt .md .docx .html .pdf) into the corpus with a manifest "
                                   "entry each, then build")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--corpus", default=os.environ.get("MDKG_CORPUS", "data/corpus"),
                   help="corpus folder (default: %(default)s, or $MDKG_CORPUS; created with the bundled reports)")
    p.add_argument("--store", **store_kw)
    p.add_argument("--no-build", action="store_true", help="only copy and register; build later")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("validate", help="OWL consistency (HermiT) and SHACL shapes of the store")
    p.add_argument("--store", **store_kw)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("export", help="dump the whole dataset, ontology included")
    p.add_argument("--store", **store_kw)
    p.add_argument("--format", required=True, choices=sorted(EXPORT_FORMATS) + ["graphml", "gexf", "cytoscape"])
    p.add_argument("--out", help="file to write (default: standard output)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("query", help="run a SPARQL query (default graph = union of all graphs)")
    p.add_argument("sparql", nargs="?", help="the query text (or use --named)")
    p.add_argument("--named", help="run a named query of queries/*.rq instead (see /queries)")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="a named query's parameter")
    p.add_argument("--store", **store_kw)
    p.add_argument("--format", choices=["table", "json", "csv", "tsv"], default="table")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("serve", help="serve the store over HTTP (SPARQL endpoint and pages)")
    p.add_argument("--store", **store_kw)
    p.add_argument("--host", default=os.environ.get("MDKG_HOST", "127.0.0.1"))
    p.add_argument("--port", type=int, default=int(os.environ.get("MDKG_PORT", "8000")))
    p.add_argument("--workers", type=int, default=None)
    p.add_argument("--token", default=None, help="update token (default: $MDKG_UPDATE_TOKEN; none = read-only)")
    p.add_argument("--sparql-endpoint", default=None, metavar="URL",
                   help="serve the MDKG graphs of this remote SPARQL endpoint (e.g. Virtuoso's "
                        "http://host:8890/sparql) instead of --store, read-only")
    p.set_defaults(func=cmd_serve)

    for name, helptext, func in (("mentions", "show a report's text with every mention marked", cmd_mentions),
                                 ("entities", "list entities with their mention counts", cmd_entities),
                                 ("facts", "list extracted facts with their evidence", cmd_facts)):
        p = sub.add_parser(name, help=helptext)
        if name == "mentions":
            p.add_argument("file", nargs="?", help="a report file (default: the whole corpus)")
            p.add_argument("--paragraph", type=int, help="only this paragraph number")
        p.add_argument("--corpus", help="folder of reports (default: the bundled corpus)")
        if name == "facts":
            p.add_argument("--document", help="only this document (slug or file name)")
            p.add_argument("--rule", help="only rules whose id starts with this")
        p.set_defaults(func=func)

    p = sub.add_parser("push", help="write every named graph to a SPARQL 1.1 Graph Store Protocol endpoint")
    p.add_argument("--store", **store_kw)
    p.add_argument("--endpoint", required=True, help="the Graph Store endpoint URL (e.g. http://host:7878/store)")
    p.add_argument("--token", default=os.environ.get("MDKG_PUSH_TOKEN"), help="Bearer token (or $MDKG_PUSH_TOKEN)")
    p.add_argument("--user", default=os.environ.get("MDKG_PUSH_USER"),
                   help="user name for HTTP Digest or Basic authentication, whichever the server asks "
                        "for (or $MDKG_PUSH_USER); the password is read from $MDKG_PUSH_PASSWORD")
    p.set_defaults(func=cmd_push)

    p = sub.add_parser("explain", help="everything known about an entity and where each fact came from")
    p.add_argument("iri")
    p.add_argument("--store", **store_kw)
    p.set_defaults(func=cmd_explain)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
