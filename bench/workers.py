"""Activities per second of the bot with shared state: one worker vs two, memory vs Blob Storage, in one run.

Three servers, each `python -m bot` on loopback posting its replies to a local
connector sink (bench/server_sink.py), measured in interleaved rounds (a noisy
neighbour slows all of them alike):

  memory-1 : the default, in-process conversation state, one process
  blob-1   : BOT_STORAGE=blob against Azurite (started here, on a free port), one process
  blob-2   : the same with BOT_WORKERS=2 (gunicorn, aiohttp's worker class)

The questions and load are bench/server.py's (answers, choices, nothing found,
follow-ups), over 1000 conversations, so every turn reads its conversation's state
from the store and writes it when the product changes, and the unanswered ones
write a record. Server CPU counts the gunicorn master and its workers.
Prints numbers; asserts nothing. Target: blob-2 >= 1.6x blob-1 on two cores.

  .venv/bin/python bench/workers.py [--requests 2000] [--rounds 1] [--concurrency 16]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import uuid
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from server import PY, free_port, load, make_activity, sink_count, start, stop, wait_up  # noqa: E402

from tests.support.azurite import Azurite, install  # noqa: E402


def cpu_seconds_with_children(pid: int) -> float | None:
    """User+system CPU of a process and its direct children (gunicorn's workers), Linux /proc."""
    total = 0.0
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        for p in [pid, *map(int, kids)]:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None
    return total


async def measure(name, proc, url, args, sink_url, session, offset, azurite_pid) -> dict:
    bodies = [make_activity(offset + i, sink_url, args.conversations) for i in range(args.requests)]
    before = await sink_count(session, sink_url)
    cpu0, az0 = cpu_seconds_with_children(proc.pid), cpu_seconds_with_children(azurite_pid)
    elapsed, lat, errors = await load(session, url, bodies, args.concurrency)
    cpu1, az1 = cpu_seconds_with_children(proc.pid), cpu_seconds_with_children(azurite_pid)
    await asyncio.sleep(0.3)
    lat.sort()
    return {
        "name": name, "rps": len(bodies) / elapsed, "p50_ms": statistics.median(lat) * 1000,
        "p99_ms": lat[int(len(lat) * 0.99) - 1] * 1000, "errors": errors,
        "replies": await sink_count(session, sink_url) - before, "requests": len(bodies),
        "cpu_ms": (cpu1 - cpu0) * 1000 / len(bodies) if cpu0 is not None and cpu1 is not None else float("nan"),
        "azurite_ms": (az1 - az0) * 1000 / len(bodies) if az0 is not None and az1 is not None else float("nan"),
    }


def line(r: dict) -> str:
    return (f"{r['name']:9s} {r['rps']:8.1f} activities/s   p50 {r['p50_ms']:7.2f} ms   p99 {r['p99_ms']:7.2f} ms"
            f"   server CPU {r['cpu_ms']:5.2f} ms/activity   Azurite CPU {r['azurite_ms']:5.2f} ms/activity"
            f"   errors {r['errors']}   replies {r['replies']}/{r['requests']}")


async def main_async(args) -> None:
    why = install()
    if why is not None:
        sys.exit(f"Azurite cannot be installed, so blob state cannot be measured: {why}")
    blob = Azurite().start()
    data_dir = tempfile.mkdtemp(prefix="bench-workers-")
    blob_env = {
        "BOT_STORAGE": "blob", "BOT_STORAGE_CONNECTION_STRING": blob.connection_string,
        "BOT_STORAGE_CONTAINER": "bench-" + uuid.uuid4().hex[:8],
    }
    targets = {
        "memory-1": {},
        "blob-1": blob_env,
        "blob-2": {**blob_env, "BOT_WORKERS": "2"},
    }
    sink_port = free_port()
    sink_url = f"http://127.0.0.1:{sink_port}"
    sink = start([PY, "bench/server_sink.py", str(sink_port)])
    servers: dict[str, tuple] = {}
    rounds: dict[str, list[dict]] = {name: [] for name in targets}
    connector = aiohttp.TCPConnector(limit=args.concurrency * 2)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=120)) as session:
        try:
            await wait_up(session, sink_url + "/healthz", sink)
            for name, env in targets.items():
                port = free_port()
                proc = start([PY, "-m", "bot"], {**env, "PORT": str(port), "LOG_LEVEL": "WARNING", "BOT_DATA_DIR": data_dir})
                base = f"http://127.0.0.1:{port}"
                await wait_up(session, base + "/healthz", proc)
                servers[name] = (proc, base + "/api/messages")
                warm = [make_activity(i, sink_url, args.conversations) for i in range(args.warmup)]
                await load(session, servers[name][1], warm, args.concurrency)
            for round_no in range(args.rounds):
                for name, (proc, url) in servers.items():
                    r = await measure(name, proc, url, args, sink_url, session, 10_000 * (round_no + 1), blob.proc.pid)
                    rounds[name].append(r)
                    print(f"round {round_no + 1}: " + line(r), flush=True)
        finally:
            for proc, _ in servers.values():
                stop(proc)
            stop(sink)
            blob.remove()

    by = {}
    for name, rs in rounds.items():
        by[name] = {k: statistics.median(r[k] for r in rs) for k in ("rps", "p50_ms", "p99_ms", "cpu_ms", "azurite_ms")}
        by[name].update(name=name, errors=sum(r["errors"] for r in rs), replies=sum(r["replies"] for r in rs),
                        requests=sum(r["requests"] for r in rs))
    print(f"\nmedian of {args.rounds} round(s):")
    for name in targets:
        print("  " + line(by[name]))
    print(f"blob-2 / blob-1   = {by['blob-2']['rps'] / by['blob-1']['rps']:.2f}x activities/s   (target >= 1.6x)")
    print(f"blob-1 / memory-1 = {100 * by['blob-1']['rps'] / by['memory-1']['rps']:.0f}% of activities/s")
    print(f"({args.requests} activities per server per round after {args.warmup} warm-up, concurrency {args.concurrency}, "
          f"{args.conversations} conversations, {os.cpu_count()} CPUs shared by load generator, sink, Azurite and server)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--warmup", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=16)
    # Many conversations, as on a real deployment where one user sends one message at a time:
    # with bench/server.py's 50, turns of one conversation overlap all the time and the bench
    # would measure ETag races (each replayed with an extra read and write) more than serving.
    ap.add_argument("--conversations", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=1)
    asyncio.run(main_async(ap.parse_args()))


if __name__ == "__main__":
    main()
