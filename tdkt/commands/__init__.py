"""One module per command or command group; each imports only typer, the stdlib and tdkt's light modules
(``vocab``, ``cache``, ``commands.*``) at top level.

These modules (and ``tdkt.cli``) do not use ``from __future__ import annotations``: Typer reads every
command's signature to build the command tree, even for ``tdkt --help``, and string annotations make
it compile and evaluate each one twice (about a third of the start-up; tests/test_startup.py).
"""
