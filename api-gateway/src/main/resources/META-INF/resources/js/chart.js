// A score-over-time chart in plain SVG: the level bands behind, the score with a point per assessment, the acute and
// structural components dashed and dotted. Lines are steps: an assessment stands until the pair's next one (the API
// answers with the latest), so a jump shows where the event came rather than as a slope from the previous point.
import { BOUNDS, LEVELS, LEVEL_COLOURS, day } from './format.js';

const NS = 'http://www.w3.org/2000/svg';
const W = 760, H = 280, LEFT = 36, RIGHT = 74, TOP = 10, BOTTOM = 26;
export const SERIES = [
  { field: 'score', label: 'score', colour: '#1b2330', dash: '', width: 2.5 },
  { field: 'acute', label: 'acute (recent weeks)', colour: '#1f5fa8', dash: '6 4', width: 1.8 },
  { field: 'structural', label: 'structural (about a year)', colour: '#6a3d9a', dash: '2 3', width: 1.8 },
];

function svg(tag, attrs, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The chart of a pair's history (oldest first) from {@code since} (ms, or null for all of it) to the latest entry: the
 * last entry before the window starts the lines at its left edge, every entry inside gets a point.
 */
export function historyChart(history, since) {
  const inside = since === null ? history : history.filter(a => Date.parse(a.asOf) >= since);
  const before = since === null ? [] : history.filter(a => Date.parse(a.asOf) < since).slice(-1);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', id: 'history-chart',
    'aria-label': 'Score history with level bands, ' + inside.length + ' assessments' });
  const times = [...before.map(() => since), ...inside.map(a => Date.parse(a.asOf))];
  const lines = [...before, ...inside];
  let t0 = since === null ? Math.min(...times) : since, t1 = Math.max(...times);
  if (t1 - t0 < 86400000) { t0 -= 86400000; t1 += 86400000; }
  const x = t => LEFT + (W - LEFT - RIGHT) * (t - t0) / (t1 - t0);
  const y = v => TOP + (H - TOP - BOTTOM) * (1 - v / 100);

  const edges = [0, ...BOUNDS, 100];
  LEVELS.forEach((level, i) => {
    root.append(svg('rect', { x: LEFT, y: y(edges[i + 1]), width: W - LEFT - RIGHT, height: y(edges[i]) - y(edges[i + 1]),
      fill: LEVEL_COLOURS[level], 'fill-opacity': 0.35 }));
    root.append(svg('text', { x: W - RIGHT + 4, y: (y(edges[i]) + y(edges[i + 1])) / 2 + 3, class: 'band-label' }, level));
  });
  for (const v of [0, 25, 50, 70, 85, 100]) {
    root.append(svg('text', { x: LEFT - 4, y: y(v) + 3, 'text-anchor': 'end', class: 'axis' }, String(v)));
  }
  const ticks = 5;
  for (let i = 0; i <= ticks; i++) {
    const t = t0 + (t1 - t0) * i / ticks;
    root.append(svg('text', { x: x(t), y: H - 8, 'text-anchor': i === 0 ? 'start' : i === ticks ? 'end' : 'middle', class: 'axis' },
        day(new Date(t).toISOString())));
  }
  root.append(svg('line', { x1: LEFT, x2: W - RIGHT, y1: y(0), y2: y(0), stroke: '#8a94a3' }));

  for (const s of SERIES) {
    const points = lines.flatMap((a, i) => (i === 0 ? [] : [[x(times[i]), y(lines[i - 1][s.field])]])
        .concat([[x(times[i]), y(a[s.field])]]));
    if (points.length === 1) points.push([points[0][0] + 6, points[0][1]]);
    root.append(svg('polyline', { points: points.map(p => p.join(',')).join(' '), fill: 'none', stroke: s.colour,
      'stroke-width': s.width, 'stroke-dasharray': s.dash, 'stroke-linejoin': 'round', class: 'series-' + s.field }));
  }
  inside.forEach(a => {
    const dot = svg('circle', { cx: x(Date.parse(a.asOf)), cy: y(a.score), r: 3.5, fill: '#1b2330', class: 'point' });
    dot.append(svg('title', {}, day(a.asOf) + ': score ' + a.score.toFixed(1) + ' (' + a.level + '), acute '
        + a.acute.toFixed(1) + ', structural ' + a.structural.toFixed(1)));
    root.append(dot);
  });
  return root;
}
