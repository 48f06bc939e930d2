import type { GenericSlip, QueueTicketSlip, SlipLabels } from './slips.ts';

/** Escapes receiptline's special characters so citizen-provided text prints literally. */
export function escapeText(text: string): string {
  return text.replace(/[\\|{}\-=~_"`^]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}
function escapeProperty(text: string): string {
  return text.replace(/[\\|{};]/g, (c) => `\\${c}`);
}

/** "2026-11-21 09:30" in the hall's time zone; a string that is not a date prints as given. */
export function formatIssuedAt(issuedAt: Date | string, timeZone: string): string {
  const d = issuedAt instanceof Date ? issuedAt : new Date(issuedAt);
  if (Number.isNaN(d.getTime())) return String(issuedAt);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

const center = (text: string): string => `|${text}|`;

/** The queue ticket as a receiptline document (same document feeds ESC/POS and the SVG preview). */
export function queueTicketDocument(slip: QueueTicketSlip, labels: SlipLabels, qrCell: number, timeZone: string): string {
  const lines = [
    '{align:center}',
    center(`"${escapeText(slip.hallName)}"`),
    center(escapeText(labels.ticketTitle)),
    '-',
    center(`^^^^${escapeText(slip.ticketNumber)}`),
    '',
    ...(slip.priorityLabel ? [center(`\`${escapeText(slip.priorityLabel)}\``)] : []),
    ...(slip.categoryName ? [center(`^${escapeText(slip.categoryName)}`)] : []),
    center(`"${escapeText(slip.serviceName)}"`),
    '',
    center(escapeText(labels.peopleAhead(slip.peopleAhead))),
    center(escapeText(labels.estimatedWait(slip.estimatedWaitMinutes))),
    ...(slip.windowHint ? [center(escapeText(slip.windowHint))] : []),
    center(`${escapeText(labels.issuedAt)} ${escapeText(formatIssuedAt(slip.issuedAt, timeZone))}`),
    `{code:${escapeProperty(slip.followUrl)};option:qrcode,${qrCell},m}`,
    center(escapeText(labels.scanToFollow)),
    ...(slip.notice ? ['-', center(escapeText(slip.notice))] : []),
    '=',
  ];
  return lines.join('\n');
}

export function genericSlipDocument(slip: GenericSlip, qrCell: number): string {
  const lines = [
    '{align:center}',
    center(`"^${escapeText(slip.title)}"`),
    ...(slip.subtitle ? [center(escapeText(slip.subtitle))] : []),
    '-',
    '{align:left}',
    ...slip.lines.map((l) => (typeof l === 'string' ? `|${escapeText(l)}` : `|${escapeText(l.label)} | ${escapeText(l.value)}|`)),
    '{align:center}',
    ...(slip.qr
      ? [`{code:${escapeProperty(slip.qr.payload)};option:qrcode,${qrCell},m}`, ...(slip.qr.caption ? [center(escapeText(slip.qr.caption))] : [])]
      : []),
    ...(slip.footer ? ['-', center(escapeText(slip.footer))] : []),
    '=',
  ];
  return lines.join('\n');
}
