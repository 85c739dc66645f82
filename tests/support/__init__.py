"""Helpers for the tests, imported as `tests.support.<module>`: the bot as a process or an
in-process app (bot_server), card fixtures and the card schema (cards), the browser tests'
tools (e2e), the conversation's question helpers (conversation), the catalog tests' readers
of decisions and parsed targets (matching), Azurite for Blob Storage (azurite), stopping
processes and telling gunicorn's workers apart (processes)."""
