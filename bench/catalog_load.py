"""How long loading the whole catalog takes: read + validate every TOML file and build the indexes.

The bot loads the catalog once at start-up and `explain-error` loads it on
every invocation, so this is start-up latency a user waits for. Target: well
under 100 ms.

    .venv/bin/python bench/catalog_load.py [--runs 50]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from catalog import Catalog  # noqa: E402
from catalog.loader import DATA_DIR  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args()

    t0 = time.perf_counter()
    Catalog.load()  # the first load also warms the OS file cache, as a running bot has it
    first = (time.perf_counter() - t0) * 1000
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        catalog = Catalog.load()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p90 = times[min(len(times) - 1, int(round(0.9 * len(times))) - 1)]
    files = len(list(DATA_DIR.glob("*.toml")))
    print(f"catalog load ({files} files, {len(catalog.sources)} sources, {len(catalog)} entries), {args.runs} runs:")
    print(f"  first load in this process {first:.2f} ms")
    print(f"  median {statistics.median(times):.2f} ms   p90 {p90:.2f} ms   min {times[0]:.2f} ms   max {times[-1]:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
