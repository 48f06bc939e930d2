// A write to the kiosk's own file failed: a full disk, a read-only or failing card. The citizen is
// told in plain words (never `SQLITE_FULL`) and the fleet view is told which one (issue 15).

export type StorageFailure = 'storage-full' | 'storage-failed';

/** The kind of storage failure behind an error from better-sqlite3, or undefined for any other error. */
export function storageFailureOf(e: unknown): StorageFailure | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  if (code === 'SQLITE_FULL') return 'storage-full';
  if (/^SQLITE_(IOERR|READONLY|CORRUPT|NOTADB|CANTOPEN|CONSTRAINT_)/.test(code) || code === 'SQLITE_IOERR') return 'storage-failed';
  return undefined;
}

/** What the hall admin's device list says (the heartbeat's `errors`, in the admin's language). */
export function storageProblemText(f: StorageFailure): string {
  return f === 'storage-full' ? '本机存储已满：无法记录号票，请清理或更换存储' : '本机存储读写故障：无法记录号票，请技术人员检查';
}
