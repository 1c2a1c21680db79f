// Walks a person's journey through StretchBot's web page in a real headless Chromium (playwright-core, Debian's
// /usr/bin/chromium; nothing is downloaded). The journey is a JSON list of steps, so a new conversation path is a
// new journey file, not new code.
//
//   node webchat-journey.mjs --url http://127.0.0.1:PORT --journey journeys/plan.json --out <folder> [--transport stream|poll]
//
// --transport (default stream): how Web Chat must get the bot's activities. "stream": over the conversation's
// WebSocket (its streamUrl), never by polling GET .../activities; "poll": by polling.
//
// Steps (each an object with one key, plus options):
//   { "viewport": [width, height] }            resize the page (e.g. [390, 844] for a phone)
//   { "open": "/" }                            load a page of the site
//   { "leave": true }                          close the chat (go to about:blank), as a person does between visits
//   { "waitForBot": "text" }                   wait for a bot message containing the text, sent after the last say/click
//                                              (use "anyTime": true to accept earlier messages too)
//   { "say": "text" }                          type into Web Chat's send box and press Enter
//   { "click": "title" }                       wait for a button with this title in a bot message sent after the last
//                                              say/click, then click the newest one (card button, a tappable card
//                                              part such as a pain score, or suggested action);
//                                              "prefix": true matches titles starting with the text
//   { "clickUntil": "title", "text": "t" }     click the newest button with this title again and again (one question
//                                              per stretch, say) until a bot message holds the text
//   { "tick": "label" }                        tick the check box or radio button with this label in the newest card
//   { "expand": "title" }                      press a card button that opens more of the card (Action.ShowCard) and
//                                              wait until the newly shown part is visible
//   { "expectTaps": max }                      the taps so far (each click, tick and typed message counts one) are at
//                                              most max; logged as {"event":"taps"}
//   { "expectImages": [min, max] }             the bot's messages since the last say/click (or, with "anyTime": true,
//                                              all of them) hold min..max Adaptive Cards with pictures, and every
//                                              picture in them has loaded (naturalWidth > 0)
//   { "expectCards": [min, max] }              the bot's messages since the last say/click hold min..max Adaptive Cards
//   { "reload": true }                         reload and wait until everything shown before is shown again, in the same
//                                              conversation
//   { "screenshot": "name" }                   once the transcript has scrolled to its newest message, save
//                                              <out>/<name>.png (full page)
//                                              ("wholeConversation": true: in a window tall enough for all of it)
//   { "screenshotPictureCards": "name" }       save each Adaptive Card with pictures as <out>/<name>-<n>.png
//   { "screenshotCard": "name", "containing": "text" }
//                                              save the newest Adaptive Card holding the text as <out>/<name>.png
//   { "advanceClock": "7.00:00:00" }           ask the test host to move its clock on (a TimeSpan); the host answers
//                                              on standard input once it has (the week-later check-in)
//
// After every waitForBot the page is checked: at most one card still takes input (an answered card shows its answer
// and has no buttons or inputs left; "Who it suits" and the like, which only open more of a card, do not count).
// After every step the page is checked: no text may be cut off (an element whose content overflows with an ellipsis),
// and a screenshot of the step is saved as <out>/steps/NN-<step>.png.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, index, all) => {
  if (value.startsWith('--')) pairs.push([value.slice(2), all[index + 1]]);
  return pairs;
}, []));
const baseUrl = args.url;
const journey = JSON.parse(readFileSync(resolve(args.journey), 'utf8'));
const out = resolve(args.out ?? 'artifacts');
const executablePath = args.chromium ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const stepTimeout = Number(args.timeout ?? 30000);
const transport = args.transport ?? 'stream';
mkdirSync(join(out, 'steps'), { recursive: true });

const BOT = '.webchat__bubble:not(.webchat__bubble--from-user)';
const USER = '.webchat__bubble.webchat__bubble--from-user';
const BUBBLE = '.webchat__bubble';
const STORAGE_KEY = 'stretchbot.directline';

function log(event, detail = {}) {
  console.log(JSON.stringify({ event, ...detail }));
}

// The test host reads our requests on standard output and answers "done" on standard input.
const hostAnswers = [];
let hostWaiter = null;
createInterface({ input: process.stdin }).on('line', line => {
  if (hostWaiter) {
    const resolveAnswer = hostWaiter;
    hostWaiter = null;
    resolveAnswer(line);
  } else {
    hostAnswers.push(line);
  }
});

async function askHost(request) {
  log('host', request);
  const answer = hostAnswers.length > 0 ? hostAnswers.shift() : await new Promise(resolveAnswer => { hostWaiter = resolveAnswer; });
  if (answer.trim() !== 'done') throw new Error(`the host answered "${answer}" to ${JSON.stringify(request)}`);
}

const userDataDir = join(out, `chromium-profile-${process.pid}`);
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
context.setDefaultTimeout(stepTimeout);
const page = context.pages()[0] ?? await context.newPage();
const problems = [];
page.on('pageerror', error => problems.push(`page error: ${error.message}`));
page.on('console', message => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
// A request cut off by a reload (Web Chat's poll in flight) is not a problem; any other failure is.
page.on('requestfailed', request => request.failure()?.errorText === 'net::ERR_ABORTED' || problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`));
page.on('response', response => { if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`); });
// How the activities came: streams opened, and polls of the activities.
let streams = 0;
let polls = 0;
page.on('websocket', socket => { if (new URL(socket.url()).pathname.endsWith('/stream')) streams++; });
page.on('request', request => { if (request.method() === 'GET' && new URL(request.url()).pathname.endsWith('/activities')) polls++; });

// Bot bubbles present before the last say/click: waits and card counts look only at newer ones.
let botMark = 0;
let taps = 0;

async function botCount() {
  return page.locator(BOT).count();
}

// The start of each bubble's text (a card's opened "Why it works" and the like are closed again after a reload).
async function transcriptTexts() {
  return page.locator(BUBBLE).evaluateAll(nodes => nodes.map(n => n.innerText.trim().slice(0, 60)).filter(t => t.length > 0));
}

async function savedConversationId() {
  return page.evaluate(key => JSON.parse(window.localStorage.getItem(key) || 'null')?.conversationId ?? null, STORAGE_KEY);
}

// Web Chat shows "Connecting…" (or a slow/failed connection notice) until Direct Line is online.
async function waitUntilConnected() {
  await page.waitForFunction(() => !Array.from(document.querySelectorAll('.webchat__connectivityStatus'))
    .some(e => /connecting|unable|taking longer|render/i.test(e.innerText)));
}

// Web Chat scrolls to the newest message with an animation; wait until it is there and has stopped moving.
async function waitUntilScrolledToTheNewest() {
  const deadline = Date.now() + stepTimeout;
  for (;;) {
    const state = await page.evaluate(() => new Promise(resolve => {
      const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
      if (!scroller) { resolve({ settled: true, atBottom: true }); return; }
      const before = scroller.scrollTop;
      requestAnimationFrame(() => requestAnimationFrame(() => resolve({
        settled: scroller.scrollTop === before,
        atBottom: scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2,
        scrollTop: scroller.scrollTop, clientHeight: scroller.clientHeight, scrollHeight: scroller.scrollHeight,
      })));
    }));
    if (state.settled && state.atBottom) return;
    if (Date.now() > deadline) throw new Error(`the transcript did not settle on the newest message: ${JSON.stringify(state)}`);
  }
}

// Makes the window tall enough to show the whole conversation without scrolling, runs fn, then restores the window.
async function withWholeConversationVisible(fn) {
  const size = page.viewportSize();
  const hidden = await page.evaluate(() => {
    const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
    return scroller ? scroller.scrollHeight - scroller.clientHeight : 0;
  });
  await page.setViewportSize({ width: size.width, height: Math.min(size.height + hidden + 40, 30000) });
  try {
    await waitUntilScrolledToTheNewest();
    await fn();
  } finally {
    await page.setViewportSize(size);
  }
}

// Waits two animation frames, so layout has settled after a click.
async function waitUntilSettled() {
  await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

// Every visible element in the chat whose text is cut off with an ellipsis (a phone-width card that does not wrap).
async function clippedTexts() {
  return page.evaluate(() => Array.from(document.querySelectorAll('#webchat *')).filter(e => {
    const style = window.getComputedStyle(e);
    if (style.textOverflow !== 'ellipsis' || e.getClientRects().length === 0) return false;
    return e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
  }).map(e => e.innerText.trim().slice(0, 80)));
}

// The bot's cards (not the ones nested in an opened "Why it works") that still have something to press or fill in.
function liveCards(selector) {
  const controls = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]):not([aria-expanded]), [role="button"]:not([aria-expanded]):not([aria-disabled="true"])';
  return Array.from(document.querySelectorAll(`${selector} .ac-adaptiveCard`))
    .filter(card => !card.parentElement.closest('.ac-adaptiveCard'))
    .filter(card => card.querySelector(controls))
    .map(card => card.innerText.trim().slice(0, 60));
}

async function expectOneLiveCard() {
  try {
    await page.waitForFunction(({ selector, source }) => new Function('selector', `return (${source})(selector)`)(selector).length <= 1,
      { selector: BOT, source: liveCards.toString() }, { timeout: 5000 });
  } catch {
    const live = await page.evaluate(({ selector, source }) => new Function('selector', `return (${source})(selector)`)(selector), { selector: BOT, source: liveCards.toString() });
    throw new Error(`more than one card still takes input (answered cards must not): ${JSON.stringify(live)}`);
  }
}

async function waitForBot(text, anyTime) {
  const from = anyTime ? 0 : botMark;
  await page.waitForFunction(({ selector, from, text }) => {
    const bubbles = Array.from(document.querySelectorAll(selector)).slice(from);
    return bubbles.some(b => b.innerText.includes(text));
  }, { selector: BOT, from, text }, { timeout: stepTimeout });
}

// The newest button titled `name` (or starting with it) in a bot message at index `from` or later, or among the
// suggested actions Web Chat shows under the newest message; runs in the page.
function findButton({ selector, from, name, prefix }) {
  const matches = Array.from(document.querySelectorAll(selector)).slice(from)
    .flatMap(b => Array.from(b.querySelectorAll('button, [role="button"]')))
    .concat(Array.from(document.querySelectorAll('.webchat__suggested-actions button.webchat__suggested-action')))
    .filter(button => {
      const title = (button.innerText || button.getAttribute('aria-label') || '').trim();
      return prefix ? title.startsWith(name) : title === name;
    });
  return matches.length > 0 ? matches[matches.length - 1] : null;
}

async function run(step) {
  if (step.viewport) {
    await page.setViewportSize({ width: step.viewport[0], height: step.viewport[1] });
  } else if (step.open !== undefined) {
    await page.goto(new URL(step.open, baseUrl).href, { waitUntil: 'load' });
    await page.locator('[data-id="webchat-sendbox-input"]').waitFor({ state: 'visible' });
    await waitUntilConnected();
    botMark = 0;
  } else if (step.leave) {
    await page.goto('about:blank');
    botMark = 0;
  } else if (step.waitForBot !== undefined) {
    await waitForBot(step.waitForBot, step.anyTime === true);
    await expectOneLiveCard();
  } else if (step.say !== undefined) {
    botMark = await botCount();
    const userBefore = await page.locator(USER).count();
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill(step.say);
    await input.press('Enter');
    taps++;
    await page.waitForFunction(({ selector, count }) => document.querySelectorAll(selector).length > count, { selector: USER, count: userBefore });
  } else if (step.click !== undefined) {
    const query = { selector: BOT, from: botMark, name: step.click, prefix: step.prefix === true };
    await page.waitForFunction(findButton, query);
    const button = await page.evaluateHandle(findButton, query);
    botMark = await botCount();
    await button.asElement().click();
    taps++;
  } else if (step.clickUntil !== undefined) {
    for (;;) {
      const query = { selector: BOT, from: botMark, name: step.clickUntil, prefix: false };
      const seen = await page.waitForFunction(({ query, text }) => {
        const bubbles = Array.from(document.querySelectorAll(query.selector)).slice(query.from);
        if (bubbles.some(b => b.innerText.includes(text))) return 'done';
        const matches = bubbles.flatMap(b => Array.from(b.querySelectorAll('button, [role="button"]')))
          .filter(button => (button.innerText || button.getAttribute('aria-label') || '').trim() === query.name);
        return matches.length > 0 ? 'button' : false;
      }, { query, text: step.text });
      if (await seen.jsonValue() === 'done') break;
      const button = await page.evaluateHandle(findButton, query);
      botMark = await botCount();
      await button.asElement().click();
      taps++;
    }
  } else if (step.tick !== undefined) {
    const label = page.locator(`${BOT} .ac-adaptiveCard label`).filter({ hasText: step.tick }).last();
    await label.click();
    taps++;
  } else if (step.expand !== undefined) {
    const query = { selector: BOT, from: 0, name: step.expand, prefix: false };
    await page.waitForFunction(findButton, query);
    const button = await page.evaluateHandle(findButton, query);
    await button.asElement().click();
    await page.waitForFunction(b => b.getAttribute('aria-expanded') === 'true', button);
    await waitUntilSettled();
  } else if (step.expectTaps !== undefined) {
    log('taps', { taps, max: step.expectTaps });
    if (taps > step.expectTaps) throw new Error(`${taps} taps, more than ${step.expectTaps}`);
  } else if (step.expectImages) {
    const [min, max] = step.expectImages;
    const from = step.anyTime === true ? 0 : botMark;
    await page.waitForFunction(({ selector, from, min }) => {
      const cards = Array.from(document.querySelectorAll(selector)).slice(from)
        .flatMap(b => Array.from(b.querySelectorAll('.ac-adaptiveCard')).filter(c => c.querySelector('img')));
      return cards.length >= min && cards.every(c => Array.from(c.querySelectorAll('img')).every(i => i.complete));
    }, { selector: BOT, from, min });
    const pictures = await page.evaluate(({ selector, from }) => Array.from(document.querySelectorAll(selector)).slice(from)
      .flatMap(b => Array.from(b.querySelectorAll('.ac-adaptiveCard')).filter(c => c.querySelector('img')))
      .map(c => Array.from(c.querySelectorAll('img')).map(i => ({ src: i.currentSrc || i.src, width: i.naturalWidth, shown: i.getBoundingClientRect().width }))),
    { selector: BOT, from });
    if (pictures.length < min || pictures.length > max) throw new Error(`expected ${min}..${max} cards with pictures, saw ${pictures.length}`);
    const broken = pictures.flat().filter(p => p.width === 0 || p.shown === 0);
    if (broken.length > 0) throw new Error(`pictures not shown: ${JSON.stringify(broken)}`);
    log('pictures', { cards: pictures.length, pictures: pictures.flat() });
  } else if (step.expectCards) {
    const [min, max] = step.expectCards;
    await page.waitForFunction(({ selector, from, min }) => Array.from(document.querySelectorAll(selector)).slice(from)
      .reduce((n, b) => n + b.querySelectorAll('.ac-adaptiveCard').length, 0) >= min, { selector: BOT, from: botMark, min });
    const cards = await page.locator(BOT).evaluateAll((nodes, from) => nodes.slice(from)
      .reduce((n, b) => n + b.querySelectorAll('.ac-adaptiveCard').length, 0), botMark);
    if (cards < min || cards > max) throw new Error(`expected ${min}..${max} cards, saw ${cards}`);
  } else if (step.reload) {
    const before = await transcriptTexts();
    const conversationId = await savedConversationId();
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(({ selector, before }) => {
      const now = Array.from(document.querySelectorAll(selector)).map(n => n.innerText.trim().slice(0, 60)).filter(t => t.length > 0);
      let i = 0;
      for (const text of now) if (i < before.length && text === before[i]) i++;
      return i === before.length;
    }, { selector: BUBBLE, before });
    await waitUntilConnected();
    const after = await savedConversationId();
    if (!conversationId || after !== conversationId) throw new Error(`reload changed the conversation (${conversationId} -> ${after})`);
    botMark = await botCount();
    log('resumed', { conversationId, messages: before.length });
  } else if (step.screenshotPictureCards) {
    await withWholeConversationVisible(async () => {
      const cards = page.locator(`${BOT} .ac-adaptiveCard`).filter({ has: page.locator('img') });
      const count = await cards.count();
      for (let i = 0; i < count; i++) {
        const path = join(out, `${step.screenshotPictureCards}-${i + 1}.png`);
        await cards.nth(i).screenshot({ path });
        log('screenshot', { path });
      }
    });
  } else if (step.screenshotCard) {
    const card = page.locator(`${BOT} .ac-adaptiveCard`).filter({ hasText: step.containing }).last();
    await card.waitFor({ state: 'visible' });
    const path = join(out, `${step.screenshotCard}.png`);
    await withWholeConversationVisible(async () => {
      await card.scrollIntoViewIfNeeded();
      await waitUntilSettled();
      await card.screenshot({ path });
    });
    log('screenshot', { path });
  } else if (step.advanceClock !== undefined) {
    await askHost({ advanceClock: step.advanceClock });
  } else if (step.screenshot) {
    const path = join(out, `${step.screenshot}.png`);
    const take = async () => {
      await page.screenshot({ path, fullPage: true });
      log('screenshot', { path });
    };
    if (step.wholeConversation === true) {
      await withWholeConversationVisible(take);
    } else {
      await waitUntilScrolledToTheNewest();
      await take();
    }
  } else {
    throw new Error(`unknown step ${JSON.stringify(step)}`);
  }
}

let failed = false;
function stepName(index, step) {
  const [key, value] = Object.entries(step)[0];
  const words = typeof value === 'string' ? `${key}-${value}` : key;
  return `${String(index).padStart(2, '0')}-${words.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40)}`;
}

for (const [index, step] of journey.entries()) {
  try {
    await run(step);
    await waitUntilSettled();
    const clipped = await clippedTexts();
    if (clipped.length > 0) throw new Error(`text cut off with an ellipsis: ${JSON.stringify(clipped)}`);
    if (!step.screenshot && !step.screenshotPictureCards && !step.screenshotCard) {
      await page.screenshot({ path: join(out, 'steps', `${stepName(index, step)}.png`) });
    }
    log('step', { index, step });
  } catch (error) {
    failed = true;
    const path = join(out, 'failure.png');
    await page.screenshot({ path, fullPage: true }).catch(() => {});
    log('failed', { index, step, error: error.message, screenshot: path, transcript: await transcriptTexts().catch(() => []), problems });
    break;
  }
}

log('transport', { expected: transport, streams, polls });
if (transport === 'stream' ? streams === 0 || polls > 0 : polls === 0) {
  problems.push(`expected Web Chat to ${transport === 'stream' ? 'stream the activities over a WebSocket' : 'poll the activities'}, but it opened ${streams} streams and polled ${polls} times`);
}

if (problems.length > 0) {
  // A page error, a console error or a failed request (a missing picture or script) is something a visitor notices.
  log('problems', { problems });
  failed = true;
}
await context.close();
rmSync(userDataDir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
