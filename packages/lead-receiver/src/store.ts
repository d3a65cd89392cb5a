import type { Lead } from '@hearth/core/schemas';
import type { ServerScore } from './rescore.js';

/** A validated lead as the receiver is about to store it. */
export interface NewLeadRecord {
  /** Server-generated id returned to the client in the acknowledgement. */
  id: string;
  idempotencyKey: string;
  /** SHA-256 of the validated lead, to tell a retry (same content) from a reused key (different content). */
  fingerprint: string;
  /** ISO 8601, server clock. */
  receivedAt: string;
  lead: Lead;
  /** The client's `urgent` flag, raised by the server when the answers show the safety trigger. */
  urgent: boolean;
  /** The server's own scoring of the answers, when answers were included. */
  serverScore: ServerScore | null;
  /** True when the client's summary (or urgent flag) disagrees with the server's scoring. */
  scoreMismatch: boolean;
  /** Which fields disagreed, e.g. `["summary.score", "urgent"]`. */
  mismatches: string[];
  /** The `Origin` header of the request (a site, not a person). */
  origin: string | null;
}

/** A stored lead: what was inserted, read back. */
export type StoredLead = NewLeadRecord;

export type InsertResult = { created: true; lead: StoredLead } | { created: false; existing: StoredLead };

export interface ListOptions {
  /** 1–500. */
  limit: number;
  offset: number;
}

/**
 * The storage behind the receiver. Every method is async so that a networked store (PostgreSQL
 * for clinics that outgrow one machine) implements the same interface as SQLite.
 *
 * `insert` must be atomic on `idempotencyKey` (a unique constraint): two concurrent inserts of
 * one key produce one row, and the loser gets `{ created: false, existing }`.
 */
export interface LeadStore {
  /** e.g. "sqlite", shown in `/healthz`. */
  readonly kind: string;
  /** The version of the storage schema this store created or migrated to. */
  readonly schemaVersion: number;
  insert(record: NewLeadRecord): Promise<InsertResult>;
  findByKey(idempotencyKey: string): Promise<StoredLead | undefined>;
  /** Newest first. */
  list(options: ListOptions): Promise<{ leads: StoredLead[]; total: number }>;
  /** Throws when the store cannot serve requests (used by `/healthz`). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
