// The browser client (docs/adr/0017): joins the map named by the page's path with the token in the address's
// fragment, shows the hub's drawing of it, and turns the person's gestures into change sets.

import { Hub, colourOf } from './hub.js';
import { Mirror, inverse, newId, orderAfter } from './mirror.js';
import { Canvas } from './canvas.js';
import { language, setLanguage, text, translatePage } from './texts.js';
import { notice, showFindingsList, showPeople, showFindings, status } from './panels.js';
import { MethodParts } from './method.js';
import { Drawing } from './draw.js';
import { freePlace, scanPlace } from './places.js';

const DRAG_START_PX = 4;

const $ = id => document.getElementById(id);

const page = {
  hub: null,
  mirror: null,
  palette: { nodeTypes: [], linkTypes: [], tower: null },
  sceneParts: [],
  undo: [], // the person's committed change sets (as the hub applied them), newest last
  redo: [],
  kinds: new Map(), // clientSeq → 'edit' | 'undo' | 'redo'
  moves: new Map(), // clientSeq → the key of the element it moves (its group is put back if refused)
  connecting: null, // the source node while connecting
  others: new Map(), // actor → what the others point at and have selected
};

const canvas = new Canvas($('map'), key => selectionChanged(key));
const method = new MethodParts({
  map: () => (page.mirror ? shown() : null),
  selected: () => canvas.selected,
  edit: (summary, changes) => edit(summary, changes),
  nameOf: e => nameOf(e),
  askName: (placeholder, done) => askLabel(null, '', placeholder, done),
  placeBelow: (m, x, y, w, h) => scanPlace(m, x, y, w, h),
  select: key => canvas.select(key),
});
const drawing = new Drawing({
  map: () => (page.mirror ? shown() : null),
  edit: (summary, changes) => edit(summary, changes),
  scale: () => canvas.view.scale,
  centre: () => canvas.centre(),
  select: key => canvas.select(key),
});

function start() {
  translatePage(document);
  $('language').textContent = text('language.switch');
  const path = decodeURIComponent(location.pathname);
  const mapId = path.startsWith('/maps/') ? path.slice('/maps/'.length) : '';
  const token = location.hash.slice(1);
  if (!token) {
    status('refused', text('status.refused', text('status.noToken')));
    return;
  }
  let actor = localStorage.getItem('mapwork.actor');
  if (!actor) {
    actor = newId('web');
    localStorage.setItem('mapwork.actor', actor);
  }
  const name = localStorage.getItem('mapwork.name');
  if (name) {
    join(mapId, token, actor, name);
    return;
  }
  $('join').hidden = false;
  $('name').focus();
  $('join').addEventListener('submit', e => {
    e.preventDefault();
    const typed = $('name').value.trim();
    if (!typed) return;
    localStorage.setItem('mapwork.name', typed);
    $('join').hidden = true;
    join(mapId, token, actor, typed);
  });
}

function join(mapId, token, actor, name) {
  page.hub = new Hub({
    mapId, token, actor, name, handlers: {
      onWelcome: welcome, onEntry: entry, onRefused: refused, onScene: scene, onDrawn: drawn,
      onPeople: people, onState: state, onPresence: presence,
    },
  });
  people(new Map());
  page.hub.start();
}

// ----- from the hub -----

function welcome(m) {
  mark('mapwork-welcome');
  page.mirror = new Mirror(m.snapshot, m.serverSeq);
  $('title').textContent = page.mirror.title || 'Mapwork';
  document.title = `${page.mirror.title} — Mapwork`;
  $('tools').hidden = false;
}

function entry(e, own) {
  const mirror = page.mirror;
  if (!mirror || e.serverSeq <= mirror.serverSeq) return;
  if (e.serverSeq !== mirror.serverSeq + 1) {
    page.hub.ws.close(); // a gap: join again (a fresh snapshot)
    return;
  }
  mirror.apply(e.changeSet);
  mirror.serverSeq = e.serverSeq;
  if (own) {
    const kind = page.kinds.get(e.clientSeq);
    page.kinds.delete(e.clientSeq);
    page.moves.delete(e.clientSeq);
    const done = { summary: e.changeSet.summary, changes: e.changeSet.changes };
    if (kind === 'undo') {
      page.redo.push(done);
    } else if (kind === 'redo') {
      page.undo.push(done);
    } else if (kind === 'edit') {
      page.undo.push(done);
      page.redo = [];
    }
  }
  buttons();
}

function refused(clientSeq, reason) {
  page.kinds.delete(clientSeq);
  const moved = page.moves.get(clientSeq);
  if (moved) {
    canvas.resetGroup(moved);
    page.moves.delete(clientSeq);
  }
  notice(text('status.refusedChange', reason));
  buttons();
}

function scene(m) {
  page.sceneParts.push(...(m.fragments ?? []));
  if (m.more) return;
  if (m.leftOut) notice(text('notice.leftOut', m.leftOut.join(', ')));
  mark('mapwork-scene-received');
  canvas.scene(page.sceneParts, m.order, m.extent, m.root);
  mark('mapwork-scene-built');
  page.sceneParts = [];
  canvas.showOthers(page.others);
  // when the whole map was first on screen, after the frame that drew it
  if (performance.getEntriesByName('mapwork-scene-shown').length === 0) {
    requestAnimationFrame(() => setTimeout(() => mark('mapwork-scene-shown')));
  }
  if (m.palette) palette(m.palette);
  if (m.findings) findings(m.findings);
}

function drawn(m) {
  if (m.leftOut) notice(text('notice.leftOut', m.leftOut.join(', ')));
  canvas.update(m.fragments, m.removed, m.order);
  canvas.showOthers(page.others);
  if (m.palette) palette(m.palette);
  if (m.findings) findings(m.findings);
}

/** The method's live checks of the map: a button with their number, and a sheet that selects what one names. */
function findings(list) {
  page.findings = list;
  showFindingsList(list, key => canvas.select(key));
}

function people(others) {
  showPeople(page.hub.actor, page.hub.name, others);
}

function palette(p) {
  page.palette = p;
  fillTypes($('node-type'), p.nodeTypes);
  fillTypes($('link-type'), p.linkTypes);
  method.setPalette(p);
  drawing.setPalette(p);
  buttons();
}

function fillTypes(select, types) {
  const chosen = select.value;
  select.replaceChildren(...types.map(t => {
    const o = document.createElement('option');
    o.value = t.type;
    o.textContent = t.label[language()] ?? t.label.en ?? t.type;
    return o;
  }));
  if (types.some(t => t.type === chosen)) select.value = chosen;
}

/** Another person's cursor and selection (from the hub; gone when they leave). */
function presence(actor, name, st) {
  if (actor === page.hub.actor) return;
  if (!st) {
    page.others.delete(actor);
  } else {
    page.others.set(actor, { name: name ?? page.hub.people.get(actor) ?? actor, colour: colourOf(actor),
      cursor: st.cursor, selection: st.selection });
  }
  canvas.showOthers(page.others);
}

function state(s, reason, waiting) {
  if (s === 'refused') {
    page.refusedReason = reason;
    status('refused', text('status.refused', reason === 'wrong token' ? text('status.wrongToken')
      : reason?.startsWith('no shared map') ? text('status.noMap') : reason));
    $('tools').hidden = true;
    return;
  }
  if (s === 'offline') {
    status(s, waiting ? text('status.offlineWaiting', waiting) : text('status.offline'));
  } else {
    status(s, text(s === 'online' ? 'status.online' : 'status.connecting'));
  }
  buttons();
}

/** The first time something happened, for the bench (BrowserSpeed reads these performance marks). */
function mark(name) {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

// ----- what the person sees: the confirmed map with their unconfirmed change sets on it -----

function shown() {
  const m = page.mirror.copy();
  for (const o of page.hub.outbox) {
    m.apply(o.changeSet);
  }
  return m;
}

function nameOf(e) {
  if (!e) return '';
  if (e.label) return e.label;
  const t = [...page.palette.nodeTypes, ...page.palette.linkTypes].find(x => x.type === e.type);
  return t ? (t.label[language()] ?? t.type) : e.type;
}

function edit(summary, changes, extra) {
  const seq = page.hub.submit(summary, changes, false);
  page.kinds.set(seq, 'edit');
  extra?.(seq);
  buttons();
}

// ----- gestures -----

function selectionChanged(key) {
  page.hub?.select(key ? [key] : []);
  buttons();
}

function buttons() {
  const joined = !!page.mirror && page.hub?.state !== 'refused';
  const selected = joined && canvas.selected ? shown().element(canvas.selected) : null;
  $('rename').disabled = !selected;
  $('delete').disabled = !selected;
  const tower = page.palette.tower;
  $('tower').hidden = !(selected && tower && selected.kind === 'node' && tower.types.includes(selected.type));
  const waiting = page.hub ? page.hub.outbox.length > 0 : true;
  $('undo').disabled = !joined || waiting || page.undo.length === 0;
  $('redo').disabled = !joined || waiting || page.redo.length === 0;
  $('add').disabled = !joined || page.palette.nodeTypes.length === 0;
  $('connect').disabled = !joined || page.palette.linkTypes.length === 0;
  if (joined) method.refresh();
}

function addNode() {
  const type = $('node-type').value;
  if (!type || !page.mirror) return;
  const c = canvas.centre();
  const label = page.palette.nodeTypes.find(t => t.type === type)?.label[language()] ?? type;
  askLabel(null, '', text('hint.newName', label), typed => {
    const id = newId('n');
    const m = shown();
    const element = {
      id, kind: 'node', type, label: typed, geometry: freePlace(m, c.x, c.y), order: orderAfter(m.lastOrder()),
    };
    edit(text('edit.add', typed || label), [{ change: 'add', element }]);
    canvas.select(id);
  });
}

function rename(key) {
  const e = shown().element(key);
  if (!e) return;
  askLabel(key, e.label, '', typed => {
    if (typed !== e.label) {
      edit(text('edit.rename', typed), [{ change: 'label', id: key, value: typed, old: e.label }]);
    }
  });
}

/** The label input over an element (or the middle of the map for a new one); Enter keeps, Escape drops. */
function askLabel(key, value, placeholder, done) {
  const input = $('label-input');
  const box = key ? canvas.screenBox(key) : null;
  const stage = $('stage').getBoundingClientRect();
  input.hidden = false;
  input.value = value;
  input.placeholder = placeholder;
  input.classList.toggle('centred', !box);
  if (box) {
    input.dataset.x = Math.round(box.left - stage.left);
    input.dataset.y = Math.round(box.top - stage.top + box.height / 2 - 16);
  }
  place(input);
  input.focus();
  input.select();
  const finish = keep => {
    if (input.hidden) return; // hiding the focused input blurs it at once: Enter must not name twice
    input.hidden = true;
    input.onkeydown = input.onblur = null;
    if (keep) done(input.value.trim());
    $('map').focus();
  };
  input.onkeydown = ev => {
    if (ev.key === 'Enter') finish(true);
    if (ev.key === 'Escape') finish(false);
    ev.stopPropagation();
  };
  input.onblur = () => finish(true);
}

/** Positions the label input through the CSSOM (a style attribute would be refused by the page's policy). */
function place(input) {
  if (input.classList.contains('centred')) {
    input.style.removeProperty('left');
    input.style.removeProperty('top');
    return;
  }
  input.style.setProperty('left', `${input.dataset.x}px`);
  input.style.setProperty('top', `${input.dataset.y}px`);
}

function remove(key) {
  const e = shown().element(key);
  if (!e) return;
  edit(text('edit.delete', nameOf(e)), [{ change: 'remove', id: key }]);
  canvas.select(null);
}

function tower(step) {
  const key = canvas.selected;
  const t = page.palette.tower;
  const e = key && shown().element(key);
  if (!e || !t) return;
  const current = e.attributes[t.attribute];
  const height = Math.max(0, Math.min(t.max, (Number.isInteger(current) ? current : 0) + step));
  if (height === current || (current === undefined && height === 0)) return;
  edit(text('edit.tower', nameOf(e), height), [{
    change: 'attribute', id: key, name: t.attribute, value: { int: height },
    old: Number.isInteger(current) ? { int: current } : null,
  }]);
}

function connect(from, to) {
  const type = $('link-type').value;
  const m = shown();
  const source = m.element(from);
  const target = m.element(to);
  if (!type || !source || !target || from === to) return;
  const element = { id: newId('l'), kind: 'link', type, label: '', source: from, target: to, order: orderAfter(m.lastOrder()) };
  edit(text('edit.connect', nameOf(source), nameOf(target)), [{ change: 'add', element }]);
}

function undoOrRedo(which) {
  const stack = which === 'undo' ? page.undo : page.redo;
  if (page.hub.outbox.length > 0 || stack.length === 0) return;
  const last = stack.pop();
  const changes = inverse(last.changes);
  if (!changes) return;
  // conditional: the hub leaves out what someone else has changed since (an undo never overwrites a later change)
  const seq = page.hub.submit(text(which === 'undo' ? 'edit.undo' : 'edit.redo', last.summary), changes, true);
  page.kinds.set(seq, which);
  buttons();
}

// ----- pointer, wheel and keys -----

const pointers = new Map();
let gesture = null;

$('map').addEventListener('pointerdown', ev => {
  $('map').focus();
  pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
  $('map').setPointerCapture(ev.pointerId);
  if (pointers.size === 2) {
    drawing.cancel(); // a second finger: a pinch, not a stroke
    gesture = { kind: 'pinch', distance: spread(), ...midpoint() };
    return;
  }
  const key = canvas.keyAt(ev.target);
  const e = key && page.mirror ? shown().element(key) : null;
  if (page.connecting !== null) {
    gesture = { kind: 'connect', key: e?.kind === 'node' ? key : null };
    return;
  }
  if (drawing.pen && page.mirror) {
    gesture = { kind: 'stroke' };
    drawing.begin(canvas.toMap(ev.clientX, ev.clientY));
    return;
  }
  if (e && e.kind === 'node' && e.geometry) {
    gesture = { kind: 'press', key, x: ev.clientX, y: ev.clientY, geometry: e.geometry, base: canvas.moved.get(key) };
  } else {
    gesture = { kind: 'pan', key, x: ev.clientX, y: ev.clientY, moved: false };
  }
});

$('map').addEventListener('pointermove', ev => {
  if (page.mirror && ev.pointerType === 'mouse') page.hub.pointAt(roundPoint(canvas.toMap(ev.clientX, ev.clientY)));
  if (!pointers.has(ev.pointerId)) return;
  pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
  if (!gesture) return;
  if (gesture.kind === 'stroke') {
    drawing.extend(canvas.toMap(ev.clientX, ev.clientY));
    return;
  }
  if (gesture.kind === 'pinch' && pointers.size === 2) {
    const d = spread();
    const box = $('map').getBoundingClientRect();
    const mid = midpoint();
    canvas.panBy(mid.x - gesture.x, mid.y - gesture.y);
    canvas.zoomAt(d / gesture.distance, mid.x - box.left, mid.y - box.top);
    Object.assign(gesture, { distance: d, ...mid });
    return;
  }
  const dx = ev.clientX - gesture.x;
  const dy = ev.clientY - gesture.y;
  if (gesture.kind === 'press' && Math.hypot(dx, dy) >= DRAG_START_PX) {
    gesture.kind = 'drag';
    canvas.select(gesture.key);
  }
  if (gesture.kind === 'drag') {
    const s = canvas.view.scale;
    gesture.dx = dx / s;
    gesture.dy = dy / s;
    const base = gesture.base ?? { x: 0, y: 0 };
    canvas.moveGroup(gesture.key, base.x + gesture.dx, base.y + gesture.dy);
  } else if (gesture.kind === 'pan' && (gesture.moved || Math.hypot(dx, dy) >= DRAG_START_PX)) {
    gesture.moved = true;
    canvas.panBy(ev.clientX - gesture.x, ev.clientY - gesture.y);
    gesture.x = ev.clientX;
    gesture.y = ev.clientY;
  }
});

function roundPoint(p) {
  return { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
}

$('map').addEventListener('pointerleave', () => page.mirror && page.hub.pointAt(null));

function pointerEnd(ev) {
  if (!pointers.delete(ev.pointerId) || !gesture) return;
  const g = gesture;
  if (g.kind === 'pinch') {
    if (pointers.size === 0) gesture = null;
    return;
  }
  gesture = null;
  if (ev.type === 'pointercancel') {
    if (g.kind === 'drag') canvas.resetGroup(g.key);
    if (g.kind === 'stroke') drawing.cancel();
    return;
  }
  if (g.kind === 'stroke') {
    drawing.end(canvas.toMap(ev.clientX, ev.clientY));
    return;
  }
  if (g.kind === 'drag') {
    const geometry = { ...g.geometry, x: Math.round(g.geometry.x + g.dx), y: Math.round(g.geometry.y + g.dy) };
    const base = g.base ?? { x: 0, y: 0 };
    canvas.moved.set(g.key, { x: base.x + g.dx, y: base.y + g.dy });
    const e = shown().element(g.key);
    edit(text('edit.move', nameOf(e)), [{ change: 'geometry', id: g.key, value: geometry, old: g.geometry }],
      seq => page.moves.set(seq, g.key));
  } else if (g.kind === 'press' || (g.kind === 'pan' && !g.moved)) {
    canvas.select(g.key ?? null);
  } else if (g.kind === 'connect') {
    if (!g.key) return;
    if (page.connecting === '') {
      page.connecting = g.key;
      canvas.select(g.key);
      $('hint').textContent = text('hint.connectTarget');
    } else {
      connect(page.connecting, g.key);
      stopConnecting();
    }
  }
}

$('map').addEventListener('pointerup', pointerEnd);
$('map').addEventListener('pointercancel', pointerEnd);

function spread() {
  const [a, b] = [...pointers.values()];
  return Math.max(1, Math.hypot(a.x - b.x, a.y - b.y));
}

function midpoint() {
  const [a, b] = [...pointers.values()];
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

$('map').addEventListener('dblclick', ev => {
  const key = canvas.keyAt(ev.target);
  if (key && page.mirror) rename(key);
});

$('map').addEventListener('wheel', ev => {
  ev.preventDefault();
  const box = $('map').getBoundingClientRect();
  canvas.zoomAt(Math.exp(-ev.deltaY * (ev.deltaMode === 1 ? 0.05 : 0.0015)), ev.clientX - box.left, ev.clientY - box.top);
}, { passive: false });

$('map').addEventListener('keydown', ev => {
  const box = $('map').getBoundingClientRect();
  const ctrl = ev.ctrlKey || ev.metaKey;
  if (ctrl && ev.key.toLowerCase() === 'z') {
    undoOrRedo(ev.shiftKey ? 'redo' : 'undo');
  } else if (ctrl && ev.key.toLowerCase() === 'y') {
    undoOrRedo('redo');
  } else if (ev.key === '+' || ev.key === '=') {
    canvas.zoomAt(1.25, box.width / 2, box.height / 2);
  } else if (ev.key === '-') {
    canvas.zoomAt(0.8, box.width / 2, box.height / 2);
  } else if (ev.key.startsWith('Arrow')) {
    const step = 40;
    canvas.panBy(ev.key === 'ArrowLeft' ? step : ev.key === 'ArrowRight' ? -step : 0,
      ev.key === 'ArrowUp' ? step : ev.key === 'ArrowDown' ? -step : 0);
  } else if ((ev.key === 'Delete' || ev.key === 'Backspace') && canvas.selected) {
    remove(canvas.selected);
  } else if (ev.key === 'F2' && canvas.selected) {
    rename(canvas.selected);
  } else if (ev.key === 'Tab' && page.mirror && !ctrl) {
    // the keyboard's way to pick an element: Tab and Shift+Tab go through them in paint order; past the last one
    // focus moves on out of the map as usual (no keyboard trap)
    const keys = [...canvas.groups.keys()].filter(k => !k.startsWith('~'));
    const at = keys.indexOf(canvas.selected);
    const next = at < 0 ? (ev.shiftKey ? keys.length - 1 : 0) : at + (ev.shiftKey ? -1 : 1);
    if (next < 0 || next >= keys.length) {
      canvas.select(null);
      return;
    }
    canvas.select(keys[next]);
  } else if (ev.key === 'Enter' && canvas.selected) {
    rename(canvas.selected);
  } else if (ev.key === 'Escape') {
    stopConnecting();
    if (drawing.pen) drawing.setPen(false);
    canvas.select(null);
  } else {
    return;
  }
  ev.preventDefault();
});

function stopConnecting() {
  page.connecting = null;
  $('connect').classList.remove('active');
  $('hint').textContent = '';
}

$('findings-button').addEventListener('click', () => showFindings($('findings').hidden));
$('add').addEventListener('click', addNode);
$('rename').addEventListener('click', () => canvas.selected && rename(canvas.selected));
$('delete').addEventListener('click', () => canvas.selected && remove(canvas.selected));
$('tower-raise').addEventListener('click', () => tower(1));
$('tower-lower').addEventListener('click', () => tower(-1));
$('undo').addEventListener('click', () => undoOrRedo('undo'));
$('redo').addEventListener('click', () => undoOrRedo('redo'));
$('connect').addEventListener('click', () => {
  if (page.connecting !== null) {
    stopConnecting();
    return;
  }
  page.connecting = '';
  $('connect').classList.add('active');
  $('hint').textContent = text('hint.connect');
});
$('language').addEventListener('click', () => {
  setLanguage(language() === 'es' ? 'en' : 'es');
  translatePage(document);
  $('language').textContent = text('language.switch');
  palette(page.palette);
  if (page.findings) findings(page.findings);
  if (page.hub) {
    people(page.hub.people);
    state(page.hub.state, page.refusedReason, page.hub.outbox.length);
  }
});

start();
