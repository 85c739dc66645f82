"""Our server stack doing the echo bot's job, for bench/server.py ("ours-echo").

The app from bot.web.app.create_app (validation, auth, reused connector clients,
shared session) with the conversation swapped for the SDK sample's echo
handler. Against "echo" it measures what the server changes alone buy; against
"bot" it shows what answering with cards (matching, card building, the larger
reply) costs. Usage: python bench/server_ours_echo.py PORT
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from botbuilder.core import ActivityHandler, MessageFactory, TurnContext  # noqa: E402

from bot.web.app import ENDPOINT_KEY, create_app  # noqa: E402
from bot.config import BotConfig  # noqa: E402
from bot.web.process import serve  # noqa: E402


class EchoBot(ActivityHandler):
    async def on_message_activity(self, turn_context: TurnContext):
        return await turn_context.send_activity(MessageFactory.text(f"Echo: {turn_context.activity.text}"))


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 3978
    app = create_app(BotConfig(port=port))
    app[ENDPOINT_KEY].bot = EchoBot()
    serve(app, "127.0.0.1", port)  # as python -m bot runs it (event loop, GC settings)


if __name__ == "__main__":
    main()
