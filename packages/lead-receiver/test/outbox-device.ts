// "A device" for test/outbox-durable.node.test.ts, in a process of its own: the real Outbox over
// the real localStorage store, kept in a file (FileStorage), sends one lead with the real
// fetchTransport. The test kills this process (SIGKILL) while the lead is in flight.
// argv: <storage file> <endpoint> <lead JSON>
import { Outbox, openOutboxStore, type LeadInput } from '@hearth/lead';
import { FileStorage } from './file-storage.js';

const [file, endpoint, leadJson] = process.argv.slice(2);
const storage = new FileStorage(file!);
const outbox = new Outbox({
  store: () => openOutboxStore({ name: 'hearth-outbox', indexedDB: null, localStorage: storage }),
  locks: null,
  eventTarget: new EventTarget(),
  baseDelayMs: 60_000,
  maxDelayMs: 60_000,
});
const source = Object.assign(new EventTarget(), { localName: 'hearth-assessment', isConnected: true }) as unknown as HTMLElement;
const delivery = await outbox.send(JSON.parse(leadJson!) as LeadInput, { endpoint: endpoint!, source });
process.stdout.write(`${JSON.stringify({ status: delivery.status })}\n`);
outbox.dispose();
