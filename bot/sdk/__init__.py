"""The fence: every use of Bot Framework SDK, botframework-connector and msrest internals.

The SDK is archived, and the server replaces parts of it for speed and
robustness (connector clients cached and freed without the cyclic collector,
replies sent and serialised without msrest's generic pipeline, activities read
without msrest's walk, state saved only when it changed, the bot's own token
fetched off the event loop, Blob state read and written with one HTTP call each). Those replacements depend on exact versions of
msrest, aiohttp, requests and botframework-connector (pinned in pyproject.toml), so they live
here and nowhere else; tests/bot/test_sdk_fence.py fails when code outside
this package reaches for an internal. The rest of bot/ uses bot/sdk/adapter.py
(run a turn), reply_models.py (reply types), invokes.py (an invoke's
answer), card_updates.py (replace a sent message), delivery_errors.py and settings.py.
"""
