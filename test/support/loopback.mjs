// Real HTTP servers on loopback for the browser tests, started and scripted from inside a test
// through web-test-runner's server commands. They record every request exactly as it arrived.
import { createServer } from 'node:http';

/** @type {Map<string, {server: import('node:http').Server, url: string, requests: object[], script: object[]}>} */
const sinks = new Map();
let counter = 0;

function startSink() {
  return new Promise((resolve, reject) => {
    const id = `sink-${++counter}`;
    const state = { requests: [], script: [], server: undefined, url: '' };
    state.server = createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', async () => {
        const cors = {
          'access-control-allow-origin': req.headers.origin ?? '*',
          'access-control-allow-methods': 'POST, OPTIONS',
          'access-control-allow-headers': 'content-type, idempotency-key',
          'access-control-expose-headers': 'retry-after',
          'access-control-max-age': '600',
        };
        if (req.method === 'OPTIONS') {
          res.writeHead(204, cors).end();
          return;
        }
        const text = Buffer.concat(chunks).toString('utf8');
        let body;
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
        state.requests.push({ method: req.method, path: req.url, headers: req.headers, body, cookie: req.headers.cookie ?? null });
        const step = state.script.shift() ?? { status: 201 };
        if (step.delayMs) await new Promise((r) => setTimeout(r, step.delayMs));
        if (step.destroy) {
          req.socket.destroy();
          return;
        }
        const payload = step.body ?? (step.status < 300 ? { id: `lead-${state.requests.length}` } : { error: 'scripted failure' });
        res.writeHead(step.status, { ...cors, 'content-type': 'application/json', ...(step.headers ?? {}) });
        res.end(JSON.stringify(payload));
      });
    });
    state.server.on('error', reject);
    state.server.listen(0, '127.0.0.1', () => {
      state.url = `http://127.0.0.1:${state.server.address().port}`;
      sinks.set(id, state);
      resolve({ id, url: state.url });
    });
  });
}

/** A web-test-runner plugin exposing the sink through `executeServerCommand`. */
export function loopbackPlugin() {
  return {
    name: 'hearth-loopback',
    async executeCommand({ command, payload }) {
      switch (command) {
        case 'sink-start':
          return startSink();
        case 'sink-requests':
          return sinks.get(payload.id)?.requests ?? [];
        case 'sink-script':
          // Queue responses for the next requests: [{ status, headers, body, delayMs, destroy }]
          sinks.get(payload.id)?.script.push(...payload.responses);
          return true;
        case 'sink-stop': {
          const sink = sinks.get(payload.id);
          sinks.delete(payload.id);
          if (sink) await new Promise((r) => sink.server.close(() => r()));
          sink?.server.closeAllConnections?.();
          return true;
        }
        default:
          return undefined;
      }
    },
    async serverStop() {
      for (const sink of sinks.values()) sink.server.close();
      sinks.clear();
    },
  };
}
