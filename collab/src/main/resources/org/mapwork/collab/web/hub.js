// The page's connection to its hub (docs/protocol.md sections 4, 5 and 8): the same hello with the token as a
// desktop client, plus "view": "drawn"; an outbox of the person's change sets that survives a dropped connection
// and goes out again after the next welcome; reconnecting with backoff until the hub refuses (an error).

const PING_MS = 60_000; // a presence now and then: the hub closes a connection silent for 10 minutes
const CURSOR_MS = 100; // at most 10 cursor moves a second (the hub takes 30)

export class Hub {
  /**
   * @param options.mapId the map's id (the page's path)
   * @param options.token the join token (the address's fragment: never in a request)
   * @param options.actor this device's actor id; options.name the person's name
   * @param options.handlers onWelcome, onEntry(entry, own), onRefused, onScene, onDrawn, onPeople, onState,
   *   onPresence(actor, name, state) (state null: they left)
   */
  constructor({ mapId, token, actor, name, handlers }) {
    Object.assign(this, { mapId, token, actor, name, handlers });
    // {changeSet, conditional, clientSeq}, in the order made; kept in the browser's storage, so that a reload (or a
    // phone that dropped the tab) sends them still
    this.outboxKey = `mapwork.outbox.${mapId}.${actor}`;
    this.outbox = JSON.parse(localStorage.getItem(this.outboxKey) || '[]');
    this.state = 'connecting';
    this.backoff = 250;
    this.seqKey = `mapwork.seq.${actor}`;
    this.seq = Number(localStorage.getItem(this.seqKey) || 0);
    this.people = new Map();
    this.selection = [];
  }

  start() {
    this.connect();
    this.ping = setInterval(() => this.sendPresence(), PING_MS);
  }

  connect() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/maps/${encodeURIComponent(this.mapId)}`);
    this.ws = ws;
    this.joined = false;
    ws.onopen = () => ws.send(JSON.stringify({
      type: 'hello', protocol: 1, map: this.mapId, token: this.token, actor: this.actor, name: this.name,
      since: 0, view: 'drawn',
    }));
    ws.onmessage = event => this.received(JSON.parse(event.data));
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.joined = false;
      if (this.state === 'refused') return;
      this.setState('offline');
      const wait = this.backoff * (0.75 + Math.random() / 2);
      this.backoff = Math.min(this.backoff * 2, 10_000);
      setTimeout(() => this.connect(), wait);
    };
  }

  setState(state, reason) {
    this.state = state;
    this.handlers.onState(state, reason, this.outbox.length);
  }

  received(m) {
    switch (m.type) {
      case 'welcome': this.welcome(m); break;
      case 'commit': this.entry(m.entry); break;
      case 'changes': this.entry(m.entry); break;
      case 'refused':
        this.setOutbox(this.outbox.filter(o => o.clientSeq !== m.clientSeq));
        this.handlers.onRefused(m.clientSeq, m.reason);
        break;
      case 'peers':
        this.people = new Map(m.peers.map(p => [p.actor, p.name]));
        this.handlers.onPeople(this.people);
        break;
      case 'joined': this.people.set(m.actor, m.name); this.handlers.onPeople(this.people); break;
      case 'left':
        this.people.delete(m.actor);
        this.handlers.onPeople(this.people);
        this.handlers.onPresence(m.actor, null, null);
        break;
      case 'scene': this.handlers.onScene(m); break;
      case 'drawn': this.handlers.onDrawn(m); break;
      case 'presence': this.handlers.onPresence(m.actor, m.name, m.state); break;
      case 'error':
        this.setState('refused', m.reason);
        this.ws.close();
        break;
      default: break;
    }
  }

  welcome(m) {
    if (!m.snapshot) {
      // a browser always asks from 0 and holds nothing: anything else is a hub this page does not understand
      this.setState('refused', 'the hub sent no map');
      this.ws.close();
      return;
    }
    this.seq = Math.max(this.seq, m.yourLastSeq, m.handled?.[this.actor] ?? 0);
    // what the hub handled of ours is in its map or was refused while we were away: not sent again
    this.setOutbox(this.outbox.filter(o => o.clientSeq > m.yourLastSeq));
    this.joined = true;
    this.backoff = 250;
    this.handlers.onWelcome(m);
    for (const o of this.outbox) {
      this.send({ type: 'submit', conditional: o.conditional, changeSet: o.changeSet });
    }
    this.setState('online');
    this.sendPresence();
  }

  entry(entry) {
    const own = entry.actor === this.actor;
    if (own) {
      this.setOutbox(this.outbox.filter(o => o.clientSeq !== entry.clientSeq));
    }
    this.handlers.onEntry(entry, own);
    if (this.state === 'offline' || this.state === 'online') {
      this.handlers.onState(this.state, null, this.outbox.length);
    }
  }

  /**
   * Stamps and sends one change set (kept in the outbox until the hub answers).
   * @return its clientSeq
   */
  submit(summary, changes, conditional = false) {
    const stamped = changes.map(c => ({ ...c, actor: this.actor, seq: ++this.seq }));
    localStorage.setItem(this.seqKey, String(this.seq));
    const changeSet = { summary, time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), changes: stamped };
    const clientSeq = stamped[0].seq;
    this.setOutbox([...this.outbox, { changeSet, conditional, clientSeq }]);
    if (this.joined) {
      this.send({ type: 'submit', conditional, changeSet });
    } else {
      this.handlers.onState(this.state, null, this.outbox.length);
    }
    return clientSeq;
  }

  setOutbox(outbox) {
    this.outbox = outbox;
    if (outbox.length) {
      localStorage.setItem(this.outboxKey, JSON.stringify(outbox));
    } else {
      localStorage.removeItem(this.outboxKey);
    }
  }

  /** What this person has selected, for the others' screens (relayed by the hub, kept nowhere). */
  select(ids) {
    this.selection = ids;
    this.sendPresence();
  }

  /** Where this person's pointer is on the map (or null); sent at most every {@link CURSOR_MS}. */
  pointAt(cursor) {
    this.cursor = cursor;
    if (this.cursorTimer) return;
    this.cursorTimer = setTimeout(() => {
      this.cursorTimer = null;
      this.sendPresence();
    }, CURSOR_MS);
  }

  sendPresence() {
    if (this.joined) {
      this.send({ type: 'presence', actor: this.actor,
        state: { cursor: this.cursor ?? null, selection: this.selection, editing: null } });
    }
  }

  send(message) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify(message));
    }
  }
}

/** A person's colour (docs/protocol.md, "Colours"): Okabe–Ito by the FNV-1a hash of the actor id's UTF-8 bytes. */
export const PALETTE = ['#D55E00', '#0072B2', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

export function colourOf(actor) {
  let h = 0x811C9DC5;
  for (const b of new TextEncoder().encode(actor)) {
    h ^= b;
    h = Math.imul(h, 16777619);
  }
  return PALETTE[(h >>> 0) % PALETTE.length];
}
