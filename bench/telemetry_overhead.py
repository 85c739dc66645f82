"""What telemetry costs a turn: off (the default), and on.

Runs the real conversation (matcher, cards, conversation state, answer cache)
on an in-process adapter that discards replies, so HTTP and the network do not
drown the difference. Variants, interleaved round by round so that a noisy
neighbour on a shared machine hits them all alike:

  off       create_app's conversation without APPLICATIONINSIGHTS_CONNECTION_STRING:
            not wrapped; the only added work is the conversation's note_decision /
            note_feedback call, which finds no turn to report to.
  on        the same conversation observed by TurnTelemetry with OpenTelemetry's SDK
            providers (spans through a BatchSpanProcessor to an exporter that drops
            them, metrics aggregated in memory): Azure Monitor's setup minus the upload.

It also times the hook alone (one note_decision call with no turn observed), and
the cost of importing the telemetry stack, which only a bot with telemetry on pays.

With --against REV it answers "is a turn with telemetry off as cheap as before?"
directly: REV's code (e.g. the commit before telemetry) and this code are run
alternately, each in its own process (the two cannot share one), several times.

Usage: python bench/telemetry_overhead.py [turns per round] [rounds]
       python bench/telemetry_overhead.py --against REV [turns per round] [rounds] [processes each]
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
import timeit
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CODE = Path(os.environ.get("TELEMETRY_BENCH_CODE", REPO))  # whose bot/ to measure (for --against)
sys.path.insert(0, str(CODE))
os.environ.pop("APPLICATIONINSIGHTS_CONNECTION_STRING", None)

from botbuilder.core import TurnContext  # noqa: E402
from botbuilder.core.adapters import TestAdapter  # noqa: E402
from botbuilder.schema import Activity, ChannelAccount, ConversationAccount, ResourceResponse  # noqa: E402

from bot.web.app import ENDPOINT_KEY, create_app  # noqa: E402
from bot.config import BotConfig  # noqa: E402

QUESTIONS = ["what is subcode 3112", "what is 404", "my toaster is on fire", "sms 4007", "bot returns 405",
             "and 3101?", "call ended with 487", "AADSTS50076"]


class DiscardingAdapter(TestAdapter):
    async def send_activities(self, context, activities):
        return [ResourceResponse(id="r") for _ in activities]


def activity(i: int) -> Activity:
    return Activity(
        type="message", id=f"a{i}", channel_id="webchat", service_url="http://127.0.0.1:9",
        conversation=ConversationAccount(id=f"c{i % 50}"), from_property=ChannelAccount(id="u"),
        recipient=ChannelAccount(id="b"), text=QUESTIONS[i % len(QUESTIONS)],
    )


async def run(bot, adapter, turns: int) -> float:
    """Seconds per turn."""
    started = time.perf_counter()
    for i in range(turns):
        await bot.on_turn(TurnContext(adapter, activity(i)))
    return (time.perf_counter() - started) / turns


def observed(bot):
    from opentelemetry.sdk.metrics import MeterProvider
    from opentelemetry.sdk.metrics.export import InMemoryMetricReader
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult

    from bot.telemetry import observe_turns
    from bot.telemetry.turns import TurnTelemetry

    class Dropping(SpanExporter):
        def export(self, spans):
            return SpanExportResult.SUCCESS

    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(BatchSpanProcessor(Dropping()))
    meter_provider = MeterProvider(metric_readers=[InMemoryMetricReader()])
    return observe_turns(bot, telemetry=TurnTelemetry(tracer_provider, meter_provider))


def import_seconds(statement: str, tries: int = 3) -> float:
    """The best of a few fresh processes (the machine's noise only ever adds time)."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    times = []
    for _ in range(tries):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
        times.append(float(out.stdout.strip()))
    return min(times)


def measure(variants: dict, turns: int, rounds: int) -> dict[str, list[float]]:
    adapter = DiscardingAdapter()
    loop = asyncio.new_event_loop()
    for bot in variants.values():  # warm up: caches, state, first-call costs
        loop.run_until_complete(run(bot, adapter, 500))
    results: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(rounds):
        for name, bot in variants.items():
            results[name].append(loop.run_until_complete(run(bot, adapter, turns)))
    return results


def plain_bot():
    bot = create_app(BotConfig())[ENDPOINT_KEY].bot
    assert type(bot).__name__ == "ErrorExplainerBot", "telemetry is on in this environment"
    return bot


def against(rev: str, turns: int, rounds: int, processes: int) -> None:
    """Telemetry off vs REV's code, alternating processes; prints the medians."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "bot", "catalog", "cards"],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        per_turn: dict[str, list[float]] = {rev: [], "this code": []}
        for _ in range(processes):
            for name, code in ((rev, tmp), ("this code", str(REPO))):
                out = subprocess.run([sys.executable, __file__, "--off-only", str(turns), str(rounds)],
                                     env={**os.environ, "TELEMETRY_BENCH_CODE": code},
                                     capture_output=True, text=True, check=True)
                per_turn[name].append(float(out.stdout))
    print(f"telemetry off, {processes} processes each x {rounds} rounds x {turns} turns (median us/turn per process):")
    for name, values in per_turn.items():
        print(f"  {name:>10}: median {statistics.median(values):6.1f}, best {min(values):6.1f} us/turn"
              f"  ({', '.join(f'{v:.1f}' for v in values)})")
    for label, pick in (("median", statistics.median), ("best", min)):
        base, ours = (pick(v) for v in per_turn.values())
        print(f"  difference of the {label}s: {ours - base:+.1f} us/turn ({(ours - base) / base * 100:+.1f}%)")


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] == "--off-only":
        turns, rounds = int(args[1]), int(args[2])
        print(statistics.median(measure({"off": plain_bot()}, turns, rounds)["off"]) * 1e6)
        return
    if args and args[0] == "--against":
        rev, rest = args[1], [int(a) for a in args[2:]]
        turns, rounds, processes = (rest + [2000, 5, 5][len(rest):])[:3]
        against(rev, turns, rounds, processes)
        return
    turns = int(args[0]) if len(args) > 0 else 2000
    rounds = int(args[1]) if len(args) > 1 else 7
    plain = plain_bot()
    variants = {"off": plain, "on": observed(plain)}
    results = measure(variants, turns, rounds)

    from bot.telemetry import note_decision
    from catalog import load_catalog

    decision = load_catalog().explain("what is subcode 3112")
    n = 1_000_000
    hook_ns = min(timeit.repeat(lambda: note_decision(decision, cached=True), number=n, repeat=5)) / n * 1e9

    off = statistics.median(results["off"]) * 1e6
    on = statistics.median(results["on"]) * 1e6
    print(f"turns: {rounds} rounds x {turns}, {len(QUESTIONS)} questions (answer, ambiguous, none; answer cache on)")
    print(f"off  {off:8.1f} us/turn  (rounds: {', '.join(f'{r * 1e6:.0f}' for r in results['off'])})")
    print(f"on   {on:8.1f} us/turn  (rounds: {', '.join(f'{r * 1e6:.0f}' for r in results['on'])})  "
          f"+{on - off:.1f} us, +{(on - off) / off * 100:.1f}%")
    print(f"hook with telemetry off: {hook_ns:.0f} ns per note_decision call = {hook_ns / 1000 / off * 100:.3f}% of a turn")
    base = import_seconds("import bot.web.app")
    stack = import_seconds("import bot.web.app; import azure.monitor.opentelemetry, "
                           "opentelemetry.instrumentation.aiohttp_server")
    print(f"import bot.web.app: {base * 1000:.0f} ms; with the telemetry stack (paid only when on): {stack * 1000:.0f} ms")


if __name__ == "__main__":
    main()
