// The analyst's own subscriptions: list, create (filters, one optional rule, an optional signed webhook), delete.
import { analyst } from './api.js';
import { el, LEVELS, day } from './format.js';

const CATEGORIES = ['DIPLOMATIC', 'CULTURAL', 'SECURITY', 'ECONOMIC', 'DOMESTIC', 'ALIGNMENT'];

export function renderSubscriptions(main) {
  const list = el('section', { class: 'panel', id: 'subscription-list' }, el('h2', {}, 'My subscriptions'));
  const message = el('p', { class: 'message', role: 'alert', id: 'subscription-message' });
  main.append(form(message, load), message, list);

  async function load() {
    try {
      const subscriptions = await analyst.get('/subscriptions');
      list.replaceChildren(el('h2', {}, 'My subscriptions (' + subscriptions.length + ')'), subscriptions.length === 0
          ? el('p', { class: 'muted' }, 'None yet. The built-in level-change alerts reach the ticker anyway.')
          : table(subscriptions, load, message));
    } catch (e) {
      list.replaceChildren(el('h2', {}, 'My subscriptions'), el('p', { class: 'error' }, e.message));
    }
  }
  load();
}

const RULES = [['LEVEL_UP', 'the level rises'], ['LEVEL_DOWN', 'the level falls'], ['NEW_PAIR', 'a pair first appears'],
  ['SCORE_JUMP', 'the score jumps'], ['CATEGORY_THRESHOLD', 'a category crosses a threshold']];

/** One rule with only the parameters its kind takes. */
function rule(kind, points, days, category, threshold) {
  if (kind === 'SCORE_JUMP') return { kind, points: Number(points), days: Number(days) };
  if (kind === 'CATEGORY_THRESHOLD') return { kind, category, threshold: Number(threshold) };
  return { kind };
}

function field(label, input) {
  return el('label', {}, label, input);
}

function form(message, reload) {
  const name = el('input', { name: 'name', required: true, maxlength: 200, placeholder: 'e.g. Caucasus watch' });
  const pairs = el('input', { name: 'pairs', placeholder: 'AZE-RUS, ARM-AZE (empty: all)' });
  const actor = el('input', { name: 'actor', size: 6, placeholder: 'e.g. RUS' });
  const minLevel = el('select', { name: 'minLevel' }, el('option', { value: '' }, 'any'), LEVELS.map(l => el('option', { value: l }, l)));
  const category = el('select', { name: 'category' }, el('option', { value: '' }, 'all'), CATEGORIES.map(c => el('option', { value: c }, c.toLowerCase())));
  const kind = el('select', { name: 'kind' }, RULES.map(([v, t]) => el('option', { value: v }, t)));
  const points = el('input', { name: 'points', type: 'number', min: 1, max: 100, step: 1, value: 10 });
  const days = el('input', { name: 'days', type: 'number', min: 1, max: 90, step: 1, value: 7 });
  const threshold = el('input', { name: 'threshold', type: 'number', min: 1, max: 100, step: 1, value: 50 });
  const ruleCategory = el('select', { name: 'ruleCategory' }, CATEGORIES.map(c => el('option', { value: c }, c.toLowerCase())));
  const webhook = el('input', { name: 'webhook', type: 'url', placeholder: 'https://… (optional)' });
  const secret = el('input', { name: 'secret', type: 'password', autocomplete: 'new-password', placeholder: 'webhook secret' });

  // only the fields of the chosen rule are shown
  const ruleFields = { SCORE_JUMP: [points, days], CATEGORY_THRESHOLD: [ruleCategory, threshold] };
  const showRuleFields = () => Object.entries(ruleFields).forEach(([k, inputs]) =>
      inputs.forEach(input => { input.parentElement.hidden = k !== kind.value; }));
  kind.addEventListener('change', showRuleFields);

  async function submit(event) {
    event.preventDefault();
    const request = {
      name: name.value.trim(),
      pairs: pairs.value.split(/[\s,]+/).filter(Boolean).map(p => p.toUpperCase()),
      actor: actor.value.trim().toUpperCase() || undefined,
      categories: category.value ? [category.value] : [],
      minLevel: minLevel.value || undefined,
      rules: [rule(kind.value, points.value, days.value, ruleCategory.value, threshold.value)],
      webhook: webhook.value ? { url: webhook.value.trim(), secret: secret.value } : undefined,
    };
    try {
      const created = await analyst.post('/subscriptions', request);
      message.textContent = 'Created "' + created.name + '".';
      message.className = 'message';
      event.target.reset();
      showRuleFields();
      reload();
    } catch (e) {
      message.textContent = e.message;
      message.className = 'message error';
    }
  }

  const section = el('section', { class: 'panel' }, el('h2', {}, 'New subscription'),
      el('form', { id: 'subscription-form', onsubmit: submit },
          el('div', { class: 'form-grid' }, field('Name', name), field('Pairs', pairs), field('Actor', actor),
              field('Minimum level', minLevel), field('Category', category), field('Alert when', kind),
              field('Jump: points', points), field('Jump: within days', days), field('Threshold: category', ruleCategory),
              field('Threshold: score', threshold), field('Webhook URL', webhook), field('Webhook secret', secret),
              el('div', {}, el('button', { type: 'submit' }, 'Create')))));
  showRuleFields();
  return section;
}

function describe(s) {
  const parts = [];
  if (s.pairs && s.pairs.length) parts.push('pairs ' + s.pairs.join(', '));
  if (s.actor) parts.push('actor ' + s.actor);
  if (s.categories && s.categories.length) parts.push(s.categories.join(', ').toLowerCase());
  if (s.minLevel) parts.push(s.minLevel + ' or above');
  return parts.join(' · ') || 'all pairs';
}

function table(subscriptions, reload, message) {
  return el('table', { id: 'subscription-table' }, el('thead', {}, el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'Filters'),
      el('th', {}, 'Rules'), el('th', {}, 'Webhook'), el('th', {}, 'Created'), el('th', {}))),
  el('tbody', {}, subscriptions.map(s => el('tr', { 'data-subscription': s.id },
      el('td', {}, s.name), el('td', {}, describe(s)),
      el('td', {}, (s.rules || []).map(r => r.kind.toLowerCase().replace('_', ' ')
          + (r.points ? ' ' + r.points + ' pts / ' + r.days + ' d' : '') + (r.threshold ? ' ' + r.category + ' ≥ ' + r.threshold : '')).join(', ') || 'level changes'),
      el('td', {}, s.webhookUrl || '–'), el('td', {}, day(s.createdAt)),
      el('td', {}, el('button', { type: 'button', class: 'danger', onclick: async () => {
        if (!confirm('Delete the subscription "' + s.name + '"?')) return;
        try {
          await analyst.del('/subscriptions/' + s.id);
          message.textContent = 'Deleted "' + s.name + '".';
          message.className = 'message';
          reload();
        } catch (e) {
          message.textContent = e.message;
          message.className = 'message error';
        }
      } }, 'Delete'))))));
}
