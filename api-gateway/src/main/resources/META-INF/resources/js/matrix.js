// The risk matrix (actors × actors, a cell per pair coloured and lettered by level) beside the ranked list of pairs.
import { allAssessments, loadAssessments, on } from './store.js';
import { BOUNDS, LEVELS, actors, el, isDomestic, levelBadge, num, signed, topCategory, trendArrow } from './format.js';

const MAX_ACTORS = 16;
const REDRAW_MS = 250;
const filters = { actor: '', minLevel: 'LOW', scope: 'cross' };

export function renderMatrix(main) {
  const matrixPanel = el('section', { class: 'panel', id: 'matrix-panel' }, el('h2', {}, 'Risk matrix'));
  const listPanel = el('section', { class: 'panel', id: 'ranking-panel' }, el('h2', {}, 'Pairs by priority'));
  const status = el('span', { class: 'muted status', id: 'matrix-status' }, 'Loading assessments…');
  const bar = filterBar(() => draw());
  bar.append(status);
  main.append(bar, el('div', { class: 'split' }, matrixPanel, listPanel));
  const tip = el('div', { class: 'tip', hidden: true });
  document.body.append(tip);

  function draw(changed = new Set()) {
    const shown = allAssessments().filter(matches);
    status.textContent = shown.length + ' pairs shown · click a cell or a row for its detail';
    matrixPanel.replaceChildren(el('h2', {}, 'Risk matrix'), matrix(shown, tip), legend());
    listPanel.replaceChildren(el('h2', {}, 'Pairs by priority'), ranking(shown, changed));
  }

  // a burst of assessments (a bulk post) redraws once per REDRAW_MS, flashing every pair that changed
  let pending = null;
  function changedLater(pair) {
    if (!pending) {
      pending = new Set();
      setTimeout(() => { const changed = pending; pending = null; draw(changed); }, REDRAW_MS);
    }
    pending.add(pair);
  }

  loadAssessments().then(() => draw()).catch(e => {
    status.textContent = e.message;
    status.className = 'error';
  });
  const off = on('assessment', a => changedLater(a.pair));
  return () => { off(); tip.remove(); };
}

function matches(a) {
  if (filters.actor && !actors(a.pair).includes(filters.actor)) return false;
  if (LEVELS.indexOf(a.level) < LEVELS.indexOf(filters.minLevel)) return false;
  if (filters.scope === 'cross' && isDomestic(a.pair)) return false;
  if (filters.scope === 'domestic' && !isDomestic(a.pair)) return false;
  return true;
}

function filterBar(changed) {
  const update = (name, transform = v => v) => e => { filters[name] = transform(e.target.value); changed(); };
  const actor = el('input', { id: 'filter-actor', size: 6, maxlength: 5, placeholder: 'e.g. RUS', value: filters.actor,
    oninput: update('actor', v => v.trim().toUpperCase()) });
  const level = el('select', { id: 'filter-level', onchange: update('minLevel') },
      LEVELS.map(l => el('option', { value: l, selected: l === filters.minLevel }, l === 'LOW' ? 'any level' : l + ' or above')));
  const scope = el('select', { id: 'filter-scope', onchange: update('scope') },
      [['cross', 'cross-border'], ['domestic', 'domestic'], ['all', 'both']]
          .map(([v, t]) => el('option', { value: v, selected: v === filters.scope }, t)));
  return el('section', { class: 'panel filters', 'aria-label': 'Filters' },
      el('label', {}, 'Actor', actor), el('label', {}, 'Level', level), el('label', {}, 'Pairs', scope));
}

/** The actors of the shown pairs, those in the riskiest pairs first, at most MAX_ACTORS. */
function actorsOf(shown) {
  const weight = new Map();
  for (const a of shown) {
    for (const actor of new Set(actors(a.pair))) weight.set(actor, Math.max(weight.get(actor) || 0, a.score));
  }
  return [...weight.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .slice(0, MAX_ACTORS).map(e => e[0]);
}

function matrix(shown, tip) {
  const names = actorsOf(shown);
  if (names.length === 0) return el('p', { class: 'muted' }, 'No pair matches the filters.');
  const byPair = new Map(shown.map(a => [a.pair, a]));
  const head = el('tr', {}, el('th', {}), names.map(n => el('th', { scope: 'col' }, n)));
  const rows = names.map(row => el('tr', {}, el('th', { scope: 'row', class: 'row-head' }, row), names.map(col => {
    const pair = row < col ? row + '-' + col : col + '-' + row;
    const a = byPair.get(pair);
    if (!a) return el('td', { class: row === col ? 'self' : '' });
    const label = pair + ': ' + a.level + ', score ' + num(a.score);
    return el('td', {
      class: 'pair ' + a.level, 'data-pair': pair, 'data-level': a.level, title: label, 'aria-label': label,
      tabindex: 0, role: 'link',
      onclick: () => { location.hash = '#/pair/' + pair; },
      onkeydown: e => { if (e.key === 'Enter') location.hash = '#/pair/' + pair; },
      onmousemove: e => showTip(tip, e, label + ' · top category ' + (topCategory(a) || '–')),
      onmouseleave: () => { tip.hidden = true; },
    }, a.level.charAt(0));
  })));
  return el('div', { class: 'matrix-wrap' }, el('table', { class: 'matrix', id: 'matrix' },
      el('thead', {}, head), el('tbody', {}, rows)));
}

function showTip(tip, event, text) {
  tip.textContent = text;
  tip.hidden = false;
  tip.style.left = Math.min(event.clientX + 14, window.innerWidth - tip.offsetWidth - 8) + 'px';
  tip.style.top = (event.clientY + 14) + 'px';
}

function legend() {
  const bounds = [0, ...BOUNDS, 100];
  return el('div', { class: 'legend' }, 'Levels:', LEVELS.map((l, i) =>
      el('span', { class: 'level ' + l, title: 'score ' + bounds[i] + '–' + bounds[i + 1] },
          l.charAt(0) + ' = ' + l + ' ' + bounds[i] + '+')));
}

function ranking(shown, changed) {
  const body = el('tbody', {}, shown.map(a => el('tr', {
    class: 'link' + (changed.has(a.pair) ? ' changed' : ''), 'data-pair': a.pair, 'data-level': a.level,
    'data-version': a.version, tabindex: 0,
    onclick: () => { location.hash = '#/pair/' + a.pair; },
    onkeydown: e => { if (e.key === 'Enter') location.hash = '#/pair/' + a.pair; },
  },
  el('td', { class: 'pair-name' }, el('a', { href: '#/pair/' + a.pair }, a.pair)),
  el('td', {}, levelBadge(a.level)),
  el('td', { class: 'num' }, num(a.score)),
  el('td', { class: 'num' }, trendArrow(a.trend7d)),
  el('td', { class: 'num', title: 'escalation ' + signed(a.escalation) + ', salience ' + num(a.salience, 0) },
      num(a.acute) + ' / ' + num(a.structural)),
  el('td', {}, topCategory(a).toLowerCase()))));
  const th = (text, title, cls) => el('th', { title, class: cls }, text);
  return el('div', { class: 'scroll' }, el('table', { id: 'ranking' },
      el('thead', {}, el('tr', {}, th('Pair'), th('Level'), th('Score', '0–100', 'num'), th('7 days', 'score change over 7 days', 'num'),
          th('Acute / struct.', 'the model\'s components: hostile share of the recent weeks / of about a year', 'num'),
          th('Top category'))), body));
}
