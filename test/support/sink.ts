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
