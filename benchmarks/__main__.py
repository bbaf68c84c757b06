"""Run every benchmark: `python -m benchmarks` (or `make bench`)."""

import time

from . import analysis, batch_throughput, cli_start, memory, pipeline, prompt_economy, streaming

started = time.perf_counter()
for module in (analysis, pipeline, cli_start, batch_throughput, prompt_economy, memory, streaming):
    module.main()
    print()
print(f"all benchmarks: {time.perf_counter() - started:.0f} s")
