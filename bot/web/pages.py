"""GET /, /privacy and /terms: the short pages a Teams app package must link to.

Teams requires an app's developer website, privacy statement and terms of use
to be real pages; deploy/scripts/teams_package.py points them at these, on
the bot's own domain, so a package built for any deployment links to pages
that exist. The text is in bot/web/pages/*.html (data, not code), read once.
"""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

PAGES_DIR = Path(__file__).resolve().parent / "pages"
PAGES = {"/": "about.html", "/privacy": "privacy.html", "/terms": "terms.html"}


def add_page_routes(app: web.Application) -> None:
    for path, name in PAGES.items():
        body = (PAGES_DIR / name).read_bytes()

        async def page(request: web.Request, body: bytes = body) -> web.Response:
            return web.Response(body=body, content_type="text/html", charset="utf-8",
                                headers={"Cache-Control": "public, max-age=3600"})

        app.router.add_get(path, page, allow_head=True)
