/** A012: prefix + daily sequence, at least three digits (more once a busy day passes 999). */
export function formatTicketNumber(prefix: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`ticket sequence must be ≥ 1, got ${seq}`);
  return `${prefix}${String(seq).padStart(3, '0')}`;
}

/** The ticket's id is derived, so every device names the same ticket the same way without asking. */
export function ticketId(day: string, number: string): string {
  return `${day}/${number}`;
}
