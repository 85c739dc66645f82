// Fetch a Direct Line token from the bot's own token route and render Web Chat.
// Settings come from config.js (window.ERROR_EXPLAINER_CHAT).
(function () {
  'use strict';
  var config = window.ERROR_EXPLAINER_CHAT || {};
  var host = document.getElementById('webchat');
  var status = document.getElementById('status');

  function fail(message) {
    status.className = 'error';
    status.textContent = 'The chat is not available right now. ' + message;
  }

  if (config.botName) {
    document.getElementById('bot-name').textContent = config.botName;
    document.title = config.botName + ' — support chat';
  }
  if (!window.WebChat) {
    fail('(webchat.js did not load.)');
    return;
  }

  fetch(config.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    .then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok || !body.token) {
          // The bot's errors are problem+json with a correlation id: the visitor sees only the
          // id (support finds the server's log line with it), the console gets the detail.
          console.error('Direct Line token request failed', response.status, body.detail || '');
          var id = body.correlationId || response.headers.get('x-correlation-id');
          throw new Error('Please try again later' + (id ? ' (reference ' + id + ')' : '') + '.');
        }
        return body;
      });
    })
    .then(function (grant) {
      var options = { token: grant.token, webSocket: config.webSocket !== false };
      if (config.directLineDomain) { options.domain = config.directLineDomain; }
      status.remove();
      // Once connected, tell the bot the visitor is here (the event Web Chat's own samples send),
      // so the page opens with the bot's welcome instead of an empty box.
      var store = window.WebChat.createStore({}, function () {
        return function (next) {
          return function (action) {
            if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
              setTimeout(function () {
                store.dispatch({
                  type: 'WEB_CHAT/SEND_EVENT',
                  payload: { name: 'webchat/join', value: { language: navigator.language } },
                });
              }, 0);
            }
            return next(action);
          };
        };
      });
      window.WebChat.renderWebChat(
        {
          directLine: window.WebChat.createDirectLine(options),
          store: store,
          userID: grant.userId,
          username: 'You',
          locale: document.documentElement.lang || 'en-US',
          styleOptions: {
            accent: '#0f6cbd',
            botAvatarInitials: 'EE',
            userAvatarInitials: 'You',
            bubbleBorderRadius: 8,
            bubbleFromUserBackground: '#e8f1fb',
            bubbleFromUserBorderRadius: 8,
            hideUploadButton: true,
            sendBoxTextWrap: true,
            // Answer cards are full width in Teams; give them the room here too.
            bubbleMaxWidth: 720,
            richCardWrapTitle: true,
            // Example questions wrap onto a second line instead of scrolling sideways at narrow widths.
            suggestedActionLayout: 'flow',
          },
        },
        host
      );
      var input = host.querySelector('[data-id="webchat-sendbox-input"]');
      if (input) { input.focus(); }
    })
    .catch(function (error) {
      fail(error.message === 'Failed to fetch' ? 'Please try again later (the chat service cannot be reached).' : error.message);
    });
})();
