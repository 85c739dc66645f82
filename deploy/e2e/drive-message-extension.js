#!/usr/bin/env node
// Drives the Agents Playground's search-based message extension in Debian's headless
// Chromium as a person would: open "Trigger Message Extension App" under the compose box,
// pick "Search Command", give the command id and parameter name (the Playground does not
// read the app manifest, so it asks), type a search, read the result list; optionally
// pick a result (its card goes into the compose box) and send it into the chat.
// Reports JSON on stdout; screenshots go to scenario.artifacts.
//
// Usage: node drive-message-extension.js scenario.json
// scenario = {url, artifacts, name, command, parameter, waitOnLoad, timeoutMs,
//             searches: [{query, waitFor, pick?, sentWaitFor?}]}
// - waitFor: text that must appear in the result list.
// - pick: text of the result to choose; it is inserted, then sent with "Send Message".
// - sentWaitFor: text the sent card must show in the chat.
// Exit status 0 with {"searches": [{list, inserted, sent, screenshots}]} or 1 with {"error"}.
'use strict';

const fs = require('fs');
const path = require('path');
const { CARD, squash, openBrowser, report, runDriver } = require('./chromium');

const SEARCH = 'input[placeholder="Enter a search term"]';


async function main() {
  const scenario = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const timeout = scenario.timeoutMs || 20000;
  fs.mkdirSync(scenario.artifacts, { recursive: true });
  const result = { searches: [], pageErrors: [] };
  const { page, close } = await openBrowser();
  page.on('pageerror', (e) => result.pageErrors.push(String(e && e.message)));
  const shot = async (label) => {
    const file = path.join(scenario.artifacts, `${scenario.name}-${label}.png`);
    await page.screenshot({ path: file });
    return file;
  };
  const cardCount = () => page.locator(CARD).count();
  const waitForCards = (n) => page.waitForFunction(
    ({ selector, n }) => document.querySelectorAll(selector).length >= n, { selector: CARD, n }, { timeout, polling: 100 });
  let at = 'load';
  try {
    await page.goto(scenario.url, { waitUntil: 'load', timeout });
    if (scenario.waitOnLoad) await page.getByText(scenario.waitOnLoad).first().waitFor({ timeout });
    let n = 0;
    for (const search of scenario.searches) {
      n += 1;
      at = `search ${n} (${search.query})`;
      const done = { query: search.query };
      if (!(await page.locator(SEARCH).isVisible())) {
        await page.click('[aria-label="Trigger Message Extension App"]', { timeout });
        await page.getByText('Search Command', { exact: true }).first().click({ timeout });
        await page.getByText('Specify Command ID or Parameter').click({ timeout });
        await page.fill('input[placeholder="Command ID"]', scenario.command);
        await page.fill('input[placeholder="Parameter name"]', scenario.parameter);
      }
      await page.fill(SEARCH, search.query);
      await page.press(SEARCH, 'Enter');
      await page.getByText(search.waitFor).first().waitFor({ timeout });
      await page.waitForTimeout(300);
      const popup = page.locator('div', { has: page.locator(SEARCH) }).last();
      done.list = squash(await popup.innerText());
      done.listScreenshot = await shot(`${String(n).padStart(2, '0')}-results`);
      if (search.pick) {
        const before = await cardCount();
        await page.getByText(search.pick).first().click({ timeout });
        await waitForCards(before + 1);  // the card now sits in the compose box
        done.inserted = squash(await page.locator(CARD).last().innerText());
        done.insertedScreenshot = await shot(`${String(n).padStart(2, '0')}-inserted`);
        await page.click('[aria-label="Send Message"]', { timeout });
        if (search.sentWaitFor) {
          await page.waitForFunction(
            ({ selector, text, before }) => Array.from(document.querySelectorAll(selector)).slice(before)
              .some((c) => c.innerText.replace(/\s+/g, ' ').includes(text)),
            { selector: CARD, text: search.sentWaitFor, before }, { timeout, polling: 100 });
        }
        await page.waitForTimeout(500);
        done.cardsAfterSend = (await page.$$eval(CARD, (els) => els.map((e) => e.innerText))).map(squash);
        done.sentScreenshot = await shot(`${String(n).padStart(2, '0')}-sent`);
      }
      result.searches.push(done);
    }
  } catch (err) {
    result.error = `${at}: ${squash(String(err && err.message)).slice(0, 800)}`;
    result.failureScreenshot = await shot('failed').catch(() => null);
  } finally {
    await close();
  }
  report(result);
}

runDriver(main);
