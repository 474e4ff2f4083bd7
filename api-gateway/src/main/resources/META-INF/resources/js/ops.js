// The ops view: consumer groups with lag per partition, topics, feeds with their counters and the webhook dead
// letters, refreshed every few seconds; a dead letter can be sent again.
import { ops } from './api.js';
import { el, num, day, clock } from './format.js';

const REFRESH_MS = 5000;

export function renderOps(main) {
  const stamp = el('p', { class: 'muted', id: 'ops-refreshed' }, 'Loading…');
  const sections = {
    consumers: el('section', { class: 'panel', id: 'ops-consumers' }, el('h2', {}, 'Consumer groups')),
    topics: el('section', { class: 'panel', id: 'ops-topics' }, el('h2', {}, 'Topics')),
    feeds: el('section', { class: 'panel', id: 'ops-feeds' }, el('h2', {}, 'Feeds')),
    dead: el('section', { class: 'panel', id: 'ops-dead-letters' }, el('h2', {}, 'Dead letters')),
  };
  main.append(stamp, sections.consumers, el('div', { class: 'grid2' }, sections.topics, sections.feeds), sections.dead);

  const show = (section, title, render) => data => section.replaceChildren(el('h2', {}, title), render(data));
  const fail = (section, title) => e => section.replaceChildren(el('h2', {}, title), el('p', { class: 'error' }, e.message));
  async function refresh() {
    await Promise.all([
      ops.get('/ops/consumers').then(show(sections.consumers, 'Consumer groups', consumerTable)).catch(fail(sections.consumers, 'Consumer groups')),
      ops.get('/ops/topics').then(show(sections.topics, 'Topics', topicTable)).catch(fail(sections.topics, 'Topics')),
      ops.get('/ops/feeds').then(show(sections.feeds, 'Feeds', feedTable)).catch(fail(sections.feeds, 'Feeds')),
      ops.get('/ops/dead-letters').then(show(sections.dead, 'Dead letters', list => deadLetterTable(list, refresh)))
          .catch(fail(sections.dead, 'Dead letters')),
    ]);
    stamp.textContent = 'Refreshed at ' + clock(new Date().toISOString()) + ', every ' + REFRESH_MS / 1000 + ' s.';
  }
  refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  return () => clearInterval(timer);
}

function table(id, headers, rows) {
  return el('table', { id }, el('thead', {}, el('tr', {}, headers.map(h =>
      el('th', { class: h.endsWith('#') ? 'num' : '' }, h.replace(/#$/, ''))))), el('tbody', {}, rows));
}

function consumerTable(groups) {
  if (groups.length === 0) return el('p', { class: 'muted' }, 'No consumer groups.');
  const rows = groups.flatMap(g => [
    el('tr', { 'data-group': g.groupId, class: 'group-row' }, el('td', {}, el('strong', {}, g.groupId)), el('td', {}, g.state),
        el('td', { class: 'num' }, String(g.members.length)), el('td', { class: 'num' }, String(g.totalLag)),
        el('td', {}, partitions(g.partitions))),
  ]);
  return table('consumer-table', ['Group', 'State', 'Members#', 'Total lag#', 'Lag per partition (topic-partition: lag)'], rows);
}

function partitions(list) {
  const sorted = [...list].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  return el('span', { class: 'muted' }, sorted.map(p => el('span', {
    title: 'committed ' + (p.committedOffset ?? 'none') + ', end ' + p.endOffset, class: p.lag > 0 ? 'error' : '' },
  p.topic.replace(/^georisk\./, '') + '-' + p.partition + ': ' + p.lag)).flatMap((s, i) => (i ? [' · ', s] : [s])));
}

function topicTable(topics) {
  return table('topic-table', ['Topic', 'Partitions#', 'Retention', 'Cleanup', 'Size#'], topics.map(t => el('tr', {},
      el('td', {}, t.name), el('td', { class: 'num' }, String(t.partitions)),
      el('td', {}, t.retentionMs < 0 ? 'unlimited' : num(t.retentionMs / 86400000, 1) + ' d'), el('td', {}, t.cleanupPolicy),
      el('td', { class: 'num' }, bytes(t.sizeBytes)))));
}

function bytes(n) {
  return n < 1024 ? n + ' B' : n < 1048576 ? num(n / 1024) + ' KiB' : num(n / 1048576) + ' MiB';
}

function feedTable(feeds) {
  if (feeds.length === 0) return el('p', { class: 'muted' }, 'No feeds registered.');
  return table('feed-table', ['Feed', 'State', 'Accepted#', 'Rejected#', 'Duplicates#', 'Last seen', 'Rate limit'], feeds.map(f => el('tr', {},
      el('td', {}, f.name), el('td', {}, f.active ? 'active' : 'revoked'), el('td', { class: 'num' }, String(f.accepted)),
      el('td', { class: 'num' }, String(f.rejected)), el('td', { class: 'num' }, String(f.duplicates)),
      el('td', {}, f.lastSeenAt ? day(f.lastSeenAt) + ' ' + clock(f.lastSeenAt) : 'never'),
      el('td', {}, f.rateLimit ? f.rateLimit.requestsPerSecond + '/s, burst ' + f.rateLimit.burst + (f.defaultRateLimit ? ' (default)' : '') : ''))));
}

function deadLetterTable(list, refresh) {
  if (list.length === 0) return el('p', { class: 'muted' }, 'No dead letters: every webhook delivery succeeded or is still being tried.');
  return table('dead-letter-table', ['Pair', 'Kind', 'URL', 'Attempts#', 'Last error', 'Since', ''], list.map(d => {
    const note = el('span', { class: 'muted' });
    const button = el('button', { type: 'button', class: 'quiet', onclick: async () => {
      button.disabled = true;
      try {
        await ops.post('/ops/dead-letters/' + d.id + '/resend');
        note.textContent = 'queued again';
        setTimeout(refresh, 1000);
      } catch (e) {
        note.textContent = e.message;
        button.disabled = false;
      }
    } }, 'Resend');
    return el('tr', { 'data-dead-letter': d.id }, el('td', {}, d.pair), el('td', {}, d.kind), el('td', {}, d.url),
        el('td', { class: 'num' }, String(d.attempts)), el('td', {}, (d.lastStatus ? 'HTTP ' + d.lastStatus + ' ' : '') + (d.lastError || '')),
        el('td', {}, day(d.updatedAt)), el('td', {}, button, ' ', note));
  }));
}
