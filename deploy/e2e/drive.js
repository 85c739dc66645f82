#!/usr/bin/env node
// Drives a chat page (Agents Playground or our Web Chat page) in Debian's headless
// Chromium the way a person would: type a question, press Enter, wait for the bot's
// Adaptive Card, click a card button. It reports what each step rendered (the text of
// every new card) as JSON on stdout, and leaves one screenshot per step; the pytest
// side decides whether that is right, so the expectations live next to the catalog.
//
// Usage: node drive.js scenario.json
// scenario = {url, artifacts, name, input (CSS selector of the send box),
//             steps: [{say|click, waitFor, shot}], timeoutMs}
// - say: text typed into the send box, then Enter.
// - click: text (substring) of a button, tappable row or acting link inside a rendered
//   card; the last match on the page is clicked.
//   With `inPlace: true` the pressed card itself is expected to change (Teams' Universal
//   Actions, or a message the bot updates): waitFor is then looked for in that card, once
//   its text differs from what it was, and in any card after it.
// - clickSuggested: text of a suggested action (a button under the transcript, outside cards).
// - waitFor: text that must appear in a card rendered after the step started.
// scenario.viewport ({width, height}) sets the window size (default 1280x1000).
// scenario.measure: each new card is also measured (text cut off or sticking out, see
// measureCards) and photographed on its own ("cards": [{text, width, height, problems, screenshot}]).
// scenario.read (a CSS selector) instead of steps: wait for it, report its text.
// Exit status 0 with {"steps": [...]} or 1 with {"error": ..., "steps": [...]}.
'use strict';

const fs = require('fs');
const path = require('path');
const { CARD, squash, openBrowser, report, runDriver } = require('./chromium');

async function cardTexts(page) {
  return page.$$eval(CARD, (els) => els.map((el) => el.innerText));
}

// What a reader would notice is wrong with a rendered card: text cut off (its box is
// narrower or lower than its content and hides the rest, ellipsis or not) and
// anything sticking out of the card or the window.
function measureCards(cards, from) {
  const label = (el) => {
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    return `${el.tagName.toLowerCase()}${cls} "${(el.innerText || '').replace(/\s+/g, ' ').trim().slice(0, 60)}"`;
  };
  return cards.slice(from).map((card) => {
    const problems = new Set();
    const box = card.getBoundingClientRect();
    if (box.right > window.innerWidth + 1) problems.add(`card wider than the window (${Math.round(box.right)} > ${window.innerWidth})`);
    for (const el of [card, ...card.querySelectorAll('*')]) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if (!(el.innerText || '').trim()) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible') {
        problems.add(`cut off at the right: ${label(el)} (${el.scrollWidth}px of text in ${el.clientWidth}px)`);
      }
      if (el.clientHeight > 0 && el.scrollHeight > el.clientHeight + 2 && style.overflowY !== 'visible') {
        problems.add(`cut off at the bottom: ${label(el)} (${el.scrollHeight}px of text in ${el.clientHeight}px)`);
      }
      if (r.right > box.right + 1 || r.left < box.left - 1) {
        problems.add(`sticks out of the card: ${label(el)}`);
      }
    }
    return { text: card.innerText, width: Math.round(box.width), height: Math.round(box.height), problems: [...problems] };
  });
}

async function measureNew(page, before, name, artifacts) {
  const measured = await page.$$eval(CARD, measureCards, before);
  for (let i = 0; i < measured.length; i += 1) {
    const file = path.join(artifacts, `${name}-card${i + 1}.png`);
    await page.locator(CARD).nth(before + i).screenshot({ path: file }).catch(() => {});
    measured[i].screenshot = file;
  }
  return measured;
}

async function waitForNewCard(page, before, expected, timeoutMs) {
  // A new card, counted from before the step, whose text contains `expected`.
  await page.waitForFunction(
    ({ selector, before, expected }) => {
      const cards = Array.from(document.querySelectorAll(selector)).slice(before);
      const squash = (t) => (t || '').replace(/\s+/g, ' ').trim();
      return cards.some((c) => squash(c.innerText).includes(squash(expected)));
    },
    { selector: CARD, before, expected },
    { timeout: timeoutMs, polling: 100 },
  );
  // Let the rest of a multi-card reply arrive before reading it.
  await page.waitForTimeout(300);
}

async function main() {
  const scenario = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const timeoutMs = scenario.timeoutMs || 20000;
  fs.mkdirSync(scenario.artifacts, { recursive: true });
  const result = { steps: [], pageErrors: [], console: [] };

  const { page, close } = await openBrowser(scenario.viewport);
  page.on('pageerror', (e) => result.pageErrors.push(String(e && e.message)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/ERR_NAME_NOT_RESOLVED|Failed to load resource|worklet/.test(m.text())) {
      result.console.push(m.text().slice(0, 500));
    }
  });
  const shot = async (name) => {
    const file = path.join(scenario.artifacts, `${scenario.name}-${name}.png`);
    await page.screenshot({ path: file, fullPage: false });
    return file;
  };

  let stepNo = 0;
  try {
    await page.goto(scenario.url, { waitUntil: 'load', timeout: timeoutMs });
    if (scenario.read) {
      // Only read what the page shows at `read` (e.g. an error line) once it appears.
      const el = page.locator(scenario.read).first();
      await el.waitFor({ state: 'visible', timeout: timeoutMs });
      result.read = squash(await el.innerText());
      result.readScreenshot = await shot('read');
      scenario.steps = [];
    }
    const input = page.locator(scenario.input || 'body').first();
    if (!scenario.read) {
      await input.waitFor({ state: 'visible', timeout: timeoutMs });
      if (scenario.waitOnLoad) {
        await waitForNewCard(page, 0, scenario.waitOnLoad, timeoutMs);
      }
      result.loaded = { cards: await cardTexts(page), screenshot: await shot('00-loaded') };
      if (scenario.measure) {
        result.loaded.measured = await measureNew(page, 0, `${scenario.name}-00-loaded`, scenario.artifacts);
      }
    }

    for (const step of scenario.steps) {
      stepNo += 1;
      let before = (await cardTexts(page)).length;
      if (step.say !== undefined) {
        await input.click();
        await page.keyboard.type(step.say);
        await page.keyboard.press('Enter');
      } else if (step.click !== undefined) {
        // Buttons, tappable rows ([role=button]) and links that act (a TextRun with a selectAction).
        const button = page.locator(`${CARD} button, ${CARD} [role="button"], ${CARD} a:not([href^="http"])`)
          .filter({ hasText: step.click }).last();
        await button.scrollIntoViewIfNeeded({ timeout: timeoutMs });
        if (step.inPlace) {
          const [index, oldText] = await button.evaluate((el, selector) => {
            const card = el.closest(selector);
            return [Array.from(document.querySelectorAll(selector)).indexOf(card), card.innerText];
          }, CARD);
          await button.click({ timeout: timeoutMs });
          await page.waitForFunction(
            ({ selector, index, oldText }) => {
              const card = document.querySelectorAll(selector)[index];
              return !card || card.innerText !== oldText;
            },
            { selector: CARD, index, oldText },
            { timeout: timeoutMs, polling: 100 },
          );
          before = index;
        } else {
          await button.click({ timeout: timeoutMs });
        }
      } else if (step.clickSuggested !== undefined) {
        const button = page.locator(`button:not(${CARD} button)`).filter({ hasText: step.clickSuggested }).last();
        await button.click({ timeout: timeoutMs });
      }
      await waitForNewCard(page, before, step.waitFor, timeoutMs);
      const cards = (await cardTexts(page)).slice(before);
      const label = String(stepNo).padStart(2, '0') + '-' + (step.shot || 'step');
      // Scroll the newest card into view so the screenshot shows what arrived.
      await page.locator(CARD).last().scrollIntoViewIfNeeded().catch(() => {});
      const done = { step, cards, screenshot: await shot(label) };
      if (scenario.measure) {
        done.measured = await measureNew(page, before, `${scenario.name}-${label}`, scenario.artifacts);
      }
      result.steps.push(done);
    }
    // Everything the page shows at the end (transcript included): catches plain-text
    // replies such as a turn-error apology next to otherwise fine cards.
    result.finalText = await page.evaluate(() => document.body.innerText);
  } catch (err) {
    result.error = `step ${stepNo}: ${squash(String(err && err.message)).slice(0, 800)}`;
    result.failedAt = stepNo;
    result.lastCards = (await cardTexts(page).catch(() => [])).slice(-3);
    result.failureScreenshot = await shot(`failed-step-${stepNo}`).catch(() => null);
  } finally {
    await close();
  }
  report(result);
}

runDriver(main);
