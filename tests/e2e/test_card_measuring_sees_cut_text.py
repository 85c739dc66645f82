"""The browser tests' ruler (deploy/e2e/drive.js, measureCards) notices what a reader would.

A page with three hand-made "cards" in Chromium: one that reads whole, one
whose button title is cut with an ellipsis (what Teams and Web Chat do to a
long Action.Submit title), and one with a line too wide for it. Only the last
two may be reported, so a pass of the card tests means something.
"""

from __future__ import annotations

from tests.support.e2e import StaticSite, drive, ensure_e2e_tools

PAGE = """<!doctype html><meta charset="utf-8">
<style>.ac-adaptiveCard { width: 240px; border: 1px solid #ccc; margin: 8px; font: 14px sans-serif; }</style>
<input id="box">
<div class="ac-adaptiveCard" id="fine"><p style="overflow:hidden">A title that wraps onto two lines easily</p></div>
<div class="ac-adaptiveCard" id="cut">
  <button style="width:200px; white-space:nowrap; overflow:hidden; text-overflow:ellipsis">
    404 / 4507 — Participant not found in the call roster</button></div>
<div class="ac-adaptiveCard" id="wide"><div style="width:400px">A line wider than its card</div></div>
"""


def test_cut_and_protruding_text_is_reported_and_whole_text_is_not(tmp_path):
    ensure_e2e_tools()
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    site = StaticSite(tmp_path).start()
    try:
        report = drive("ruler", f"{site.url}/index.html", "#box", [], wait_on_load="wider than its card",
                       measure=True, artifacts=tmp_path / "shots")
    finally:
        site.stop()
    fine, cut, wide = (card["problems"] for card in report["loaded"]["measured"])
    assert fine == []
    assert any(p.startswith("cut off at the right: button") for p in cut), cut
    assert any(p.startswith("sticks out of the card") for p in wide), wide
