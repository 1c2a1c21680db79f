// Opens the physio's summary (a /share/<token> page) in a real headless Chromium (playwright-core, Debian's
// /usr/bin/chromium; nothing is downloaded) and checks it as a physio would use it: on a screen and a phone, and
// printed to A4 and to Letter with the page's own print style sheet.
//
//   node share-page.mjs --url http://127.0.0.1:PORT/share/<token> --out <folder> [--chromium /usr/bin/chromium]
//
// Fails (exit 1, the reasons on standard error) on any console error, page error, failed request or HTTP error; a
// trend picture that does not load or has no text alternative; and, on screen and on each paper, anything that is
// wider than the page or cut off (an element reaching past the right edge, text clipped by an ellipsis or overflow).
// Saves <out>/share-desktop.png, <out>/share-phone.png (and their first screens, share-top-*.png), <out>/share-a4.pdf and <out>/share-letter.pdf (with a picture of
// each paper's printable width as share-<paper>-print.png), and logs one
// JSON line per check ({"event":"print","paper":"A4","pages":2}).
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, index, all) => {
  if (value.startsWith('--')) pairs.push([value.slice(2), all[index + 1]]);
  return pairs;
}, []));
const out = resolve(args.out ?? 'artifacts');
const executablePath = args.chromium ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
mkdirSync(out, { recursive: true });

// The printable width of each paper at 96 px per inch, inside the page's @page margins (12 mm left and right).
const MM = 96 / 25.4;
const papers = [
  { name: 'A4', format: 'A4', width: Math.floor((210 - 24) * MM), height: Math.floor((297 - 30) * MM) },
  { name: 'Letter', format: 'Letter', width: Math.floor(8.5 * 96 - 24 * MM), height: Math.floor(11 * 96 - 30 * MM) },
];

function log(event, detail = {}) {
  console.log(JSON.stringify({ event, ...detail }));
}

const userDataDir = join(out, `chromium-profile-${process.pid}`);
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? await context.newPage();
const problems = [];
page.on('pageerror', error => problems.push(`page error: ${error.message}`));
page.on('console', message => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
page.on('requestfailed', request => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
page.on('response', response => { if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`); });

// Everything on the page that reaches past its right edge, or whose text is clipped; runs in the page.
function cutContent() {
  const width = document.documentElement.clientWidth;
  const found = [];
  if (document.documentElement.scrollWidth > width + 1) found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
  for (const e of document.querySelectorAll('body *')) {
    const rects = e.getClientRects();
    if (rects.length === 0) continue;
    const box = e.getBoundingClientRect();
    const label = `${e.tagName.toLowerCase()}${e.className ? '.' + e.className : ''} "${(e.innerText ?? e.alt ?? '').trim().slice(0, 40)}"`;
    if (box.right > width + 1 || box.left < -1) found.push(`${label} reaches past the edge (${Math.round(box.left)}..${Math.round(box.right)} of ${width})`);
    const style = getComputedStyle(e);
    const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
    if (clips && e.scrollWidth > e.clientWidth + 1) found.push(`${label} is cut off`);
  }
  return found;
}

async function expectNothingCut(where) {
  const cut = await page.evaluate(cutContent);
  cut.forEach(c => problems.push(`${where}: ${c}`));
}

async function expectPicture() {
  const picture = await page.evaluate(() => {
    const img = document.querySelector('img.summary__chart');
    return img && { loaded: img.complete && img.naturalWidth > 0, alt: img.alt };
  });
  if (!picture) problems.push('the trend picture is missing');
  else {
    if (!picture.loaded) problems.push('the trend picture did not load');
    if (!/\d+ on \d+ \w+/.test(picture.alt)) problems.push(`the trend picture's text does not state the scores: "${picture.alt}"`);
  }
}

try {
  await page.goto(args.url, { waitUntil: 'load' });
  await expectPicture();
  await expectNothingCut('desktop');
  await page.screenshot({ path: join(out, 'share-desktop.png'), fullPage: true });
  await page.screenshot({ path: join(out, 'share-top-desktop.png') });

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNothingCut('phone');
  await page.screenshot({ path: join(out, 'share-phone.png'), fullPage: true });
  await page.screenshot({ path: join(out, 'share-top-phone.png') });

  await page.emulateMedia({ media: 'print' });
  for (const paper of papers) {
    await page.setViewportSize({ width: paper.width, height: paper.height });
    await expectNothingCut(`printed on ${paper.name}`);
    await page.screenshot({ path: join(out, `share-${paper.name.toLowerCase()}-print.png`), fullPage: true });
    const pdf = await page.pdf({ format: paper.format, printBackground: true });
    writeFileSync(join(out, `share-${paper.name.toLowerCase()}.pdf`), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    if (pages < 1) problems.push(`printing on ${paper.name} made no pages`);
    log('print', { paper: paper.name, pages, bytes: pdf.length });
  }
} catch (error) {
  problems.push(`the check stopped: ${error.message}`);
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}

log('ok');
