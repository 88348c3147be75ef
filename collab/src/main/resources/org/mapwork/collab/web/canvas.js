// The map as the hub's painter draws it (docs/adr/0017, "one painter"): one SVG fragment per element, kept by key
// in paint order, and the view onto it (pan, zoom). The page draws nothing of its own but the selection frame and a
// dragged element's group, moved until the hub's new fragment arrives.

const SVG = 'http://www.w3.org/2000/svg';
/** Elements a fragment may hold: the painter's vocabulary; anything else (script, foreignObject…) is dropped. */
const ALLOWED = new Set(['g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan',
  'title', 'defs', 'clipPath', 'linearGradient', 'radialGradient', 'stop', 'use', 'marker', 'pattern', 'image']);

export class Canvas {
  constructor(svg, onSelectChange) {
    this.svg = svg;
    this.viewport = svg.querySelector('#viewport');
    this.items = svg.querySelector('#items');
    this.frame = svg.querySelector('#selection');
    this.groups = new Map(); // key → the wrapper <g data-item=KEY> holding the hub's fragment
    this.moved = new Map(); // key → how far its group is moved from where the hub drew it, until the hub draws it anew
    this.view = { x: 0, y: 0, scale: 1 };
    this.selected = null;
    this.onSelectChange = onSelectChange;
    this.parser = new DOMParser();
    this.fitted = false;
  }

  /**
   * A whole scene: every fragment, back to front; {@code root} the attributes (fonts, strokes) every fragment
   * assumes from the element around it, as the SVG export's root has them.
   */
  scene(fragments, order, extent, root) {
    if (root) {
      const holder = this.parse(`<g ${root}/>`);
      for (const a of holder?.attributes ?? []) this.items.setAttribute(a.name, a.value);
    }
    this.items.replaceChildren();
    this.groups.clear();
    this.moved.clear();
    this.replace(fragments);
    this.reorder(order);
    if (!this.fitted && extent) {
      this.fit(extent);
      this.fitted = true;
    }
    this.showSelection();
  }

  /** Some fragments replaced, some removed, maybe a new paint order. */
  update(replaced, removed, order) {
    this.replace(replaced);
    for (const key of removed ?? []) {
      this.groups.get(key)?.remove();
      this.groups.delete(key);
      this.moved.delete(key);
      if (this.selected === key) this.select(null);
    }
    if (order && order.length) this.reorder(order);
    this.showSelection();
  }

  replace(fragments) {
    if (!fragments?.length) return;
    // one parse for all of them (a parser per fragment cost most of a large map's first showing)
    const nodes = this.parseAll(fragments.map(f => f.svg).join(''));
    for (const f of fragments) {
      const node = nodes.get(f.key) ?? this.parse(f.svg);
      if (!node) continue;
      let group = this.groups.get(f.key);
      if (!group) {
        group = document.createElementNS(SVG, 'g');
        group.dataset.item = f.key;
        this.items.appendChild(group);
        this.groups.set(f.key, group);
      }
      group.replaceChildren(node);
      group.removeAttribute('transform'); // the hub's drawing of a dragged element has arrived
      this.moved.delete(f.key);
    }
  }

  reorder(order) {
    for (const key of order) {
      const group = this.groups.get(key);
      if (group) this.items.appendChild(group);
    }
  }

  /** Fragments' markup, one after another, as nodes of this document by their data-key (cleaned as below). */
  parseAll(svgText) {
    const doc = this.parser.parseFromString(`<svg xmlns="${SVG}">${svgText}</svg>`, 'image/svg+xml');
    const out = new Map();
    if (doc.querySelector('parsererror')) return out; // each is parsed alone, and a broken one left out
    for (const root of [...doc.documentElement.children]) {
      clean(root);
      out.set(root.getAttribute('data-key'), document.importNode(root, true));
    }
    return out;
  }

  /** One fragment as a node of this document, with anything outside the painter's vocabulary taken out. */
  parse(svgText) {
    const doc = this.parser.parseFromString(`<svg xmlns="${SVG}">${svgText}</svg>`, 'image/svg+xml');
    const root = doc.documentElement.firstElementChild;
    if (!root || doc.querySelector('parsererror')) return null;
    clean(root);
    return document.importNode(root, true);
  }

  // ----- the view -----

  fit(extent) {
    const box = this.svg.getBoundingClientRect();
    const margin = 16;
    const scale = Math.min((box.width - 2 * margin) / Math.max(extent.width, 1),
      (box.height - 2 * margin) / Math.max(extent.height, 1), 2);
    this.view = {
      scale,
      x: margin + (box.width - 2 * margin - extent.width * scale) / 2 - extent.x * scale,
      y: margin + (box.height - 2 * margin - extent.height * scale) / 2 - extent.y * scale,
    };
    this.applyView();
  }

  applyView() {
    const v = this.view;
    this.viewport.setAttribute('transform', `translate(${v.x} ${v.y}) scale(${v.scale})`);
  }

  panBy(dx, dy) {
    this.view.x += dx;
    this.view.y += dy;
    this.applyView();
  }

  /** Zooms by {@code factor} keeping the screen point (sx, sy) (relative to the svg) where it is. */
  zoomAt(factor, sx, sy) {
    const v = this.view;
    const scale = Math.min(8, Math.max(0.05, v.scale * factor));
    const f = scale / v.scale;
    this.view = { scale, x: sx - (sx - v.x) * f, y: sy - (sy - v.y) * f };
    this.applyView();
    if (this.others) this.showOthers(this.others);
  }

  /** A client (screen) point in map coordinates. */
  toMap(clientX, clientY) {
    const box = this.svg.getBoundingClientRect();
    return { x: (clientX - box.left - this.view.x) / this.view.scale, y: (clientY - box.top - this.view.y) / this.view.scale };
  }

  /** The map point at the middle of what is shown. */
  centre() {
    const box = this.svg.getBoundingClientRect();
    return this.toMap(box.left + box.width / 2, box.top + box.height / 2);
  }

  /** The key of the element drawn under a DOM node (reserved "~…" parts of the map are not elements). */
  keyAt(target) {
    const group = target?.closest?.('[data-item]');
    const key = group?.dataset.item;
    return key && !key.startsWith('~') ? key : null;
  }

  // ----- selection and dragging -----

  select(key) {
    if (this.selected === key) return;
    this.selected = key;
    this.showSelection();
    this.onSelectChange(key);
  }

  showSelection() {
    const group = this.selected && this.groups.get(this.selected);
    if (!group) {
      this.frame.setAttribute('visibility', 'hidden');
      return;
    }
    const b = group.getBBox();
    const t = translation(group);
    const pad = 4;
    this.frame.setAttribute('x', b.x + t.x - pad);
    this.frame.setAttribute('y', b.y + t.y - pad);
    this.frame.setAttribute('width', b.width + 2 * pad);
    this.frame.setAttribute('height', b.height + 2 * pad);
    this.frame.setAttribute('visibility', 'visible');
  }

  /**
   * Draws the others' cursors (an arrow with their name) and selections (a frame), each in the person's colour.
   * @param others actor → {name, colour, cursor: {x, y} | null, selection: [key…]}
   */
  showOthers(others) {
    this.others = others;
    const layer = this.svg.querySelector('#others');
    const shapes = [];
    const s = 1 / this.view.scale; // the same size on screen at every zoom
    for (const [actor, o] of others) {
      for (const key of o.selection ?? []) {
        const group = this.groups.get(key);
        if (!group) continue;
        const b = group.getBBox();
        shapes.push(svgElement('rect', { x: b.x - 6, y: b.y - 6, width: b.width + 12, height: b.height + 12,
          fill: 'none', stroke: o.colour, 'stroke-width': 2 * s, 'stroke-dasharray': `${6 * s} ${3 * s}`,
          'data-actor': actor, class: 'their-selection' }));
      }
      if (o.cursor) {
        const { x, y } = o.cursor;
        const arrow = svgElement('path', { d: `M${x} ${y}l${12 * s} ${10 * s}l${-6 * s} ${1 * s}l${-3 * s} ${6 * s}z`,
          fill: o.colour, stroke: '#fff', 'stroke-width': s, 'data-actor': actor, class: 'their-cursor' });
        const label = svgElement('text', { x: x + 12 * s, y: y + 22 * s, fill: o.colour, 'font-size': 12 * s,
          'font-family': 'sans-serif', 'data-actor': actor });
        label.textContent = o.name;
        shapes.push(arrow, label);
      }
    }
    layer.replaceChildren(...shapes);
  }

  /** Moves an element's group by (dx, dy) in map units, until the hub's new fragment replaces it. */
  moveGroup(key, dx, dy) {
    const group = this.groups.get(key);
    if (!group) return;
    group.setAttribute('transform', `translate(${dx} ${dy})`);
    this.showSelection();
  }

  /** Puts a group back where the hub drew it (a move that was refused or undone before it was sent). */
  resetGroup(key) {
    this.groups.get(key)?.removeAttribute('transform');
    this.moved.delete(key);
    this.showSelection();
  }

  /** The screen box of an element's group (for the label input). */
  screenBox(key) {
    return this.groups.get(key)?.getBoundingClientRect();
  }
}

function svgElement(name, attributes) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
  return e;
}

function translation(group) {
  const m = /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)/.exec(group.getAttribute('transform') || '');
  return m ? { x: Number(m[1]), y: Number(m[2]) } : { x: 0, y: 0 };
}

/** Takes out what the painter never writes: other elements, event handlers, links to anything but the fragment. */
function clean(node) {
  for (const child of [...node.children]) {
    if (!ALLOWED.has(child.localName)) {
      child.remove();
    } else {
      clean(child);
    }
  }
  for (const a of [...node.attributes]) {
    const name = a.name.toLowerCase();
    const href = name === 'href' || name === 'xlink:href';
    if (name.startsWith('on') || (href && !a.value.startsWith('#') && !a.value.startsWith('data:image/'))) {
      node.removeAttribute(a.name);
    }
  }
}
