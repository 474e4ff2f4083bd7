// What the analyst views share: the latest assessment per pair and the recent alerts, with listeners that the
// open view registers so live updates reach it without a reload.
import { analyst } from './api.js';

const assessments = new Map();
const alerts = [];
const listeners = { assessment: new Set(), alert: new Set() };
let loaded = null;

export function on(kind, listener) {
  listeners[kind].add(listener);
  return () => listeners[kind].delete(listener);
}

/** Loads every pair once per sign-in; later changes come from the stream. */
export function loadAssessments(force = false) {
  if (!loaded || force) {
    loaded = analyst.get('/assessments').then(list => {
      assessments.clear();
      for (const a of list) assessments.set(a.pair, a);
      return allAssessments();
    }).catch(e => { loaded = null; throw e; });
  }
  return loaded;
}

export function allAssessments() {
  return [...assessments.values()].sort((a, b) => b.priority - a.priority || b.score - a.score);
}

export function assessment(pair) {
  return assessments.get(pair);
}

/** An assessment from the stream: kept if it is newer than what is held, then every listener hears it. */
export function putAssessment(a) {
  const held = assessments.get(a.pair);
  if (held && held.version > a.version) return;
  assessments.set(a.pair, a);
  listeners.assessment.forEach(listener => listener(a));
}

export function recentAlerts() {
  return alerts;
}

export function putAlert(alert, live) {
  if (alerts.some(a => a.alertId === alert.alertId)) return;
  alerts.unshift(alert);
  alerts.sort((a, b) => (b.raisedAt || '').localeCompare(a.raisedAt || ''));
  alerts.length = Math.min(alerts.length, 100);
  if (live && alert.assessment) putAssessment(alert.assessment);
  listeners.alert.forEach(listener => listener(alert, live));
}

export function reset() {
  assessments.clear();
  alerts.length = 0;
  loaded = null;
}
