"""Performance suite for tdkt: ``python -m bench`` (see bench/README.md).

Every job runs as a child process next to a floor measured in the same pass; inputs are generated
deterministically into a cache folder (never committed). This package imports nothing heavy, so
``python -m bench.floors …`` children start as cheaply as the jobs they are compared with.
"""
