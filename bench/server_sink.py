"""A connector sink for bench/server.py: accepts replies the way the Bot Connector would.

POST /v3/conversations/{id}/activities[/{activityId}] -> 200 {"id": ...}. It
counts what it receives (GET /count) so the benchmark can check that every
activity really produced a reply. Usage: python bench/server_sink.py PORT
"""

import itertools
import sys

from aiohttp import web

_ids = itertools.count(1)
_received = {"n": 0}


async def receive(req: web.Request) -> web.Response:
    await req.read()
    _received["n"] += 1
    return web.json_response({"id": str(next(_ids))})


async def count(req: web.Request) -> web.Response:
    return web.json_response({"received": _received["n"]})


def main() -> None:
    port = int(sys.argv[1])
    app = web.Application(client_max_size=16 * 1024 * 1024)
    app.router.add_post("/v3/conversations/{conversation}/activities", receive)
    app.router.add_post("/v3/conversations/{conversation}/activities/{activity}", receive)
    app.router.add_get("/count", count)
    app.router.add_get("/healthz", count)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


if __name__ == "__main__":
    main()
