"""``python -m bench``: run the performance suite (see bench/README.md)."""

from bench.suite import main

raise SystemExit(main())
