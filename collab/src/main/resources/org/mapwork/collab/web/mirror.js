// A light mirror of the shared map (docs/adr/0017): read from the welcome's snapshot and kept by the entries that
// follow, only to build change sets in the wire format (docs/protocol.md section 3) and to undo one's own. It never
// draws: what the page shows are the hub's fragments.

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID_ALPHABET = '0123456789abcdefghijkmnpqrstuvwxyz';

/** A new element or device id: a prefix and 10 random characters (the hub checks it is not in use). */
export function newId(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return prefix + '-' + Array.from(bytes, b => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

/** An order key after {@code key} (base-62 fractions that never end in '0'; the hub makes colliding keys unique). */
export function orderAfter(key) {
  if (!key) {
    return 'V';
  }
  const last = DIGITS.indexOf(key[key.length - 1]);
  return last < DIGITS.length - 1 ? key.slice(0, -1) + DIGITS[last + 1] : key + 'V';
}

/** A plain snapshot value (the map file's form) from a self-describing wire VALUE. */
function plain(value) {
  if (value === null || value === undefined) {
    return undefined;
  }
  if ('rows' in value) {
    return value.rows.map(row => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
  }
  const [kind] = Object.keys(value);
  return value[kind];
}

/**
 * A self-describing wire VALUE from a plain one, by the attribute's type as the palette names it (schema JSON names:
 * text, integer, decimal, boolean, date, enum, multi-enum, rows); a row's cells by their columns' types.
 */
export function wireValue(plain, type, columns) {
  switch (type) {
    case 'rows':
      return { rows: plain.map(row => Object.fromEntries(Object.entries(row)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => [k, wireValue(v, columns?.find(c => c.name === k)?.type ?? 'text')]))) };
    case 'multi-enum': return { list: [...plain] };
    case 'integer': return { int: plain };
    case 'decimal': return { decimal: plain };
    case 'boolean': return { bool: plain };
    case 'date': return { date: plain };
    default: return { text: String(plain) };
  }
}

/** A snapshot element's geometry in the wire form. */
function wireGeometry(g) {
  if (!g) {
    return undefined;
  }
  const out = { x: g.x, y: g.y, w: g.width ?? g.w ?? 0, h: g.height ?? g.h ?? 0 };
  if (g.points) {
    out.points = g.points;
  }
  return out;
}

function fromWire(e) {
  return {
    id: e.id, kind: e.kind, type: e.type, label: e.label ?? '', order: e.order, geometry: e.geometry,
    source: e.source, target: e.target,
    attributes: Object.fromEntries(Object.entries(e.attributes ?? {}).map(([k, v]) => [k, plain(v)])),
  };
}

/** The confirmed map: the hub's map at the last serverSeq applied. */
export class Mirror {
  constructor(snapshot, serverSeq) {
    this.serverSeq = serverSeq;
    this.title = snapshot.title ?? '';
    this.method = snapshot.method;
    this.attributes = { ...(snapshot.attributes ?? {}) };
    this.elements = new Map();
    for (const e of snapshot.elements ?? []) {
      this.elements.set(e.id, {
        id: e.id, kind: e.kind, type: e.type, label: e.label ?? '', order: e.order,
        geometry: wireGeometry(e.geometry), source: e.source, target: e.target, attributes: { ...(e.attributes ?? {}) },
      });
    }
  }

  /** A copy to apply one's own unconfirmed change sets to (what the person sees, for the next gesture's values). */
  copy() {
    const m = Object.create(Mirror.prototype);
    return Object.assign(m, structuredClone({ ...this }));
  }

  /** Applies an entry's change set (the hub applied it to the same map, so it fits). */
  apply(changeSet) {
    for (const c of changeSet.changes) {
      const e = c.id === undefined ? null : this.elements.get(c.id);
      switch (c.change) {
        case 'add': this.elements.set(c.element.id, fromWire(c.element)); break;
        case 'remove':
          this.elements.delete(c.id);
          for (const [id, l] of this.elements) {
            if (l.source === c.id || l.target === c.id) {
              this.elements.delete(id);
            }
          }
          break;
        case 'label': if (e) e.label = c.value ?? ''; break;
        case 'type': if (e) e.type = c.value; break;
        case 'geometry': if (e) e.geometry = c.value; break;
        case 'order': if (e) e.order = c.value; break;
        case 'style': if (e) e.style = c.value; break;
        case 'endpoints': if (e) { e.source = c.source; e.target = c.target; } break;
        case 'attribute':
          if (e) {
            if (c.value === null) delete e.attributes[c.name]; else e.attributes[c.name] = plain(c.value);
          }
          break;
        case 'title': this.title = c.value; break;
        case 'mapAttribute':
          if (c.value === null) delete this.attributes[c.name]; else this.attributes[c.name] = plain(c.value);
          break;
        default: break;
      }
    }
  }

  element(id) {
    return this.elements.get(id);
  }

  /** The highest order key in use: a new element goes on top. */
  lastOrder() {
    let max = '';
    for (const e of this.elements.values()) {
      if (e.order > max) max = e.order;
    }
    return max;
  }
}

/** The inverse of a change set as the hub applied it (old values are the hub's), newest change first. */
export function inverse(changes) {
  const out = [];
  for (const c of [...changes].reverse()) {
    switch (c.change) {
      case 'add': out.push({ change: 'remove', id: c.element.id, removed: c.element }); break;
      case 'remove':
        if (!c.removed) return null; // nothing to put back
        out.push({ change: 'add', element: c.removed });
        for (const l of c.links ?? []) out.push({ change: 'add', element: l });
        break;
      case 'endpoints':
        out.push({ change: 'endpoints', id: c.id, source: c.oldSource, target: c.oldTarget,
          oldSource: c.source, oldTarget: c.target });
        break;
      case 'title': case 'mapAttribute': case 'label': case 'type': case 'attribute': case 'geometry':
      case 'style': case 'order': {
        const { actor, seq, value, old, ...rest } = c;
        out.push({ ...rest, value: old ?? null, old: value ?? null });
        break;
      }
      default: return null;
    }
  }
  return out;
}
