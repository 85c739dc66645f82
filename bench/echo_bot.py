"""The stock botbuilder echo bot, as in the SDK's samples (02.echo-bot), for bench/server.py.

CloudAdapter + ConfigurationBotFrameworkAuthentication + an ActivityHandler that
echoes, served with aiohttp. Nothing tuned: this is the baseline a new bot starts
from. Usage: python bench/echo_bot.py PORT
"""

import sys

from aiohttp import web
from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication


class DefaultConfig:
    PORT = 3978
    APP_ID = ""
    APP_PASSWORD = ""
    APP_TYPE = "MultiTenant"
    APP_TENANTID = ""


class EchoBot(ActivityHandler):
    async def on_message_activity(self, turn_context: TurnContext):
        return await turn_context.send_activity(MessageFactory.text(f"Echo: {turn_context.activity.text}"))


ADAPTER = CloudAdapter(ConfigurationBotFrameworkAuthentication(DefaultConfig()))
BOT = EchoBot()


async def messages(req: web.Request) -> web.Response:
    return await ADAPTER.process(req, BOT)


async def healthz(req: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 3978
    app = web.Application()
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


if __name__ == "__main__":
    main()
