"""The Bot Framework server and the conversation, in three rooms.

bot/web/ (HTTP), bot/conversation/ (what the bot says and remembers) and
bot/sdk/ (the fence around the SDK's internals); bot/config.py (settings from
the environment), bot/correlation.py (the request id) and bot/json_codec.py
(JSON on the wire) are shared by all three. `python -m bot` serves.
"""
