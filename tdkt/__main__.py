"""`python -m tdkt` runs the command-line interface."""

from tdkt.cli import app

app(prog_name="tdkt")
