// Levels, numbers and dates as the views show them.
export const LEVELS = ['LOW', 'GUARDED', 'ELEVATED', 'HIGH', 'SEVERE'];
/** Lower bounds of GUARDED, ELEVATED, HIGH and SEVERE (docs/scoring.md). */
export const BOUNDS = [25, 50, 70, 85];
export const LEVEL_COLOURS = { LOW: '#cfe3f2', GUARDED: '#fee391', ELEVATED: '#fdae61', HIGH: '#d7301f', SEVERE: '#7f0000' };

/** Creates an element with attributes and children (strings become text, never HTML). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'style') node.style.cssText = value; // through the CSSOM, which the page's CSP allows
    else if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function levelBadge(level) {
  return el('span', { class: 'level ' + level }, level);
}

export const num = (value, digits = 1) => (value === null || value === undefined ? '–' : Number(value).toFixed(digits));
export const signed = (value, digits = 1) => (value >= 0 ? '+' : '−') + Math.abs(value).toFixed(digits);
export const day = iso => (iso ? iso.substring(0, 10) : '');
export const clock = iso => (iso ? new Date(iso).toLocaleTimeString([], { hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '');

/** ▲ / ▼ / ▬ with the signed seven-day change; the arrow's meaning is in its title for screen readers too. */
export function trendArrow(trend) {
  const cls = trend > 0.5 ? 'trend-up' : trend < -0.5 ? 'trend-down' : 'trend-flat';
  const arrow = trend > 0.5 ? '▲' : trend < -0.5 ? '▼' : '▬';
  const words = trend > 0.5 ? 'rising' : trend < -0.5 ? 'falling' : 'steady';
  return el('span', { class: cls, title: words + ' over 7 days' }, arrow + ' ' + signed(trend));
}

/** The category with the highest score, or '' when none. */
export function topCategory(assessment) {
  let best = '', score = -1;
  for (const [name, value] of Object.entries(assessment.categoryScores || {})) {
    if (value > score) { best = name; score = value; }
  }
  return best;
}

export function actors(pair) {
  return pair.split('-');
}

export function isDomestic(pair) {
  const [a, b] = actors(pair);
  return a === b;
}
