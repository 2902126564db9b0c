"""The one switch that turns every fast path off: ``TDKT_PLAIN=1``.

Each fast path of tdkt (records built without validation and shared between rows, the engine's
memo of outcomes, the parallel xlsx slicer, the CRC test in a thread, the hand-written rows of a
decision's attached list, ``tdkt ingest --format json`` encoded from the records' Structs, …) has a
plain path that gives the same result. With ``TDKT_PLAIN=1`` in the environment every one of them
takes its plain path, so that CI can run the suite both ways and compare the outputs byte for byte
(``.ci/run``). The switch is read once, at import.
"""

from __future__ import annotations

import os

PLAIN: bool = os.environ.get("TDKT_PLAIN", "").strip() not in ("", "0")
