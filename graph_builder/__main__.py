"""``python -m graph_builder`` is the ``mdkg`` command."""
import sys

from .cli import main

sys.exit(main())
