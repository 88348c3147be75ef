// Where a new node goes on the map: a free place near where the person or the method wants it.

const NODE_WIDTH = 140; // as the editor's new nodes
const NODE_HEIGHT = 60;

/**
 * A free box for a node the method places (a precondition below its outcome): cells left to right, then down, from
 * (x, y), six to a row, as the desktop's editor lays them (FreePlaces), so both put it in the same place.
 */
export function scanPlace(m, x, y, width, height) {
  const gap = 20;
  const boxes = [...m.elements.values()].filter(e => e.kind !== 'link' && e.geometry).map(e => e.geometry);
  const free = (cx, cy) => boxes.every(b => cx + width + gap / 2 <= b.x || b.x + b.w <= cx - gap / 2
    || cy + height + gap / 2 <= b.y || b.y + b.h <= cy - gap / 2);
  for (let cell = 0; cell < 600; cell++) {
    const cx = x + (cell % 6) * (width + gap);
    const cy = y + Math.floor(cell / 6) * (height + gap);
    if (free(cx, cy)) return { x: Math.round(cx * 10) / 10, y: Math.round(cy * 10) / 10, w: width, h: height };
  }
  return { x, y, w: width, h: height };
}

/** A box of a new node's size near (cx, cy) that overlaps no node: rings of places around it, nearest first. */
export function freePlace(m, cx, cy) {
  const boxes = [...m.elements.values()].filter(e => e.kind === 'node' && e.geometry).map(e => e.geometry);
  const gap = 16;
  const free = (x, y) => boxes.every(b => x + NODE_WIDTH + gap <= b.x || b.x + b.w + gap <= x
    || y + NODE_HEIGHT + gap <= b.y || b.y + b.h + gap <= y);
  for (let ring = 0; ring <= 12; ring++) {
    for (let i = -ring; i <= ring; i++) {
      for (const [dx, dy] of [[i, -ring], [i, ring], [-ring, i], [ring, i]]) {
        const x = Math.round(cx - NODE_WIDTH / 2 + dx * (NODE_WIDTH + gap) / 2);
        const y = Math.round(cy - NODE_HEIGHT / 2 + dy * (NODE_HEIGHT + gap) / 2);
        if (free(x, y)) return { x, y, w: NODE_WIDTH, h: NODE_HEIGHT };
      }
    }
  }
  return { x: Math.round(cx - NODE_WIDTH / 2), y: Math.round(cy - NODE_HEIGHT / 2), w: NODE_WIDTH, h: NODE_HEIGHT };
}
