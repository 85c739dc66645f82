// What both browser drivers share: Debian's Chromium started headless with the flags this
// machine kind needs, in a throw-away profile, and how a rendered Adaptive Card is found.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

// Without the background-networking flags Chromium keeps dialling Google on a closed network.
const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const CARD = '.ac-adaptiveCard';

const squash = (text) => (text || '').replace(/\s+/g, ' ').trim();

// A browser window of the given size; close() ends it and removes its profile.
async function openBrowser(viewport) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: viewport || { width: 1280, height: 1000 },
  });
  const page = context.pages()[0] || (await context.newPage());
  const close = async () => {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { page, close };
}

// Both drivers print one JSON line and exit 1 on failure; the Python tests read that line.
function report(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(result.error ? 1 : 0);
}

function runDriver(main) {
  main().catch((err) => report({ error: String(err && err.stack) }));
}

module.exports = { CARD, squash, openBrowser, report, runDriver };
