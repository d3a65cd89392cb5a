import { after, describe } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteLeadStore } from '../src/index.js';
import { storeContract } from './store-contract.js';

describe('LeadStore contract: SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-sqlite-contract-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  storeContract(async () => new SqliteLeadStore(join(dir, `leads-${++n}.sqlite`)));
});
