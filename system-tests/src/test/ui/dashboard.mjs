// Drives the dashboard in the machine's Chromium (headless) against a running GeoRisk, one check after another,
// and prints one JSON line per check ({"check", "ok", "detail"}); exits 1 when any check failed. DashboardIT
// starts the system, seeds it and runs this with the gateway address and keys in the environment.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const env = name => {
  if (!process.env[name]) throw new Error(name + ' is not set');
  return process.env[name];
};
const GATEWAY = env('GEORISK_GATEWAY_URL');
const ANALYST_KEY = env('GEORISK_ANALYST_KEY');
const OPS_KEY = env('GEORISK_OPS_KEY');
const FEED_KEY = env('GEORISK_FEED_KEY');
const SHOTS = env('GEORISK_SCREENSHOT_DIR');
const LIVE_PAIR = env('GEORISK_LIVE_PAIR');
const LIVE_QUIET_EVENT = env('GEORISK_LIVE_QUIET_EVENT');
const LIVE_EVENT = env('GEORISK_LIVE_EVENT');
const CHROMIUM = process.env.GEORISK_CHROMIUM || '/usr/bin/chromium';
const WAIT = { timeout: 20_000 };

mkdirSync(SHOTS, { recursive: true });
const failures = [];
const offHost = [];
const pageErrors = [];

/** Runs one check; a failed one leaves a screenshot and the page's text for the report. */
async function check(name, page, body) {
  const started = Date.now();
  try {
    const detail = await body();
    console.log(JSON.stringify({ check: name, ok: true, ms: Date.now() - started, detail }));
  } catch (e) {
    failures.push(name);
    let seen = '';
    if (page) {
      await shot(page, 'failed-' + name.replace(/[^a-z0-9]+/gi, '-')).catch(() => {});
      seen = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').substring(0, 1500)).catch(() => '');
    }
    console.log(JSON.stringify({ check: name, ok: false, ms: Date.now() - started,
      detail: String(e.message || e) + (seen ? '\npage: ' + seen : '') }));
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function api(key, path, options = {}) {
  const response = await fetch(GATEWAY + '/api/v1' + path, {
    ...options, headers: { 'X-API-Key': key, 'Accept': 'application/json', ...(options.headers || {}) } });
  const body = await response.text();
  return { status: response.status, json: body ? JSON.parse(body) : null };
}

const shot = (page, name) => page.screenshot({ path: join(SHOTS, name + '.png'), fullPage: true });

async function signIn(page, key) {
  await page.fill('#key-input', key);
  await page.click('#key-form button[type=submit]');
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-dev-shm-usage'],
});

async function newPage(viewport) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  // Every request the page makes must stay on 127.0.0.1: note any other and refuse it.
  await context.route('**/*', route => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    offHost.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', e => pageErrors.push(e.message));
  // refused keys answer 401/403 on purpose, which Chromium logs as failed loads; anything else (a CSP refusal) counts
  page.on('console', m => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(m.text()); });
  page.on('dialog', d => d.accept());
  return page;
}

try {
  const page = await newPage({ width: 1280, height: 800 });
  const keyRequests = [];
  page.on('request', r => {
    if ([ANALYST_KEY, OPS_KEY].some(k => r.url().includes(k))) keyRequests.push(r.url());
  });
  await page.goto(GATEWAY + '/');

  await check('a wrong key shows a clear message', page, async () => {
    await signIn(page, 'not-a-georisk-key');
    await page.waitForSelector('#key-message.error', WAIT);
    const text = await page.textContent('#key-message');
    expect(/not valid/.test(text), 'message shown: ' + text);
    await shot(page, 'wrong-key');
    return text;
  });

  await check('the matrix shows AZE-RUS at its level', page, async () => {
    const expected = (await api(ANALYST_KEY, '/assessments/AZE-RUS')).json.level;
    await signIn(page, ANALYST_KEY);
    const cell = await page.waitForSelector('#matrix td[data-pair="AZE-RUS"]', WAIT);
    const level = await cell.getAttribute('data-level');
    const label = await cell.getAttribute('aria-label');
    const row = await page.textContent('#ranking tr[data-pair="AZE-RUS"]');
    expect(level === expected, 'cell level ' + level + ', API level ' + expected);
    expect(row.includes(expected), 'the ranked row names the level: ' + row);
    expect(/score \d/.test(label), 'the cell tells the score: ' + label);
    await page.waitForSelector('#connection.live', WAIT);
    await shot(page, 'matrix');
    return label;
  });

  const post = async body => {
    const posted = await api(FEED_KEY, '/events', { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    expect(posted.status === 202, 'POST /events answered ' + posted.status);
  };

  await check('a posted event raises an alert in the ticker and changes the row', page, async () => {
    // a new pair appears in the open list from the assessment stream, then a hostile event lifts it
    await post(LIVE_QUIET_EVENT);
    const row = await page.waitForSelector(`#ranking tr[data-pair="${LIVE_PAIR}"]`, WAIT);
    const before = await row.getAttribute('data-level');
    await post(LIVE_EVENT);
    const started = Date.now();
    await page.waitForSelector(`#ticker-list li[data-pair="${LIVE_PAIR}"]`, WAIT);
    const alertMs = Date.now() - started;
    await page.waitForSelector(`#ranking tr[data-pair="${LIVE_PAIR}"]:not([data-level="${before}"])`, WAIT);
    const after = await page.getAttribute(`#ranking tr[data-pair="${LIVE_PAIR}"]`, 'data-level');
    await shot(page, 'live-alert');
    return `${LIVE_PAIR} ${before} -> ${after}, alert in the ticker after ${alertMs} ms`;
  });

  await check('the pair detail shows a chart with points and the drivers', page, async () => {
    await page.click('#ranking tr[data-pair="AZE-RUS"] a');
    await page.waitForURL(/#\/pair\/AZE-RUS$/, WAIT);
    // a shared link opens the same view: reload with the URL, the key is still in this tab's session
    await page.reload();
    await page.waitForSelector('#history-chart circle.point', WAIT);
    await shot(page, 'pair-detail');
    await page.click('#range-all');
    await page.waitForSelector('#range-all[aria-pressed="true"]', WAIT);
    const points = await page.locator('#history-chart circle.point').count();
    const history = (await api(ANALYST_KEY, '/assessments/AZE-RUS/history')).json;
    expect(points === history.length && points > 1, points + ' points drawn, ' + history.length + ' in the history');
    const drivers = (await api(ANALYST_KEY, '/assessments/AZE-RUS')).json.drivers;
    await page.waitForSelector('#driver-table tbody tr', WAIT);
    const table = await page.textContent('#driver-table');
    const missing = drivers.filter(d => !table.includes(d.headline));
    expect(drivers.length > 0 && missing.length === 0, 'drivers not shown: ' + JSON.stringify(missing));
    await page.waitForSelector('#event-table tbody tr', WAIT);
    await page.waitForSelector('#pair-alert-table tbody tr', WAIT);
    return points + ' points, ' + drivers.length + ' drivers';
  });

  await check('subscriptions can be created and deleted', page, async () => {
    await page.goto(GATEWAY + '/#/subscriptions');
    const name = 'Dashboard test ' + Date.now();
    await page.fill('#subscription-form input[name=name]', name);
    await page.fill('#subscription-form input[name=pairs]', 'AZE-RUS');
    await page.click('#subscription-form button[type=submit]');
    const row = `#subscription-table tr:has-text("${name}")`;
    await page.waitForSelector(row, WAIT);
    await shot(page, 'subscriptions');
    await page.click(row + ' button.danger');
    await page.waitForSelector(row, { ...WAIT, state: 'detached' });
    return name;
  });

  await check('the ops view lists the consumer groups', page, async () => {
    await page.goto(GATEWAY + '/#/ops');
    await page.waitForSelector('#sign-in:not([hidden])', WAIT);
    await signIn(page, OPS_KEY);
    await page.waitForSelector('#consumer-table tr[data-group]', WAIT);
    const groups = (await api(OPS_KEY, '/ops/consumers')).json.map(g => g.groupId);
    const shown = await page.$$eval('#consumer-table tr[data-group]', rows => rows.map(r => r.dataset.group));
    const missing = groups.filter(g => !shown.includes(g));
    expect(groups.length > 0 && missing.length === 0, 'groups missing: ' + missing + ' (shown: ' + shown + ')');
    await page.waitForSelector('#topic-table', WAIT);
    await shot(page, 'ops');
    return shown.join(', ');
  });

  await check('the matrix is usable on a tablet', null, async () => {
    const tablet = await newPage({ width: 820, height: 1180 });
    await tablet.goto(GATEWAY + '/');
    await signIn(tablet, ANALYST_KEY);
    await tablet.waitForSelector('#matrix td[data-pair="AZE-RUS"]', WAIT);
    const overflow = await tablet.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow <= 0, 'the page is ' + overflow + ' px wider than the screen');
    await shot(tablet, 'tablet-matrix');
    await tablet.context().close();
    return 'no horizontal scrolling at 820 px';
  });

  await check('no request leaves 127.0.0.1 and no key is in a URL', null, async () => {
    expect(offHost.length === 0, 'requests elsewhere: ' + offHost.join(', '));
    expect(keyRequests.length === 0, 'a key in a URL: ' + keyRequests.join(', '));
    return 'all requests to 127.0.0.1';
  });

  await check('the page runs without script errors', null, async () => {
    expect(pageErrors.length === 0, pageErrors.join(' | '));
    return 'none';
  });
} finally {
  await browser.close();
}
process.exit(failures.length ? 1 : 0);
