// The page: sign-in, the views by hash (#/matrix, #/pair/AZE-RUS, #/ops, #/subscriptions), the connection state
// and the alert ticker. Each view module renders into <main> and returns a function that tears it down.
import { hasRole, keys, signIn, signOut, analyst } from './api.js';
import { startLive, stopLive } from './live.js';
import { on, putAlert, recentAlerts, reset } from './store.js';
import { el, clock, levelBadge } from './format.js';
import { renderMatrix } from './matrix.js';
import { renderPair } from './pair.js';
import { renderOps } from './ops.js';
import { renderSubscriptions } from './subscriptions.js';

const $ = id => document.getElementById(id);
let teardown = () => {};

const ROUTES = [
  { pattern: /^#\/pair\/([A-Z]+-[A-Z]+)$/i, view: 'matrix', role: 'ANALYST', render: (main, m) => renderPair(main, m[1].toUpperCase()) },
  { pattern: /^#\/ops$/, view: 'ops', role: 'OPS', render: main => renderOps(main) },
  { pattern: /^#\/subscriptions$/, view: 'subscriptions', role: 'ANALYST', render: main => renderSubscriptions(main) },
  { pattern: /^(#\/matrix)?$/, view: 'matrix', role: 'ANALYST', render: main => renderMatrix(main) },
];

function route() {
  const hash = location.hash || (hasRole('ANALYST') || !hasRole('OPS') ? '#/matrix' : '#/ops');
  const found = ROUTES.map(r => ({ r, m: hash.match(r.pattern) })).find(x => x.m) || { r: ROUTES[3], m: [] };
  teardown();
  teardown = () => {};
  for (const link of document.querySelectorAll('#nav a')) {
    link.classList.toggle('active', link.dataset.view === found.r.view);
  }
  const main = $('view');
  main.replaceChildren();
  const signedIn = Object.keys(keys()).length > 0;
  $('sign-out').hidden = !signedIn;
  $('who').textContent = signedIn ? 'signed in: ' + Object.keys(keys()).map(r => r.toLowerCase()).join(' + ') : '';
  $('ticker').hidden = !hasRole('ANALYST') || found.r.view === 'ops';
  $('layout').classList.toggle('wide', $('ticker').hidden);
  if (!hasRole(found.r.role)) {
    showSignIn(signedIn ? 'This view needs ' + (found.r.role === 'OPS' ? 'an ops' : 'an analyst') + ' key. Enter one to add it.' : '');
    return;
  }
  $('sign-in').hidden = true;
  teardown = found.r.render(main, found.m) || (() => {});
}

function showSignIn(message) {
  $('sign-in').hidden = false;
  const text = $('key-message');
  text.textContent = message;
  text.className = 'message';
  $('key-input').value = '';
  $('key-input').focus();
}

async function submitKey(event) {
  event.preventDefault();
  const text = $('key-message');
  text.textContent = 'Checking the key…';
  text.className = 'message';
  try {
    const role = await signIn($('key-input').value.trim());
    $('key-input').value = '';
    if (role === 'ANALYST') startAnalyst();
    route();
  } catch (e) {
    text.textContent = e.message;
    text.className = 'message error';
  }
}

function showConnection(state, detail) {
  const badge = $('connection');
  badge.className = 'connection ' + state;
  badge.textContent = state === 'live' ? 'live'
      : state === 'reconnecting' ? 'reconnecting…' + (detail ? ' (' + detail + ')' : '')
      : 'offline' + (detail ? ': ' + detail : '');
}

function tickerItem(alert) {
  return el('li', { 'data-alert': alert.alertId, 'data-pair': alert.pair },
      el('time', { datetime: alert.raisedAt, title: alert.raisedAt }, clock(alert.raisedAt) + ' · ' + alert.kind),
      el('a', { href: '#/pair/' + alert.pair }, alert.pair), ' ', levelBadge(alert.level), ' ',
      el('span', {}, alert.message || ''));
}

function startAnalyst() {
  startLive(showConnection);
  analyst.get('/alerts?limit=30').then(list => list.reverse().forEach(a => putAlert(a, false))).catch(() => {});
}

on('alert', (alert, live) => {
  const list = $('ticker-list');
  list.replaceChildren(...recentAlerts().slice(0, 40).map(tickerItem));
  if (live) list.querySelector('[data-alert="' + alert.alertId + '"]')?.classList.add('fresh');
});

$('key-form').addEventListener('submit', submitKey);
$('sign-out').addEventListener('click', () => {
  stopLive();
  signOut();
  reset();
  $('ticker-list').replaceChildren();
  showConnection('offline');
  location.hash = '#/matrix';
  route();
});
window.addEventListener('hashchange', route);
if (hasRole('ANALYST')) startAnalyst();
route();
