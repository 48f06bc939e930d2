import { randomUUID } from 'node:crypto';

export type PrintJobKind = 'queue-ticket' | 'slip' | 'test' | 'raw';

/** Where a job stopped: before any byte was sent, part way, or in the check after the last byte. */
export type PrintJobStage = 'before' | 'during' | 'after';
export type PrintJobFailureReason = 'offline' | 'paper-empty' | 'cover-open' | 'printer-error' | 'timeout';

export interface PrintJob {
  id: string;
  kind: PrintJobKind;
  state: 'printing' | 'printed' | 'failed';
  totalBytes: number;
  bytesSent: number;
  attempts: number;
  failure?: { stage: PrintJobStage; reason: PrintJobFailureReason; message: string };
}

/** A job plus the bytes to print, kept by the printer until it succeeds so it can be retried. */
export interface HeldJob {
  job: PrintJob;
  bytes: Uint8Array;
}

export function newJob(kind: PrintJobKind, bytes: Uint8Array): HeldJob {
  return { job: { id: randomUUID(), kind, state: 'printing', totalBytes: bytes.length, bytesSent: 0, attempts: 0 }, bytes };
}
