// One pair: its figures, the score history chart, the category breakdown, the drivers, the latest events and the
// alerts it raised. Live assessments and alerts of the pair update the open view.
import { analyst } from './api.js';
import { assessment as held, on, recentAlerts } from './store.js';
import { el, levelBadge, num, signed, day, clock, trendArrow, topCategory } from './format.js';
import { historyChart, SERIES } from './chart.js';

export function renderPair(main, pair) {
  const head = el('section', { class: 'panel', id: 'pair-head' }, el('h2', {}, pair));
  const chart = el('section', { class: 'panel chart', id: 'pair-chart' }, el('h2', {}, 'Score history'), el('p', { class: 'muted' }, 'Loading…'));
  const categories = el('section', { class: 'panel', id: 'pair-categories' });
  const drivers = el('section', { class: 'panel', id: 'pair-drivers' });
  const events = el('section', { class: 'panel', id: 'pair-events' }, el('h2', {}, 'Latest events'));
  const alerts = el('section', { class: 'panel', id: 'pair-alerts' }, el('h2', {}, 'Alerts raised'));
  main.append(el('p', {}, el('a', { href: '#/matrix' }, '← back to the matrix')), head, chart,
      el('div', { class: 'grid2' }, categories, drivers), el('div', { class: 'grid2' }, events, alerts));
  let history = [];
  let pastAlerts = [];

  function showAssessment(a) {
    head.replaceChildren(el('div', { class: 'detail-head' }, el('h2', {}, a.pair), levelBadge(a.level),
        el('span', { class: 'muted' }, 'as of ' + day(a.asOf) + ' · version ' + a.version)), figures(a));
    categories.replaceChildren(el('h2', {}, 'Category breakdown'), categoryBars(a));
    drivers.replaceChildren(el('h2', {}, 'Driver events'), driverTable(a));
  }

  let range = null;
  function showChart() {
    range = range || defaultRange(history);
    const latest = history.length ? Date.parse(history[history.length - 1].asOf) : 0;
    const buttons = el('span', { class: 'range', role: 'group', 'aria-label': 'Time range' }, RANGES.map(([id, label]) =>
        el('button', { type: 'button', id: 'range-' + id, 'aria-pressed': String(id === range),
          onclick: () => { range = id; showChart(); } }, label)));
    chart.replaceChildren(el('h2', {}, 'Score history', buttons), history.length
        ? historyChart(history, range === 'all' ? null : latest - DAYS[range] * 86400000)
        : el('p', { class: 'muted' }, 'No history yet.'), chartLegend());
  }

  function showAlerts() {
    const live = recentAlerts().filter(x => x.pair === pair);
    const all = [...live, ...pastAlerts.filter(p => !live.some(l => l.alertId === p.alertId))];
    alerts.replaceChildren(el('h2', {}, 'Alerts raised'), all.length === 0 ? el('p', { class: 'muted' }, 'No alerts for this pair.')
        : el('table', { id: 'pair-alert-table' }, el('thead', {}, el('tr', {}, el('th', {}, 'Raised'), el('th', {}, 'Kind'),
            el('th', {}, 'Level'), el('th', {}, 'Message'))),
        el('tbody', {}, all.map(x => el('tr', { 'data-alert': x.alertId }, el('td', {}, day(x.raisedAt) + ' ' + clock(x.raisedAt)),
            el('td', {}, x.kind), el('td', {}, levelBadge(x.level)), el('td', {}, x.message || ''))))));
  }

  function fail(section, title) {
    return e => section.replaceChildren(el('h2', {}, title), el('p', { class: 'error' }, e.message));
  }

  const start = held(pair);
  if (start) showAssessment(start);
  analyst.get('/assessments/' + pair).then(showAssessment).catch(e => {
    head.replaceChildren(el('h2', {}, pair), el('p', { class: 'error' },
        e.status === 404 ? 'No assessment for ' + pair + ' yet: no event of this pair has been scored.' : e.message));
  });
  analyst.get('/assessments/' + pair + '/history').then(list => { history = list.sort(byTime); showChart(); }).catch(fail(chart, 'Score history'));
  const loadEvents = () => analyst.get('/events?pair=' + pair + '&size=15')
      .then(page => events.replaceChildren(el('h2', {}, 'Latest events (' + page.total + ')'), eventTable(page.events)))
      .catch(fail(events, 'Latest events'));
  loadEvents();
  analyst.get('/alerts?pair=' + pair + '&limit=50').then(list => { pastAlerts = list; showAlerts(); }).catch(fail(alerts, 'Alerts raised'));

  const offAssessment = on('assessment', a => {
    if (a.pair !== pair) return;
    showAssessment(a);
    if (!history.some(h => h.version === a.version)) {
      history = [...history, a].sort(byTime);
      showChart();
    }
    loadEvents();
  });
  const offAlert = on('alert', x => { if (x.pair === pair) showAlerts(); });
  return () => { offAssessment(); offAlert(); };
}

const RANGES = [['90d', '90 days'], ['1y', '1 year'], ['all', 'all']];
const DAYS = { '90d': 90, '1y': 365 };

/** The shortest range that holds at least two assessments, so the chart opens on the recent movement. */
function defaultRange(history) {
  if (history.length === 0) return 'all';
  const latest = Date.parse(history[history.length - 1].asOf);
  return RANGES.map(r => r[0]).find(id => id === 'all'
      || history.filter(a => Date.parse(a.asOf) >= latest - DAYS[id] * 86400000).length >= 2);
}

const byTime = (p, q) => p.asOf.localeCompare(q.asOf) || p.version - q.version;

function figures(a) {
  const item = (label, value, title) => el('div', { title }, el('dt', {}, label), el('dd', {}, value));
  return el('dl', { class: 'figures' },
      item('Score', num(a.score), '0–100: the larger of acute and structural'),
      item('7-day trend', trendArrow(a.trend7d)),
      item('Acute', num(a.acute), 'hostile share of the recent weeks above the baseline'),
      item('Structural', num(a.structural), 'the same over about a year: a standing dispute'),
      item('Escalation', signed(a.escalation), 'acute minus structural'),
      item('Salience', num(a.salience, 0), 'how unusual the attention to the pair is'),
      item('Top category', topCategory(a).toLowerCase() || '–'),
      item('Events / stories', a.eventCount + ' / ' + a.storyCount));
}

function chartLegend() {
  return el('div', { class: 'chart-legend' }, SERIES.map(s => el('span', {},
      el('span', { class: 'swatch', style: `border-top: 3px ${s.dash ? (s.dash.startsWith('2') ? 'dotted' : 'dashed') : 'solid'} ${s.colour}` }), s.label)),
  el('span', { class: 'muted' }, 'shaded bands: the levels; hover a point for its figures'));
}

function categoryBars(a) {
  const entries = Object.entries(a.categoryScores || {}).sort((p, q) => q[1] - p[1]);
  if (entries.length === 0) return el('p', { class: 'muted' }, 'No category scores.');
  return el('div', { class: 'bars', id: 'category-bars' }, entries.flatMap(([name, value]) => [
    el('span', {}, name.toLowerCase()),
    el('div', { class: 'bar', role: 'img', 'aria-label': name + ' ' + num(value) }, el('span', { style: `width: ${Math.max(0, Math.min(100, value))}%` })),
    el('span', { class: 'num' }, num(value))]));
}

function driverTable(a) {
  if (!a.drivers || a.drivers.length === 0) return el('p', { class: 'muted' }, 'No drivers.');
  const max = Math.max(...a.drivers.map(d => Math.abs(d.contribution)), 1e-9);
  return el('table', { id: 'driver-table' }, el('thead', {}, el('tr', {}, el('th', {}, 'Date'), el('th', {}, 'Headline'),
      el('th', { class: 'num', title: 'positive: hostile; negative: cooperative' }, 'Contribution'))),
  el('tbody', {}, a.drivers.map(d => el('tr', {}, el('td', {}, day(d.occurredAt)), el('td', {}, d.headline || '(no headline)'),
      el('td', { class: 'num' }, signed(d.contribution, 2), ' ', el('div', { class: 'bar' + (d.contribution > 0 ? ' hostile' : ''), style: 'width: 4rem; display: inline-block' },
          el('span', { style: `width: ${100 * Math.abs(d.contribution) / max}%` })))))));
}

function eventTable(list) {
  if (list.length === 0) return el('p', { class: 'muted' }, 'No events.');
  return el('table', { id: 'event-table' }, el('thead', {}, el('tr', {}, el('th', {}, 'Date'), el('th', {}, 'Actors'),
      el('th', {}, 'CAMEO'), el('th', { class: 'num' }, 'Goldstein'), el('th', {}, 'Headline'))),
  el('tbody', {}, list.map(e => el('tr', {}, el('td', {}, day(e.occurredAt)),
      el('td', {}, e.actor1 + (e.actor2 ? ' → ' + e.actor2 : '')), el('td', {}, e.cameoCode),
      el('td', { class: 'num' }, e.goldstein === undefined ? '' : signed(e.goldstein)), el('td', {}, e.headline || '')))));
}
