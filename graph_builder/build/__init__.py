"""Build: corpus → quads → an Oxigraph store on disk, switched over only when it is good.

``pipeline`` runs the stages per report (in worker processes), ``cache`` keys and keeps each
report's cached quads and mentions (``stage_inputs`` measures what each stage reads),
``emit`` turns a document, its mentions and its facts into quads, ``store`` opens, fills and
atomically switches the store link.

May import: every earlier stage (``text``, ``recognise``, ``values``, ``facts``), ``validate``
(the compiled SHACL check of each report) and ``publish.dumps`` (the dumps written beside a
build); never ``service``, ``review`` or ``cli``.
"""
