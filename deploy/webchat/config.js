// Per-deployment settings for the support-portal chat page. Edit this file, not chat.js.
window.ERROR_EXPLAINER_CHAT = {
  botName: 'Error Explainer',
  // The bot's token route (bot/web/directline_token.py). It holds the Direct Line secret and
  // hands the page a short-lived token; the secret itself never reaches the browser.
  // If this page is served from another origin than the bot, list that origin in the
  // bot's DirectLineAllowedOrigins setting.
  tokenUrl: 'https://YOUR-BOT-APP.azurewebsites.net/api/directline/token',
  // Leave unset for the global Direct Line service. Regional bots use e.g.
  // 'https://europe.directline.botframework.com/v3/directline'.
  directLineDomain: undefined,
  // Direct Line streams over a WebSocket; set false to poll (proxies that block WebSockets).
  webSocket: true,
};
