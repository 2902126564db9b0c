"""One module per command or command group; each imports only typer and the stdlib at top level."""
