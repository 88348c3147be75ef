// What the page shows beside the map: who is in, the connection's state, short notices and the method's findings.

import { colourOf } from './hub.js';
import { text } from './texts.js';

const $ = id => document.getElementById(id);
let noticeTimer = null;

/** Who is in: this person first, each with their colour (the same rule as every client's). */
export function showPeople(selfActor, selfName, others) {
  const list = [[selfActor, text('people.you', selfName)], ...others];
  $('people').replaceChildren(...list.map(([actor, name]) => {
    const li = document.createElement('li');
    li.dataset.actor = actor;
    const dot = document.createElement('span');
    dot.className = 'dot';
    dot.style.backgroundColor = colourOf(actor); // the CSSOM, not a style attribute: the page's policy allows it
    li.append(dot, name);
    return li;
  }));
}

/** The connection's state (connecting, online, offline, refused) in words. */
export function status(state, words) {
  $('status').dataset.state = state;
  $('status').textContent = words;
}

/** A line under the map for a few seconds (a refused change, a part too large to show). */
export function notice(words) {
  $('hint').textContent = words;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { if ($('hint').textContent === words) $('hint').textContent = ''; }, 6000);
}

/** The findings button with their number, and the sheet listing them; {@code pick} hears the element one names. */
export function showFindingsList(list, pick) {
  const button = $('findings-button');
  button.hidden = list.length === 0;
  button.textContent = text('findings.button', list.length);
  if (list.length === 0) showFindings(false);
  $('findings').querySelector('ul').replaceChildren(...list.map(f => {
    const li = document.createElement('li');
    li.className = f.severity;
    li.textContent = f.message;
    li.tabIndex = 0;
    const choose = () => { if (f.elements?.length) pick(f.elements[0]); };
    li.addEventListener('click', choose);
    li.addEventListener('keydown', ev => { if (ev.key === 'Enter') choose(); });
    return li;
  }));
}

export function showFindings(show) {
  $('findings').hidden = !show;
  $('findings-button').setAttribute('aria-expanded', String(show));
}
