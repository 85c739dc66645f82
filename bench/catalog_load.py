"""How long loading the whole catalog takes: read + validate every TOML file, build the indexes, then the matcher's.

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
    times, with_matcher = [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        catalog = Catalog.load()
        t1 = time.perf_counter()
        catalog.matcher  # noqa: B018 - the text index and product words: what start-up also builds
        t2 = time.perf_counter()
        times.append((t1 - t0) * 1000)
        with_matcher.append((t2 - t0) * 1000)
    files = len(list(DATA_DIR.glob("*.toml")))
    print(f"catalog load ({files} files, {len(catalog.sources)} sources, {len(catalog)} entries), {args.runs} runs:")
    print(f"  first load in this process {first:.2f} ms")
    for label, series in (("load + lookup indexes", times), ("... + the matcher's indexes", with_matcher)):
        series.sort()
        p90 = series[min(len(series) - 1, int(round(0.9 * len(series))) - 1)]
        print(f"  {label:28s} median {statistics.median(series):.2f} ms   p90 {p90:.2f} ms   "
              f"min {series[0]:.2f} ms   max {series[-1]:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
