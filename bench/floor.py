"""The floor for bench/server.py: what one activity costs with no SDK at all.

Receive the activity's JSON, post one reply to its serviceUrl on a shared
aiohttp ClientSession, answer 200. No validation, no auth, no state: nothing a
real bot could skip, so nothing can be faster. Usage: python bench/floor.py PORT
(FLOOR_LOOP=uvloop: on uvloop instead of asyncio's loop, like our bot.)
"""

import asyncio
import json
import os
import sys

import aiohttp
from aiohttp import web


async def on_startup(app: web.Application) -> None:
    app["session"] = aiohttp.ClientSession()


async def on_cleanup(app: web.Application) -> None:
    await app["session"].close()


async def messages(req: web.Request) -> web.Response:
    activity = await req.json()
    reply = {
        "type": "message",
        "text": f"Echo: {activity.get('text')}",
        "conversation": activity["conversation"],
        "from": activity.get("recipient"),
        "recipient": activity.get("from"),
        "replyToId": activity.get("id"),
    }
    url = f"{activity['serviceUrl'].rstrip('/')}/v3/conversations/{activity['conversation']['id']}/activities/{activity['id']}"
    async with req.app["session"].post(url, data=json.dumps(reply), headers={"Content-Type": "application/json"}) as r:
        await r.read()
    return web.Response(status=200)


async def healthz(req: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 3978
    app = web.Application()
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    if os.environ.get("FLOOR_LOOP") == "uvloop":
        import uvloop

        loop = uvloop.new_event_loop()
    else:
        loop = asyncio.new_event_loop()
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None, loop=loop)


if __name__ == "__main__":
    main()
