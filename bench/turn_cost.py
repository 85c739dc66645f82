"""Server CPU per activity, A/B against another checkout, in many short alternating rounds.

bench/server.py measures throughput and latency; on a shared machine its
per-round figures swing by a fifth, too much to see a 5% change. This script
measures only what a change to the server can move: the CPU time the server
process spends per activity, read from the kernel's scheduler statistics
(/proc/PID/task/*/schedstat, nanoseconds, every thread of the process), so
the load generator's and the sink's share and the machine's other users do
not count. Both servers are `python -m bot` (anonymous, default config, the
same environment bench/server.py gives them), fed bench/server.py's question
mix, each replying to its own local sink. Rounds alternate A, B, B, A, ... so
a drift in the machine's load reaches both alike, or with --together load both
at the same moment (each with its own load); the figure to read is the median
of the per-round ratios. On the shared 2-core machine --together gave the
tighter spread (quartiles within about +-5% of the median, against +-10% or
more alternating). CHECKOUT is any clone with a .venv (`git archive COMMIT`
unpacked next to a symlink to this .venv will do).

  --profile  instead: this checkout's app in process, one turn at a time
             (cProfile), reporting Python function calls per activity and the
             functions with the most own time.

Prints numbers; asserts nothing. Usage:
  .venv/bin/python bench/turn_cost.py --before CHECKOUT --together [--rounds 30] [--requests 250]
  .venv/bin/python bench/turn_cost.py --before CHECKOUT [--rounds 20] [--requests 400]   (alternating)
  .venv/bin/python bench/turn_cost.py --profile [--requests 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, os.environ.get("PYTHONPATH") or str(Path(__file__).resolve().parents[1]))

from server import PY, REPO, free_port, load, make_activity, sink_count, start, start_server, stop, wait_up  # noqa: E402


def cpu_ns(pid: int) -> int:
    """On-CPU time of every thread of a process so far, in nanoseconds (Linux schedstat)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            pass  # a thread that ended meanwhile
    return total


async def one_round(session, proc, url, sink_url, bodies, concurrency) -> float:
    """CPU microseconds per activity for one batch; checks one reply per activity."""
    before = await sink_count(session, sink_url)
    cpu0 = cpu_ns(proc.pid)
    _, _, errors = await load(session, url, bodies, concurrency)
    cpu1 = cpu_ns(proc.pid)
    await asyncio.sleep(0.05)
    replies = await sink_count(session, sink_url) - before
    if errors or replies != len(bodies):
        raise RuntimeError(f"{url}: {errors} errors, {replies}/{len(bodies)} replies")
    return (cpu1 - cpu0) / 1000 / len(bodies)


async def ab(args) -> None:
    names = ["this", "before"]
    checkouts = {"this": None, "before": Path(args.before).resolve()}
    env = {"LOG_LEVEL": "WARNING"}
    sinks, servers = {}, {}
    per_round: dict[str, list[float]] = {n: [] for n in names}
    connector = aiohttp.TCPConnector(limit=args.concurrency * 4)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=120)) as session:
        try:
            for name in names:  # one sink each, so that rounds run at the same time count their own replies
                port = free_port()
                sinks[name] = (start([PY, "bench/server_sink.py", str(port)]), f"http://127.0.0.1:{port}")
                await wait_up(session, sinks[name][1] + "/healthz", sinks[name][0])
                servers[name] = await start_server(name, ["-m", "bot"], env, session, checkouts[name])
                warm = [make_activity(i, sinks[name][1], args.conversations) for i in range(args.warmup)]
                await load(session, servers[name][1], warm, args.concurrency)
            for round_no in range(args.rounds):
                offset = 10_000 * (round_no + 1)

                async def measure(name):
                    proc, url = servers[name]
                    sink_url = sinks[name][1]
                    bodies = [make_activity(offset + i, sink_url, args.conversations) for i in range(args.requests)]
                    return name, await one_round(session, proc, url, sink_url, bodies, args.concurrency)

                if args.together:  # both loaded at once: the machine's state at that moment is the same for both
                    got = dict(await asyncio.gather(*(measure(n) for n in names)))
                else:  # one after the other, in alternating order
                    got = dict([await measure(n) for n in (names if round_no % 2 == 0 else names[::-1])])
                for name in names:
                    per_round[name].append(got[name])
                print(f"round {round_no + 1:2d}: this {got['this']:7.1f} us   before {got['before']:7.1f} us   "
                      f"ratio {100 * got['this'] / got['before']:5.1f}%", flush=True)
        finally:
            for proc, _ in servers.values():
                stop(proc)
            for proc, _ in sinks.values():
                stop(proc)
    ratios = sorted(100 * a / b for a, b in zip(per_round["this"], per_round["before"]))
    q = statistics.quantiles(ratios, n=4) if len(ratios) >= 2 else [ratios[0]] * 3
    print(f"\nserver CPU per activity, median of {args.rounds} rounds: this {statistics.median(per_round['this']):.1f} us, "
          f"before {statistics.median(per_round['before']):.1f} us")
    print(f"this / before per round: median {statistics.median(ratios):.1f}%  (quartiles {q[0]:.1f}% .. {q[2]:.1f}%)")
    print(f"({args.requests} activities per server per round, {'both at once' if args.together else 'alternating'}, "
          f"concurrency {args.concurrency}, {args.conversations} conversations, {os.cpu_count()} CPUs, "
          f"loadavg {os.getloadavg()[0]:.2f})")


async def profile(args) -> None:
    """This checkout's app in process: activities posted one at a time by aiohttp's test client, cProfile around the turns."""
    import cProfile
    import pstats

    from aiohttp.test_utils import TestClient, TestServer

    from bot.config import BotConfig

    try:
        from bot.web.app import create_app
    except ImportError:  # an older checkout's layout (run with its .venv and PYTHONPATH=that checkout)
        from bot.app import create_app

    received = {"n": 0}

    async def receive(request):
        await request.read()
        received["n"] += 1
        return aiohttp.web.json_response({"id": str(received["n"])})

    sink_app = aiohttp.web.Application()
    sink_app.router.add_post("/v3/conversations/{c}/activities", receive)
    sink_app.router.add_post("/v3/conversations/{c}/activities/{a}", receive)
    sink = TestServer(sink_app)
    await sink.start_server()
    sink_url = str(sink.make_url("")).rstrip("/")
    client = TestClient(TestServer(create_app(BotConfig(log_level="WARNING"))))
    await client.start_server()
    headers = {"Content-Type": "application/json"}
    try:
        for i in range(args.warmup):
            async with client.post("/api/messages", data=make_activity(i, sink_url, args.conversations), headers=headers) as r:
                assert r.status == 200, r.status
        bodies = [make_activity(10_000 + i, sink_url, args.conversations) for i in range(args.requests)]
        prof = cProfile.Profile()
        prof.enable()
        for body in bodies:
            async with client.post("/api/messages", data=body, headers=headers) as r:
                assert r.status == 200, r.status
        prof.disable()
    finally:
        await client.close()
        await sink.close()
    stats = pstats.Stats(prof)
    print(f"{stats.total_calls / args.requests:.0f} Python function calls per activity "
          f"(client, server and sink in one process; compare runs, not absolutes)")
    stats.sort_stats(args.sort).print_stats(args.top)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", metavar="CHECKOUT", help="the other clone (with its .venv) to compare with")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--warmup", type=int, default=300)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--conversations", type=int, default=50)
    ap.add_argument("--together", action="store_true", help="load both servers at the same time in each round")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--sort", default="tottime")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args()
    if args.profile:
        asyncio.run(profile(args))
    elif args.before:
        asyncio.run(ab(args))
    else:
        ap.error("give --before CHECKOUT or --profile")


if __name__ == "__main__":
    main()
