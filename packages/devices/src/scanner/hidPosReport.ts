/**
 * HID POS barcode scanner input report (usage page 0x8C, "scanned data report") as sent by
 * Honeywell/Zebra-style scanners in HID POS mode:
 * `[0] report id 0x02 | [1] data length (≤ 56) | [2..4] AIM symbology id | [5..60] data | [63] bit 0: more follows`.
 */
export const HID_POS_REPORT_ID = 0x02;
export const HID_POS_REPORT_BYTES = 64;
export const HID_POS_DATA_BYTES = 56;

export type HidPosReport =
  | { ok: true; data: Uint8Array; symbology: string; more: boolean }
  | { ok: false; error: string };

export function parseHidPosReport(report: Uint8Array): HidPosReport {
  if (report.length < 6) return { ok: false, error: `report is ${report.length} bytes` };
  if (report[0] !== HID_POS_REPORT_ID) return { ok: false, error: `report id 0x${(report[0] ?? 0).toString(16)} is not a scanned-data report` };
  const len = report[1] as number;
  if (len > HID_POS_DATA_BYTES || 5 + len > report.length) return { ok: false, error: `data length ${len} does not fit the report` };
  const symbology = String.fromCharCode(...report.subarray(2, 5)).replace(/\0/g, '');
  const more = report.length >= HID_POS_REPORT_BYTES && ((report[HID_POS_REPORT_BYTES - 1] as number) & 1) === 1;
  return { ok: true, data: Uint8Array.from(report.subarray(5, 5 + len)), symbology, more };
}

/** The reports a scanner sends for one code (used by the simulator and for recorded fixtures). */
export function buildHidPosReports(code: Uint8Array, symbology = ']Q1'): Buffer[] {
  const reports: Buffer[] = [];
  for (let at = 0; at === 0 || at < code.length; at += HID_POS_DATA_BYTES) {
    const part = code.subarray(at, at + HID_POS_DATA_BYTES);
    const r = Buffer.alloc(HID_POS_REPORT_BYTES);
    r[0] = HID_POS_REPORT_ID;
    r[1] = part.length;
    r.write(symbology.slice(0, 3), 2, 'latin1');
    r.set(part, 5);
    r[HID_POS_REPORT_BYTES - 1] = at + HID_POS_DATA_BYTES < code.length ? 1 : 0;
    reports.push(r);
  }
  return reports;
}
