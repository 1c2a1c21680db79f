// StretchBot's page: gets a Direct Line token from this site, renders Microsoft's Web Chat, and keeps what it needs
// in localStorage so a reload carries on with the same conversation (history included).
(function () {
  'use strict';

  var STORAGE_KEY = 'stretchbot.directline';
  var EXPIRED_TOKEN = 3; // botframework-directlinejs ConnectionStatus.ExpiredToken
  var statusElement = document.getElementById('chat-status');

  function showStatus(text) {
    statusElement.textContent = text;
    statusElement.hidden = !text;
  }

  function loadSaved() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || 'null');
      return saved && typeof saved === 'object' ? saved : null;
    } catch (e) {
      return null;
    }
  }

  function save(session) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch (e) {
      // Private browsing or storage full: the chat still works, it just will not survive a reload.
    }
  }

  function absolute(domain) {
    return new URL(domain, window.location.href).href.replace(/\/$/, '');
  }

  function postJson(url, body, token) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    return window.fetch(url, { method: 'POST', headers: headers, body: JSON.stringify(body || {}), credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      });
  }

  // Our own endpoint: a new conversation, or (with the resume ticket kept from last time) the same one again.
  function fetchSession(saved) {
    return postJson('/api/directline/token', saved && saved.resume ? { resume: saved.resume } : {}).then(function (reply) {
      return {
        mode: reply.mode,
        domain: absolute(reply.domain),
        conversationId: reply.conversationId,
        userId: reply.userId,
        token: reply.token,
        resume: reply.resume || null,
        resumed: !!reply.resumed,
        webSocket: reply.webSocket !== false
      };
    });
  }

  // Azure Bot Service's Direct Line keeps no resume ticket of ours: carry on only while the saved token still refreshes.
  function resumeAzure(saved) {
    return postJson(saved.domain + '/tokens/refresh', {}, saved.token).then(function (reply) {
      return {
        mode: 'azure',
        domain: saved.domain,
        conversationId: saved.conversationId,
        userId: saved.userId,
        token: reply.token,
        resume: null,
        resumed: true,
        webSocket: true
      };
    });
  }

  function start() {
    var saved = loadSaved();
    var sessionPromise = saved && saved.mode === 'azure' && saved.token
      ? resumeAzure(saved).catch(function () { return fetchSession(null); })
      : fetchSession(saved);

    return sessionPromise.then(function (session) {
      save(session);

      var directLine = window.WebChat.createDirectLine({
        token: session.token,
        domain: session.domain,
        // Resuming: reconnect to the same conversation and read it from the start, so the history shows again.
        conversationId: session.resumed ? session.conversationId : undefined,
        // Activities arrive over the conversation's WebSocket as soon as the bot writes them (any instance behind a
        // load balancer); polling is only for a site that turned the stream off.
        webSocket: session.webSocket
      });

      // Web Chat refreshes the token every 15 minutes; keep the latest one when the page goes away.
      window.addEventListener('pagehide', function () {
        if (directLine.token) {
          session.token = directLine.token;
          save(session);
        }
      });

      // Away for longer than the token lasts (a sleeping laptop): get a fresh token for the same conversation.
      if (session.mode === 'local') {
        directLine.connectionStatus$.subscribe(function (status) {
          if (status !== EXPIRED_TOKEN) {
            return;
          }
          fetchSession(session).then(function (fresh) {
            if (fresh.conversationId === session.conversationId) {
              session.token = fresh.token;
              session.resume = fresh.resume;
              save(session);
              directLine.reconnect({ conversationId: fresh.conversationId, token: fresh.token });
            }
          }).catch(function () {
            showStatus('The chat lost its connection. Reload the page to continue.');
          });
        });
      }

      window.WebChat.renderWebChat({
        directLine: directLine,
        userID: session.userId,
        locale: 'en-GB',
        styleOptions: {
          accent: '#2f6f6a',
          backgroundColor: '#ffffff',
          botAvatarInitials: 'SB',
          bubbleBackground: '#eef5f4',
          bubbleBorderRadius: 10,
          bubbleFromUserBackground: '#2f6f6a',
          bubbleFromUserTextColor: '#ffffff',
          bubbleFromUserBorderRadius: 10,
          bubbleMaxWidth: 600,
          hideUploadButton: true,
          primaryFont: '"Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
          sendBoxTextWrap: true,
          suggestedActionLayout: 'flow'
        }
      }, document.getElementById('webchat'));

      document.querySelector('#webchat').setAttribute('data-conversation-id', session.conversationId);
    });
  }

  if (!window.WebChat) {
    showStatus('The chat could not load. Please reload the page.');
    return;
  }

  start().catch(function () {
    showStatus('StretchBot is not reachable right now. Please try again in a minute.');
  });
}());
