"""Run every benchmark: `python -m benchmarks` (or `make bench`)."""

from . import cli_start, pipeline

for module in (pipeline, cli_start):
    module.main()
    print()
