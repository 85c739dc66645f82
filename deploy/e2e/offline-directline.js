#!/usr/bin/env node
// offline-directline (a local Direct Line 3.0 emulator) bound to 127.0.0.1 only.
// Its own CLI listens on every interface; the routes are the package's, unchanged.
// Usage: node offline-directline.js PORT BOT_MESSAGES_URL
'use strict';
const express = require('express');
const { getRouter } = require('offline-directline/dist/bridge');

const port = Number(process.argv[2]);
const botUrl = process.argv[3];
if (!port || !botUrl) {
  console.error('usage: node offline-directline.js PORT http://127.0.0.1:3978/api/messages');
  process.exit(2);
}
const serviceUrl = `http://127.0.0.1:${port}`;
const app = express();
app.use(getRouter(serviceUrl, botUrl));
app.listen(port, '127.0.0.1', () => {
  console.log(`Listening for messages from client on ${serviceUrl}`);
  console.log(`Routing messages to bot on ${botUrl}`);
});
