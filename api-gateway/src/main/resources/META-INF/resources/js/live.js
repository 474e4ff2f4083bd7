// The alert and assessment streams (Server-Sent Events) read with fetch(), so the key goes in a header rather than
// the URL (EventSource cannot send headers). A dropped stream reconnects with Last-Event-ID and gets what it missed.
import { keys } from './api.js';
import { putAlert, putAssessment } from './store.js';

const RETRY_MS = 3000;
const streams = {
  alerts: { path: '/api/v1/stream/alerts', event: 'alert', handle: data => putAlert(data, true) },
  assessments: { path: '/api/v1/stream/assessments', event: 'assessment', handle: putAssessment },
};
const state = { alerts: 'offline', assessments: 'offline' };
let onState = () => {};
let generation = 0;

/** Opens both streams with the analyst key; report(state, detail) hears 'live', 'reconnecting' or 'offline'. */
export function startLive(report) {
  onState = report;
  stopLive();
  const mine = ++generation;
  for (const [name, stream] of Object.entries(streams)) {
    stream.lastEventId = null;
    open(name, stream, mine);
  }
}

export function stopLive() {
  generation++;
  for (const stream of Object.values(streams)) {
    if (stream.controller) stream.controller.abort();
    stream.controller = null;
  }
  setState('alerts', 'offline');
  setState('assessments', 'offline');
}

function setState(name, value, detail) {
  state[name] = value;
  const all = Object.values(state);
  const overall = all.every(s => s === 'live') ? 'live' : all.includes('reconnecting') ? 'reconnecting' : 'offline';
  onState(overall, detail);
}

async function open(name, stream, mine) {
  const key = keys().ANALYST;
  if (!key || mine !== generation) return;
  const controller = new AbortController();
  stream.controller = controller;
  const headers = { 'X-API-Key': key, 'Accept': 'text/event-stream' };
  if (stream.lastEventId) headers['Last-Event-ID'] = stream.lastEventId;
  let detail = 'stream ended';
  try {
    const response = await fetch(stream.path, { headers, signal: controller.signal, cache: 'no-store' });
    if (response.status === 401) {
      setState(name, 'offline', 'the key was refused');
      return;
    }
    if (!response.ok) throw new Error('HTTP ' + response.status);
    setState(name, 'live');
    await read(response, stream);
  } catch (e) {
    if (controller.signal.aborted) return;
    detail = e.message;
  }
  if (mine !== generation) return;
  setState(name, 'reconnecting', detail);
  setTimeout(() => open(name, stream, mine), RETRY_MS);
}

async function read(response, stream) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      dispatch(buffer.substring(0, end), stream);
      buffer = buffer.substring(end + 2);
    }
  }
}

function dispatch(block, stream) {
  let id = null, name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.substring(0, colon);
    const value = colon < 0 ? '' : line.substring(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  if (id) stream.lastEventId = id;
  if (name === stream.event && data.length) stream.handle(JSON.parse(data.join('\n')));
}
