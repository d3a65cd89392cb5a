import type { Lead } from '@hearth/lead/schema';
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

/** A delivery of one lead to one URL (`--forward` or `--notify-urgent`), written with the lead. */
export interface NewForwardJob {
  /** Server-generated id. */
  id: string;
  /** The URL the lead is POSTed to. */
  target: string;
  /** `forward` for `--forward`, `urgent` for `--notify-urgent`. */
  kind: 'forward' | 'urgent';
  /** Urgent leads are delivered first. */
  urgent: boolean;
  /** The exact JSON body that will be signed and sent. */
  body: string;
  /** ISO 8601. */
  createdAt: string;
}

export type ForwardJobState = 'pending' | 'done' | 'dead';

/** A forward job as stored, with its delivery state. */
export interface ForwardJob extends NewForwardJob {
  leadId: string;
  idempotencyKey: string;
  state: ForwardJobState;
  /** Delivery attempts made so far. */
  attempts: number;
  /** ISO 8601: not before. */
  nextAttemptAt: string;
  /** What went wrong last (a status or an error kind; never a response body). */
  lastError: string | null;
  /** ISO 8601, when delivered. */
  deliveredAt: string | null;
}

export interface ForwardFailure {
  /** Attempts made, including this one. */
  attempts: number;
  /** When to try again (ignored when `dead`). */
  nextAttemptAt: string;
  lastError: string;
  /** Give up: the job goes to the dead-letter list. */
  dead: boolean;
}

export interface ForwardCounts {
  pending: number;
  done: number;
  dead: number;
}

/**
 * The storage behind the receiver. Every method is async so that a networked store (PostgreSQL
 * for clinics that outgrow one machine) implements the same interface as SQLite.
 *
 * `insert` must be atomic on `idempotencyKey` (a unique constraint): two concurrent inserts of
 * one key produce one row, and the loser gets `{ created: false, existing }`. The forward jobs
 * given to `insert` are written in the same transaction as the lead (a transactional outbox):
 * a lead is never stored without its deliveries, nor a delivery without its lead.
 */
export interface LeadStore {
  /** e.g. "sqlite", shown in `/healthz`. */
  readonly kind: string;
  /** The version of the storage schema this store created or migrated to. */
  readonly schemaVersion: number;
  insert(record: NewLeadRecord, jobs?: readonly NewForwardJob[]): Promise<InsertResult>;
  findByKey(idempotencyKey: string): Promise<StoredLead | undefined>;
  /** Newest first. */
  list(options: ListOptions): Promise<{ leads: StoredLead[]; total: number }>;
  /** Throws when the store cannot serve requests (used by `/healthz`). */
  ping(): Promise<void>;
  /** Writes (and commits) a probe row; throws when the store cannot write, e.g. on a full disk. */
  probeWrite(): Promise<void>;
  /** Deletes one lead (and its forward jobs). True when it existed. */
  deleteById(id: string): Promise<boolean>;
  /** Deletes every lead with this contact email, compared case-insensitively. Returns how many. */
  eraseByEmail(email: string): Promise<number>;
  /** Deletes leads received before this ISO 8601 instant. Returns how many. */
  deleteReceivedBefore(instant: string): Promise<number>;
  /**
   * Leases up to `limit` pending jobs due at `now` (urgent first, then oldest) until `leaseUntil`,
   * so that another receiver on the same database does not send them at the same time.
   */
  claimForwardJobs(now: string, leaseUntil: string, limit: number): Promise<ForwardJob[]>;
  completeForwardJob(id: string, deliveredAt: string): Promise<void>;
  failForwardJob(id: string, failure: ForwardFailure): Promise<void>;
  /** Dead-lettered jobs, newest first. */
  listDeadForwardJobs(limit: number): Promise<ForwardJob[]>;
  /** Puts a dead job back in the queue with its attempts reset. True when it was dead. */
  retryForwardJob(id: string, now: string): Promise<boolean>;
  countForwardJobs(): Promise<ForwardCounts>;
  close(): Promise<void>;
}
