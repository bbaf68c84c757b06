"""Benchmarks: `make bench` runs them all and prints one table each (medians, p95)."""
