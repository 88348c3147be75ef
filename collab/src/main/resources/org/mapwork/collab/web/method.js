// What a method adds beyond types (docs/protocol.md section 8, the palette's held, rows, below, line and steps): the
// selected element's sheet (the goals it holds with their stance, its rows such as indicators, "add precondition
// below"), the method's line (the ceiling of accountability) a step up or down, and the facilitation step with its
// question. The palette says what the method's rules are; this builds the same change sets the desktop's method
// actions build from them, in the wire form with old values. It draws nothing on the map.

import { newId, orderAfter, wireValue } from './mirror.js';
import { language, text } from './texts.js';

const $ = id => document.getElementById(id);

const say = label => label?.[language()] ?? label?.en ?? '';

/**
 * The side sheet and the step bar. {@code page} gives: shown() (the map as the person sees it), edit(summary,
 * changes), selected() (the selected key), nameOf(element), placeBelow(map, x, y, w, h) (a free box from there) and select(key).
 */
export class MethodParts {
  constructor(page) {
    this.page = page;
    this.palette = {};
    this.step = 0;
    $('step-back').addEventListener('click', () => this.goStep(-1));
    $('step-next').addEventListener('click', () => this.goStep(1));
    $('line-up').addEventListener('click', () => this.moveLine(-1));
    $('line-down').addEventListener('click', () => this.moveLine(1));
    $('below').addEventListener('click', () => this.addBelow());
    // the desktop's keys for the method's actions: Alt+P a precondition below, Alt+Up and Alt+Down the line a step
    // (before the page's own keys, so that Alt+arrow moves the line rather than the view)
    $('map').addEventListener('keydown', ev => {
      if (!ev.altKey || ev.ctrlKey || ev.metaKey) return;
      if (ev.key === 'ArrowUp' && this.palette.line) this.moveLine(-1);
      else if (ev.key === 'ArrowDown' && this.palette.line) this.moveLine(1);
      else if (ev.code === 'KeyP' && this.palette.below) this.addBelow();
      else return;
      ev.preventDefault();
      ev.stopImmediatePropagation();
    });
  }

  setPalette(p) {
    this.palette = p;
    this.step = Math.min(this.step, Math.max(0, (p.steps?.length ?? 1) - 1));
    this.refresh();
  }

  /** Shows what the method offers for the map as it is now and the selection. */
  refresh() {
    this.showStep();
    const m = this.page.map();
    const line = this.palette.line;
    const hasLine = !!m && !!line && typeof m.attributes[line.attribute] === 'number';
    $('line').hidden = !hasLine;
    if (hasLine) $('line-name').textContent = say(line.label);
    const key = this.page.selected();
    const e = m && key ? m.element(key) : null;
    const below = this.palette.below;
    $('below').hidden = !(e && e.kind === 'node' && below && below.links[e.type]);
    const sheet = $('sheet');
    const parts = [];
    if (e && e.kind === 'node') {
      const held = this.palette.held;
      if (held && held.types.includes(e.type)) parts.push(this.heldPart(m, e, held));
      for (const r of this.palette.rows ?? []) {
        if (r.types.includes(e.type)) parts.push(this.rowsPart(e, r));
      }
    }
    // a change from anyone redraws the sheet: what the person is typing stays, and where
    const typing = [...sheet.querySelectorAll('input[type=text]')].filter(i => i.value).map(i => [i.id, i.value]);
    const focused = sheet.contains(document.activeElement) ? document.activeElement.id : null;
    sheet.replaceChildren(...parts);
    sheet.hidden = parts.length === 0;
    for (const [id, value] of typing) if ($(id)) $(id).value = value;
    if (focused && $(focused)) $(focused).focus();
  }

  // ----- goals held by id out of the map's rows, each with its stance -----

  heldPart(m, e, held) {
    const part = section(say(held.label));
    const rows = m.attributes[held.mapAttribute] ?? [];
    const holds = Array.isArray(e.attributes[held.attribute]) ? e.attributes[held.attribute] : [];
    const choice = held.choice;
    const list = document.createElement('ul');
    list.className = 'goals';
    for (const row of rows) {
      const li = document.createElement('li');
      li.dataset.goal = row.id;
      const tick = document.createElement('input');
      tick.type = 'checkbox';
      tick.checked = holds.includes(row.id);
      tick.setAttribute('aria-label', row.label ?? row.id);
      tick.addEventListener('change', () => this.toggleHeld(e.id, row.id));
      const name = document.createElement('span');
      name.textContent = row.label ?? row.id;
      li.append(tick, name);
      if (choice) {
        const pick = choiceSelect(choice, row[choice.column]);
        pick.setAttribute('aria-label', text('sheet.stanceOf', row.label ?? row.id));
        pick.addEventListener('change', () => this.setRowCell(held, row.id, choice.column, pick.value));
        li.append(pick);
      }
      list.append(li);
    }
    const add = document.createElement('form');
    add.className = 'add-row';
    const label = input('new-goal', text('sheet.newGoal'));
    add.append(label);
    let stance = null;
    if (choice) {
      stance = choiceSelect(choice, choice.options[0]?.value);
      stance.id = 'new-goal-stance';
      add.append(stance);
    }
    add.append(button(text('sheet.add')));
    add.addEventListener('submit', ev => {
      ev.preventDefault();
      const typed = label.value.trim();
      label.value = ''; // before the edit redraws the sheet, which keeps what is typed
      this.addHeld(e.id, held, typed, stance?.value);
    });
    part.append(list, add);
    return part;
  }

  /** Gives the element a goal it does not hold, or takes away one it holds (the desktop's goals menu). */
  toggleHeld(id, goal) {
    const held = this.palette.held;
    const m = this.page.map();
    const e = m.element(id);
    if (!e) return;
    const before = Array.isArray(e.attributes[held.attribute]) ? e.attributes[held.attribute] : [];
    const giving = !before.includes(goal);
    const after = giving ? [...before, goal] : before.filter(g => g !== goal);
    const goalName = (m.attributes[held.mapAttribute] ?? []).find(r => r.id === goal)?.label ?? goal;
    this.page.edit(text(giving ? 'edit.goalGive' : 'edit.goalTake', goalName, this.page.nameOf(e)), [{
      change: 'attribute', id, name: held.attribute, value: wireValue(after, 'multi-enum'),
      old: e.attributes[held.attribute] === undefined ? null : wireValue(before, 'multi-enum'),
    }]);
  }

  /** Defines a new goal with its stance on the map and gives it to the element, in one step. */
  addHeld(id, held, label, choiceValue) {
    const m = this.page.map();
    const e = m.element(id);
    if (!e || !label) return;
    const rows = m.attributes[held.mapAttribute];
    const goal = newId('g');
    const row = { id: goal, label };
    if (held.choice && choiceValue) row[held.choice.column] = choiceValue;
    const before = Array.isArray(e.attributes[held.attribute]) ? e.attributes[held.attribute] : [];
    this.page.edit(text('edit.goalAdd', label), [
      { change: 'mapAttribute', name: held.mapAttribute, value: wireValue([...(rows ?? []), row], 'rows', held.columns),
        old: rows === undefined ? null : wireValue(rows, 'rows', held.columns) },
      { change: 'attribute', id, name: held.attribute, value: wireValue([...before, goal], 'multi-enum'),
        old: e.attributes[held.attribute] === undefined ? null : wireValue(before, 'multi-enum') },
    ]);
  }

  /** Sets one cell of one of the map's rows (a goal's stance). */
  setRowCell(held, rowId, column, value) {
    const m = this.page.map();
    const rows = m.attributes[held.mapAttribute] ?? [];
    const after = rows.map(r => {
      if (r.id !== rowId) return r;
      const { [column]: _, ...rest } = r;
      return value ? { ...rest, [column]: value } : rest; // "—": no stance set
    });
    const goalName = rows.find(r => r.id === rowId)?.label ?? rowId;
    this.page.edit(text('edit.stance', goalName, say(held.choice.options.find(o => o.value === value)?.label)), [{
      change: 'mapAttribute', name: held.mapAttribute, value: wireValue(after, 'rows', held.columns),
      old: wireValue(rows, 'rows', held.columns),
    }]);
  }

  // ----- an element's rows (indicators) -----

  rowsPart(e, r) {
    const part = section(say(r.label));
    part.dataset.rows = r.attribute;
    const rows = Array.isArray(e.attributes[r.attribute]) ? e.attributes[r.attribute] : [];
    const list = document.createElement('ul');
    list.className = 'rows';
    for (const row of rows) {
      const li = document.createElement('li');
      li.textContent = r.columns.map(c => row[c.name]).filter(v => v !== undefined && v !== '').join(' · ');
      list.append(li);
    }
    const first = r.columns.find(c => c.required) ?? r.columns[0];
    const add = document.createElement('form');
    add.className = 'add-row';
    const field = input(`new-row-${r.attribute}`, say(first.label));
    add.append(field, button(text('sheet.add')));
    add.addEventListener('submit', ev => {
      ev.preventDefault();
      const value = field.value.trim();
      if (!value) return;
      field.value = '';
      const after = [...rows, { [first.name]: value }];
      this.page.edit(text('edit.rowAdd', value, this.page.nameOf(e)), [{
        change: 'attribute', id: e.id, name: r.attribute, value: wireValue(after, 'rows', r.columns),
        old: e.attributes[r.attribute] === undefined ? null : wireValue(rows, 'rows', r.columns),
      }]);
    });
    part.append(list, add);
    return part;
  }

  // ----- add precondition below -----

  /** A node of the palette's type, named in place below the selected one, with its causal link into it, one step. */
  addBelow() {
    const below = this.palette.below;
    const m = this.page.map();
    const e = m?.element(this.page.selected());
    const link = e && below?.links[e.type];
    if (!link || !e.geometry) return;
    const g = e.geometry;
    const outcomeId = e.id;
    this.page.askName(text('hint.newBelow', this.page.nameOf(e)), typed => {
      if (!typed) return;
      const now = this.page.map();
      const outcome = now.element(outcomeId);
      if (!outcome) return;
      const box = this.page.placeBelow(now, g.x + g.w / 2 - below.width / 2, g.y + g.h + below.gap, below.width, below.height);
      const id = newId('n');
      const order = orderAfter(now.lastOrder());
      this.page.edit(text('edit.below', typed, this.page.nameOf(outcome)), [
        { change: 'add', element: { id, kind: 'node', type: below.type, label: typed, geometry: box, order } },
        { change: 'add', element: { id: newId('l'), kind: 'link', type: link, label: '', source: id, target: outcomeId,
          order: orderAfter(order) } },
      ]);
      this.page.select(id);
    });
  }

  // ----- the method's line (the ceiling of accountability) -----

  moveLine(steps) {
    const line = this.palette.line;
    const m = this.page.map();
    const y = m?.attributes[line?.attribute];
    if (typeof y !== 'number') return;
    const to = Math.round((y + steps * line.step) * 10) / 10;
    this.page.edit(text('edit.line', say(line.label)), [{
      change: 'mapAttribute', name: line.attribute, value: { decimal: to }, old: { decimal: y },
    }]);
  }

  // ----- the facilitation step (the person's own, as the desktop's panel: not part of the map) -----

  goStep(by) {
    const n = this.palette.steps?.length ?? 0;
    this.step = Math.max(0, Math.min(n - 1, this.step + by));
    this.showStep();
  }

  showStep() {
    const steps = this.palette.steps ?? [];
    $('step').hidden = steps.length === 0;
    if (steps.length === 0) return;
    const s = steps[this.step];
    $('step-count').textContent = text('step.count', this.step + 1, steps.length);
    $('step-title').textContent = say(s.title);
    $('step-question').textContent = say(s.question);
    $('step-framing').textContent = this.palette.framingQuestion ?? '';
    $('step-back').disabled = this.step === 0;
    $('step-next').disabled = this.step === steps.length - 1;
  }
}

function section(title) {
  const part = document.createElement('section');
  const h = document.createElement('h2');
  h.textContent = title;
  part.append(h);
  return part;
}

function choiceSelect(choice, value) {
  const s = document.createElement('select');
  s.append(...choice.options.map(o => {
    const option = document.createElement('option');
    option.value = o.value;
    option.textContent = say(o.label);
    return option;
  }));
  if (value === undefined || value === null) {
    const none = document.createElement('option');
    none.value = '';
    none.textContent = '—';
    s.prepend(none);
    s.value = '';
  } else {
    s.value = value;
  }
  return s;
}

function input(id, placeholder) {
  const i = document.createElement('input');
  i.type = 'text';
  i.id = id;
  i.maxLength = 500;
  i.placeholder = placeholder;
  i.setAttribute('aria-label', placeholder);
  return i;
}

function button(words) {
  const b = document.createElement('button');
  b.type = 'submit';
  b.textContent = words;
  return b;
}
