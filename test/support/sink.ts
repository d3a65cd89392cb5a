import { executeServerCommand } from '@web/test-runner-commands';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  cookie: string | null;
}

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
  /** Drop the connection without answering (a network error for the page). */
  destroy?: boolean;
}

/** A real HTTP server on 127.0.0.1 that records what reaches it (see test/support/loopback.mjs). */
export class LeadSink {
  private constructor(
    readonly id: string,
    readonly url: string,
  ) {}

  static async start(): Promise<LeadSink> {
    const { id, url } = (await executeServerCommand('sink-start')) as { id: string; url: string };
    return new LeadSink(id, url);
  }

  /** The endpoint widgets post leads to. */
  get endpoint(): string {
    return `${this.url}/leads`;
  }

  requests(): Promise<ReceivedRequest[]> {
    return executeServerCommand('sink-requests', { id: this.id }) as Promise<ReceivedRequest[]>;
  }

  /** Waits until at least `count` requests have arrived. */
  async waitForRequests(count = 1, timeoutMs = 5000): Promise<ReceivedRequest[]> {
    const start = Date.now();
    for (;;) {
      const received = await this.requests();
      if (received.length >= count) return received;
      if (Date.now() - start > timeoutMs) throw new Error(`expected ${count} request(s) at ${this.url}, got ${received.length}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  script(...responses: ScriptedResponse[]): Promise<unknown> {
    return executeServerCommand('sink-script', { id: this.id, responses });
  }

  stop(): Promise<unknown> {
    return executeServerCommand('sink-stop', { id: this.id });
  }
}

/** What the fault proxy does with the next POST: answer for the receiver, drop the connection, or forward (late). */
export interface ReceiverFault {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
  /** Drop the connection without answering (a network error for the page). */
  destroy?: boolean;
  /** Forward to the real receiver (after `delayMs`). */
  pass?: boolean;
  /** Forward to the real receiver, let it store the lead, then drop its answer: a lost acknowledgement. */
  lostAck?: boolean;
  /** Never answer: the page's attempt timeout (or its unload) ends the request. */
  hang?: boolean;
  /** Hold the request until `release()`: a lead in flight for as long as the test wants. */
  hold?: boolean;
  /**
   * `destroy` / `lostAck` on a REUSED keep-alive connection, which Chrome resends by itself (the
   * page never sees the failure). Without it, the proxy makes the faulted POST come on a fresh
   * connection, so the page does see it.
   */
  reused?: boolean;
}

/** What becomes of a held request: forwarded (`pass`), forwarded with its answer dropped, or dropped. */
export type ReleaseAs = { pass: true } | { lostAck: true } | { destroy: true };

/** One request as it reached the fault proxy. */
export interface ProxiedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  origin: string | null;
  /** ms since the epoch (server clock). */
  at: number;
  /**
   * 'destroy', 'pass', 'lost-ack', 'hang', 'hold' (still held), 'hold+pass' / 'hold+lost-ack' /
   * 'hold+destroy' (released), an injected status ("503"), or null when forwarded untouched.
   */
  fault: string | null;
  /** The status the proxy answered, or the receiver's when its answer was dropped (lost-ack). */
  status: number | null;
  /** A held request: when it was released (server clock), and whether the page had gone by then. */
  released?: number;
  clientGone?: boolean;
}

/** A row of the receiver's SQLite `leads` table (`lead` is the parsed `lead_json`). */
export interface ReceiverRow {
  id: string;
  idempotency_key: string;
  received_at: string;
  urgent: number;
  client_urgent: number;
  name: string;
  email: string;
  score_mismatch: number;
  mismatches: string;
  server_score: string | null;
  origin: string | null;
  lead: Record<string, unknown> & { idempotencyKey: string; answers?: unknown };
}

/**
 * The REAL lead receiver (packages/lead-receiver, SQLite in a temp folder) in a child process,
 * behind a fault-injecting proxy on loopback (see test/support/loopback.mjs).
 *
 *   const receiver = await LeadReceiver.start();   // allows this page's origin
 *   await receiver.down();                         // connection refused
 *   await receiver.faults({ status: 503, headers: { 'retry-after': '1' } });
 *   const rows = await receiver.waitForRows(1);    // straight from SQLite
 */
export class LeadReceiver {
  private constructor(
    readonly id: string,
    /** The proxy the page posts to. */
    readonly url: string,
    /** The receiver itself, bypassing the proxy. */
    readonly upstream: string,
    readonly token: string,
  ) {}

  /** `instruments`: repository paths of instrument definitions (JSON) the receiver re-scores by id. */
  static async start(options: { allowOrigins?: string[]; rateLimit?: number; instruments?: string[] } = {}): Promise<LeadReceiver> {
    const { id, url, upstream, token } = (await executeServerCommand('receiver-start', {
      allowOrigins: options.allowOrigins ?? [location.origin],
      rateLimit: options.rateLimit ?? 0,
      instruments: options.instruments ?? [],
    })) as { id: string; url: string; upstream: string; token: string };
    return new LeadReceiver(id, url, upstream, token);
  }

  get endpoint(): string {
    return `${this.url}/leads`;
  }

  /** Queues faults for the next POSTs, in order. */
  faults(...faults: ReceiverFault[]): Promise<unknown> {
    return executeServerCommand('receiver-faults', { id: this.id, faults });
  }

  clearFaults(): Promise<unknown> {
    return executeServerCommand('receiver-clear-faults', { id: this.id });
  }

  /** Closes the endpoint's port: every attempt fails with a network error until `up()`. */
  down(): Promise<unknown> {
    return executeServerCommand('receiver-down', { id: this.id });
  }

  up(): Promise<unknown> {
    return executeServerCommand('receiver-up', { id: this.id });
  }

  /** How many requests a `hold` fault holds now. */
  held(): Promise<number> {
    return executeServerCommand('receiver-held', { id: this.id }) as Promise<number>;
  }

  /** Waits until `count` requests are held. */
  waitForHeld(count = 1, timeoutMs = 8000): Promise<number> {
    return poll(
      () => this.held(),
      (held) => held >= count,
      timeoutMs,
      (held) => `expected ${count} held request(s), got ${held}`,
    );
  }

  /** Releases the oldest held request. */
  release(as: ReleaseAs = { pass: true }): Promise<{ idempotencyKey: string | null }> {
    return executeServerCommand('receiver-release', { id: this.id, then: as }) as Promise<{ idempotencyKey: string | null }>;
  }

  requests(): Promise<ProxiedRequest[]> {
    return executeServerCommand('receiver-requests', { id: this.id }) as Promise<ProxiedRequest[]>;
  }

  async posts(idempotencyKey?: string): Promise<ProxiedRequest[]> {
    return (await this.requests()).filter(
      (r) => r.method === 'POST' && (idempotencyKey === undefined || r.idempotencyKey === idempotencyKey),
    );
  }

  rows(): Promise<ReceiverRow[]> {
    return executeServerCommand('receiver-rows', { id: this.id }) as Promise<ReceiverRow[]>;
  }

  /** The receiver's JSON log lines so far. */
  logs(): Promise<string> {
    return executeServerCommand('receiver-logs', { id: this.id }) as Promise<string>;
  }

  async waitForRows(count: number, timeoutMs = 8000): Promise<ReceiverRow[]> {
    return poll(
      () => this.rows(),
      (rows) => rows.length >= count,
      timeoutMs,
      (rows) => `expected ${count} row(s) in SQLite, got ${rows.length}`,
    );
  }

  async waitForPosts(count: number, idempotencyKey?: string, timeoutMs = 8000): Promise<ProxiedRequest[]> {
    return poll(
      () => this.posts(idempotencyKey),
      (posts) => posts.length >= count,
      timeoutMs,
      (posts) => `expected ${count} POST(s), got ${posts.length}`,
    );
  }

  stop(): Promise<unknown> {
    return executeServerCommand('receiver-stop', { id: this.id });
  }
}

/**
 * The browser's own offline switch (DevTools' "Offline", through the DevTools protocol):
 * `navigator.onLine` is false, `offline` / `online` fire, and requests fail as with no network.
 * The test runner's own channel to the page goes offline too, so going offline takes `forMs`:
 * the server brings the page back online by itself after that long, and the test calls no
 * server command meanwhile.
 */
export function goOffline(forMs: number): Promise<unknown> {
  return executeServerCommand('network-offline', { offline: true, forMs });
}

/** Back online at once (a no-op when already online). */
export function goOnline(): Promise<unknown> {
  return executeServerCommand('network-offline', { offline: false });
}

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, describe: (value: T) => string): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - start > timeoutMs) throw new Error(describe(value));
    await new Promise((r) => setTimeout(r, 50));
  }
}
