// Drawing by hand on the map (the palette's stroke and pictograms): the pen adds a freehand stroke annotation from a
// pointer or a finger, and the stamp puts a pictogram sticker in the middle of the view, the same elements the
// desktop's pen and stamp tools add. While a stroke is drawn its line is shown (the gesture's preview, as a dragged
// group is); the stroke itself on the map is the hub's drawing.

import { newId, orderAfter } from './mirror.js';
import { language, text } from './texts.js';

const $ = id => document.getElementById(id);

/**
 * The pen and the stamp. {@code page} gives map() (the map as the person sees it), edit(summary, changes),
 * scale() (screen pixels per map unit), centre() (the middle of the view, in map units) and select(key).
 */
export class Drawing {
  constructor(page) {
    this.page = page;
    this.palette = {};
    this.trail = null;
    $('pen').addEventListener('click', () => this.setPen(!this.pen));
    $('stamp-button').addEventListener('click', () => this.stamp());
  }

  get pen() {
    return $('pen').getAttribute('aria-pressed') === 'true';
  }

  setPen(on) {
    $('pen').setAttribute('aria-pressed', String(on));
    $('pen').classList.toggle('active', on);
    $('hint').textContent = on ? text('hint.pen') : '';
    if (!on) this.cancel();
  }

  setPalette(p) {
    this.palette = p;
    $('pen').hidden = !p.stroke;
    if (!p.stroke && this.pen) this.setPen(false);
    const pictograms = p.pictograms;
    $('stamp').hidden = !pictograms;
    if (pictograms) {
      const select = $('pictogram');
      const chosen = select.value;
      select.replaceChildren(...pictograms.names.map(n => {
        const o = document.createElement('option');
        o.value = n.value;
        o.textContent = n.label[language()] ?? n.label.en ?? n.value;
        return o;
      }));
      if (pictograms.names.some(n => n.value === chosen)) select.value = chosen;
    }
  }

  /** A stroke starts at a map point. */
  begin(p) {
    this.trail = [p];
    this.show();
  }

  extend(p) {
    if (!this.trail) return;
    const last = this.trail[this.trail.length - 1];
    // points closer than two screen pixels add nothing a person can see
    if (Math.hypot(p.x - last.x, p.y - last.y) * this.page.scale() < 2) return;
    this.trail.push(p);
    this.show();
  }

  /** The stroke ends: one annotation, its box around its points (the desktop's stroke geometry). */
  end(p) {
    const trail = this.trail;
    this.cancel();
    if (!trail) return;
    const last = trail[trail.length - 1];
    if (p && (p.x !== last.x || p.y !== last.y)) trail.push(p);
    if (trail.length < 2 || !this.palette.stroke) return;
    const points = trail.map(q => [tenth(q.x), tenth(q.y)]);
    const xs = points.map(q => q[0]);
    const ys = points.map(q => q[1]);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    const geometry = { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y, points }; // as Geometry.stroke: unrounded
    const m = this.page.map();
    this.page.edit(text('edit.stroke'), [{ change: 'add', element: {
      id: newId('a'), kind: 'annotation', type: this.palette.stroke, label: '', geometry, order: orderAfter(m.lastOrder()),
    } }]);
  }

  cancel() {
    this.trail = null;
    $('stroke-preview').setAttribute('visibility', 'hidden');
  }

  show() {
    const line = $('stroke-preview');
    line.setAttribute('points', this.trail.map(q => `${q.x},${q.y}`).join(' '));
    line.setAttribute('stroke-width', String(2 / this.page.scale()));
    line.setAttribute('visibility', 'visible');
  }

  /** The chosen pictogram as a sticker in the middle of the view (the desktop stamps where it is clicked). */
  stamp() {
    const pictograms = this.palette.pictograms;
    const name = $('pictogram').value;
    const m = this.page.map();
    if (!pictograms || !name || !m) return;
    const c = this.page.centre();
    const size = pictograms.size;
    const id = newId('n');
    const label = pictograms.names.find(n => n.value === name)?.label;
    this.page.edit(text('edit.stamp', label?.[language()] ?? name), [{ change: 'add', element: {
      id, kind: 'node', type: pictograms.type, label: '', order: orderAfter(m.lastOrder()),
      geometry: { x: Math.round(c.x - size / 2), y: Math.round(c.y - size / 2), w: size, h: size },
      attributes: { [pictograms.attribute]: { text: name } },
    } }]);
    this.page.select(id);
  }
}

function tenth(v) {
  return Math.round(v * 10) / 10;
}
