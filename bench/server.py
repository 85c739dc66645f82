"""Activities per second and latency over HTTP: our bot vs the stock echo bot vs a bare floor.

Each server runs in its own process on loopback and posts its replies to a
local connector sink (another process). The load generator sends a fixed
number of activities with bounded concurrency and reports throughput and
p50/p99 latency; it also checks that the sink received one reply per activity
(a server that skips replying cannot look fast).

  our bot  : python -m bot (anonymous, default config), questions rotating
             through answer / choice / nothing-found cases
  echo bot : bench/echo_bot.py, the SDK sample (CloudAdapter, ActivityHandler)
  floor    : bench/floor.py, aiohttp only: receive JSON, post one reply
  ours-echo: our server stack (bench/server_ours_echo.py) with the echo handler, to
             separate what the server changes buy from what answering with cards costs
  bot-uncached: our bot with its answer cache off (BOT_ANSWER_CACHE_SIZE=0): every
             question matched and its cards built again, as for questions never seen
  floor-uvloop: the floor on uvloop, the event loop our bot runs on

Our bot's questions repeat (8 of them), so after the warm-up its answers come
from its answer cache, as a support desk's repeated questions do; bot-uncached
shows the cost when every question is new.

Prints numbers; asserts nothing. Usage:
  .venv/bin/python bench/server.py [--requests 2000] [--rounds 3] [--concurrency 16] [--only bot,echo,floor]
  (targets: bot, echo, floor, ours-echo, bot-uncached, floor-uvloop)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import aiohttp

REPO = Path(__file__).resolve().parents[1]
PY = sys.executable

QUESTIONS = [
    "what is subcode 3112",
    "bot returns 405",
    "sms 4007",
    "what is 404",
    "call ended with 487 / 0",
    "my toaster is on fire",
    "and 3101?",
    "AuthenticationFailed when sending chat message",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(cmd: list[str], env: dict | None = None, cwd: Path = REPO) -> subprocess.Popen:
    full = dict(os.environ)
    full.update(env or {})
    return subprocess.Popen(cmd, cwd=cwd, env=full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


async def wait_up(session: aiohttp.ClientSession, url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{url}: process exited: {proc.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            async with session.get(url, timeout=aiohttp.ClientTimeout(total=1)) as r:
                if r.status == 200:
                    return
        except (aiohttp.ClientError, asyncio.TimeoutError):
            pass
        await asyncio.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def cpu_seconds(pid: int) -> float | None:
    """User+system CPU time of a process so far (Linux /proc), None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def make_activity(i: int, sink_url: str, conversations: int) -> bytes:
    return json.dumps(
        {
            "type": "message",
            "id": uuid.uuid4().hex,
            "channelId": "emulator",
            "serviceUrl": sink_url,
            "conversation": {"id": f"bench-{i % conversations}"},
            "from": {"id": "user-1", "name": "User", "role": "user"},
            "recipient": {"id": "bot-1", "name": "Bot", "role": "bot"},
            "text": QUESTIONS[i % len(QUESTIONS)],
            "locale": "en-US",
        }
    ).encode()


async def load(session, url: str, bodies: list[bytes], concurrency: int) -> tuple[float, list[float], int]:
    latencies: list[float] = []
    errors = 0
    it = iter(bodies)

    async def worker():
        nonlocal errors
        for body in it:
            t = time.perf_counter()
            async with session.post(url, data=body, headers={"Content-Type": "application/json"}) as r:
                await r.read()
                if r.status >= 300:
                    errors += 1
            latencies.append(time.perf_counter() - t)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - started, latencies, errors


async def sink_count(session, sink_url: str) -> int:
    async with session.get(sink_url + "/count") as r:
        return (await r.json())["received"]


async def start_server(name, cmd, env, session, checkout: Path | None = None) -> tuple[subprocess.Popen, str]:
    """Start one target; `checkout` runs `python -m bot` from another clone with its own .venv."""
    port = free_port()
    python = str(checkout / ".venv" / "bin" / "python") if checkout else PY
    argv = [python, *cmd] if cmd[0] == "-m" else [python, *cmd, str(port)]
    proc = start(argv, {**(env or {}), "PORT": str(port)}, cwd=checkout or REPO)
    base = f"http://127.0.0.1:{port}"
    await wait_up(session, base + "/healthz", proc)
    return proc, base + "/api/messages"


async def measure(name, proc, url, args, sink_url, session, offset) -> dict:
    bodies = [make_activity(offset + i, sink_url, args.conversations) for i in range(args.requests)]
    before = await sink_count(session, sink_url)
    cpu0 = cpu_seconds(proc.pid)
    elapsed, lat, errors = await load(session, url, bodies, args.concurrency)
    cpu1 = cpu_seconds(proc.pid)
    await asyncio.sleep(0.2)
    replies = await sink_count(session, sink_url) - before
    lat.sort()
    return {
        "name": name,
        "rps": len(bodies) / elapsed,
        "p50_ms": statistics.median(lat) * 1000,
        "p99_ms": lat[int(len(lat) * 0.99) - 1] * 1000,
        "errors": errors,
        "replies": replies,
        "requests": len(bodies),
        "cpu_ms": (cpu1 - cpu0) * 1000 / len(bodies) if cpu0 is not None and cpu1 is not None else float("nan"),
    }


def _line(r: dict) -> str:
    return (f"{r['name']:12s} {r['rps']:8.1f} activities/s   p50 {r['p50_ms']:7.2f} ms   p99 {r['p99_ms']:7.2f} ms"
            f"   server CPU {r['cpu_ms']:5.2f} ms/activity   errors {r['errors']}   replies {r['replies']}/{r['requests']}")


async def main_async(args) -> None:
    sink_port = free_port()
    sink_url = f"http://127.0.0.1:{sink_port}"
    sink = start([PY, "bench/server_sink.py", str(sink_port)])
    targets = {
        "bot": (["-m", "bot"], {"LOG_LEVEL": "WARNING"}),
        "echo": (["bench/echo_bot.py"], {}),
        "floor": (["bench/floor.py"], {}),
        "ours-echo": (["bench/server_ours_echo.py"], {}),
        "bot-uncached": (["-m", "bot"], {"LOG_LEVEL": "WARNING", "BOT_ANSWER_CACHE_SIZE": "0"}),
        "floor-uvloop": (["bench/floor.py"], {"FLOOR_LOOP": "uvloop"}),
    }
    wanted = [t for t in args.only.split(",") if t]
    if args.before:
        # The same bot from an earlier checkout, measured in the same rounds: "not slower
        # than before" is then a comparison on one machine in one hour.
        targets["bot-before"] = (["-m", "bot"], {"LOG_LEVEL": "WARNING"})
        wanted.append("bot-before")
    servers: dict[str, tuple[subprocess.Popen, str]] = {}
    rounds: dict[str, list[dict]] = {name: [] for name in wanted}
    connector = aiohttp.TCPConnector(limit=args.concurrency * 2)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=120)) as session:
        try:
            await wait_up(session, sink_url + "/healthz", sink)
            for name in wanted:
                cmd, env = targets[name]
                checkout = Path(args.before).resolve() if name == "bot-before" else None
                servers[name] = await start_server(name, cmd, env, session, checkout)
                proc, url = servers[name]
                warm = [make_activity(i, sink_url, args.conversations) for i in range(args.warmup)]
                await load(session, url, warm, args.concurrency)
            # Rounds interleave the servers, so a noisy neighbour slows all of them alike.
            for round_no in range(args.rounds):
                for name in wanted:
                    proc, url = servers[name]
                    r = await measure(name, proc, url, args, sink_url, session, 10_000 * (round_no + 1))
                    rounds[name].append(r)
                    print(f"round {round_no + 1}: " + _line(r), flush=True)
        finally:
            for proc, _ in servers.values():
                stop(proc)
            stop(sink)

    def median_of(name: str) -> dict:
        rs = rounds[name]
        out = {k: statistics.median(r[k] for r in rs) for k in ("rps", "p50_ms", "p99_ms", "cpu_ms")}
        out.update(name=name, errors=sum(r["errors"] for r in rs), replies=sum(r["replies"] for r in rs),
                   requests=sum(r["requests"] for r in rs))
        return out

    by = {name: median_of(name) for name in wanted}
    print(f"\nmedian of {args.rounds} rounds:")
    for name in wanted:
        print("  " + _line(by[name]))
    if "bot" in by and "echo" in by:
        print(f"bot / echo  = {by['bot']['rps'] / by['echo']['rps']:.1f}x activities/s, "
              f"{by['echo']['cpu_ms'] / by['bot']['cpu_ms']:.1f}x less server CPU per activity   (target >= 8x)")
    if "bot" in by and "bot-before" in by:
        print(f"bot / bot-before = {100 * by['bot']['rps'] / by['bot-before']['rps']:.0f}% of activities/s, "
              f"{100 * by['bot']['cpu_ms'] / by['bot-before']['cpu_ms']:.0f}% of its server CPU per activity")
    for ours, floor in (("bot", "floor"), ("bot-before", "floor"), ("bot-uncached", "floor"), ("bot", "floor-uvloop")):
        if ours in by and floor in by:
            print(f"{ours} / {floor} = {100 * by[ours]['rps'] / by[floor]['rps']:.0f}% of activities/s, "
                  f"{floor} uses {100 * by[floor]['cpu_ms'] / by[ours]['cpu_ms']:.0f}% of our server CPU per activity"
                  + ("   (target >= 70%)" if (ours, floor) == ("bot", "floor") else ""))
    print(f"({args.requests} activities per server per round after {args.warmup} warm-up, concurrency "
          f"{args.concurrency}, {os.cpu_count()} CPUs shared by load generator, sink and server, loopback)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--warmup", type=int, default=300)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--conversations", type=int, default=50)
    ap.add_argument("--only", default="bot,echo,floor,ours-echo")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--before", metavar="CHECKOUT",
                    help="also measure `python -m bot` from this clone of an earlier commit (needs its .venv)")
    args = ap.parse_args()
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
