"""Questions per second and per-question latency of the matcher, in process.

Runs the dev questions (../shared/eval/dev.jsonl, or a built-in sample when it
is absent) against the shipped catalog and against copies of it grown
synthetically to 10x and 100x its size, so that the cost of growth shows;
then a 20 KB log paste whose error is on its last line, read whole.
Prints numbers; asserts nothing.

    .venv/bin/python bench/matcher.py [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

from catalog import Catalog, load_catalog

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev.jsonl"
SAMPLE = [
    "what is subcode 3112", "bot returns 405", "sms 4007", "what is 404", "subcode 3113",
    '{"code": 403, "subcode": 5830}', "camera is being used by another application",
    "2024-05-01T12:00:00Z ERROR code=408 subCode=10057 id=5b0c9a1e-1234-4a5b-9c3d-0123456789ab",
    "tell me a joke", "Failed to unmute microphone",
]


def log_paste(size: int = 20_000, seed: int = 3) -> str:
    """A 20 KB log as people paste it: timestamps, ids, counts, a stack trace, and the
    error on its very last line, so reading the whole message is what finds it."""
    rng = random.Random(seed)
    lines: list[str] = []
    i = 0
    while sum(len(line) + 1 for line in lines) < size - 400:
        i += 1
        if i % 25 == 0:
            lines += [
                "Error: request to https://api.example.net/v2/items failed, reason: socket hang up",
                f"    at ClientRequest.<anonymous> (node_modules/node-fetch/lib/index.js:{1400 + i}:11)",
                f"    at Socket.socketOnEnd (node:_http_client:{500 + i % 9}:9)",
                f"    at <Main>d__{i % 7}`1.MoveNext() in C:\\src\\Worker.cs:line {40 + i}",
            ]
            continue
        lines.append(
            f"2024-05-{1 + i % 28:02d}T12:{i % 60:02d}:{(7 * i) % 60:02d}.{i % 1000:03d}Z INFO [worker-{i % 8}] "
            f"id={rng.getrandbits(64):016x} GET /api/items?page={i % 50}&top=100 took {rng.randint(3, 900)} ms, "
            f"{rng.randint(1, 300)} users online, Chrome {110 + i % 12} on Android {9 + i % 5}, build {20240000 + i}"
        )
    lines.append(
        '2024-05-29T12:59:59.999Z ERROR [worker-3] CallAutomation request failed: '
        '{"code": 400, "subcode": 8523, "message": "Invalid request, criteria is empty"}'
    )
    return "\n".join(lines)


def questions() -> list[str]:
    if DEV.exists():
        return [json.loads(line)["q"] for line in DEV.open(encoding="utf-8") if line.strip()]
    return SAMPLE


def grown(base: Catalog, factor: int, seed: int = 7) -> Catalog:
    """The catalog plus factor-1 perturbed copies: new sources, shifted numbers, new words."""
    rng = random.Random(seed)
    sources = dict(base.sources)
    entries = list(base.entries)
    for k in range(1, factor):
        for sid, src in base.sources.items():
            sources[f"{sid}-x{k}"] = src.model_copy(update={"id": f"{sid}-x{k}", "signals": tuple(f"{s} x{k}" for s in src.signals)})
        for e in base.entries:
            words = [w + (f"q{k}" if rng.random() < 0.3 else "") for w in e.message.split()]
            entries.append(e.model_copy(update={
                "source": f"{e.source}-x{k}",
                "code": None if e.code is None else e.code + 1000 * k,
                "subcode": None if e.subcode is None else e.subcode + 1000 * k,
                "message": " ".join(words),
            }))
    return Catalog(sources, entries)


def measure(catalog: Catalog, qs: list[str], rounds: int) -> dict:
    catalog.explain("warm up")  # build the matcher's indexes outside the timing
    lat = []
    cpu = []
    t0 = time.perf_counter()
    for _ in range(rounds):
        for q in qs:
            a, c = time.perf_counter(), time.process_time()
            catalog.explain(q)
            lat.append(time.perf_counter() - a)
            cpu.append(time.process_time() - c)
    wall = time.perf_counter() - t0
    lat.sort()
    return {
        # CPU time too: on a shared machine the wall clock also counts other people's work.
        "cpu p50 ms": 1000 * statistics.median(cpu),
        "entries": len(catalog),
        "questions/s": len(lat) / wall,
        "p50 ms": 1000 * statistics.median(lat),
        "p99 ms": 1000 * lat[int(0.99 * (len(lat) - 1))],
        "max ms": 1000 * lat[-1],
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=40)
    args = ap.parse_args()
    qs = questions()
    base = load_catalog()
    print(f"{len(qs)} questions x rounds, Python {sys.version.split()[0]}")
    print(f"{'catalog':>8} {'entries':>8} {'q/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'build s':>8}")
    for factor in (1, 10, 100):
        t = time.perf_counter()
        cat = base if factor == 1 else grown(base, factor)
        cat.matcher  # noqa: B018 - index building is part of 'build'
        build = time.perf_counter() - t
        rounds = args.rounds if factor < 100 else max(args.rounds // 4, 5)
        r = measure(cat, qs, rounds)
        print(f"{factor:>7}x {r['entries']:>8} {r['questions/s']:>9.0f} {r['p50 ms']:>8.3f} {r['p99 ms']:>8.3f} {r['max ms']:>8.2f} {build:>8.2f}")
    paste = log_paste()
    d = base.explain(paste)
    found = ", ".join(f"{m.entry.source} {m.entry.label}" for m in d.matches) or "-"
    r = measure(base, [paste], max(args.rounds, 20))
    print(f"\n{len(paste) / 1000:.0f} KB log paste ({paste.count(chr(10)) + 1} lines, the error on the last): "
          f"p50 {r['p50 ms']:.1f} ms (CPU {r['cpu p50 ms']:.1f} ms), p99 {r['p99 ms']:.1f} ms; {d.status}: {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
