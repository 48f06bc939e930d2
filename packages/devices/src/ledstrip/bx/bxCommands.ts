// The data field of the BX commands a hall needs, and the controller's ACK/NACK reply.
// Request: CmdGroup, Cmd, Response (1 = reply, 2 = no reply), Reserved(2), data.
// Reply:   CmdGroup, Cmd, CmdError, Reserved(2), data. ACK = A0 00, NACK = A0 01 + error code.

export const BxCmd = {
  ping: [0xa2, 0x00],
  reset: [0xa2, 0x01],
  setTime: [0xa2, 0x03],
  readScreenId: [0xa2, 0x07],
  readParameters: [0xa2, 0x0a],
  addVoice: [0xa2, 0x0e],
  forceOnOff: [0xa3, 0x00],
  brightness: [0xa3, 0x02],
  dynamicArea: [0xa3, 0x06],
  clearScreen: [0xa3, 0x10],
} as const satisfies Record<string, readonly [number, number]>;

export const REPLY_GROUP = 0xa0;
export const ACK_CMD = 0x00;
export const NACK_CMD = 0x01;

/** The document's NACK error codes; the ones it leaves out show as "error code N". */
export const NACK_REASONS: Record<number, { code: string; zh: string; en: string }> = {
  1: { code: 'bad-group', zh: '命令组错误', en: 'unknown command group' },
  2: { code: 'no-such-command', zh: '无此命令', en: 'no such command' },
  3: { code: 'busy', zh: '控制卡忙', en: 'controller busy' },
  4: { code: 'out-of-memory', zh: '内存不足', en: 'out of memory' },
  5: { code: 'crc-error', zh: '校验错误', en: 'CRC error (the frame was damaged on the line)' },
  6: { code: 'file-not-found', zh: '文件不存在', en: 'file not found' },
  12: { code: 'font-missing', zh: '字库不存在', en: 'font missing on the card' },
  13: { code: 'firmware-type', zh: '固件类型不符', en: 'firmware type mismatch' },
  16: { code: 'block-number', zh: '块号错误', en: 'wrong block number' },
};

export function describeNack(code: number): { code: string; zh: string; en: string } {
  return NACK_REASONS[code] ?? { code: `error-${code}`, zh: `错误码 ${code}`, en: `error code ${code}` };
}

export function requestData(cmd: readonly [number, number], payload: Uint8Array = new Uint8Array(0), needReply = true): Uint8Array {
  const out = new Uint8Array(5 + payload.length);
  out[0] = cmd[0];
  out[1] = cmd[1];
  out[2] = needReply ? 0x01 : 0x02;
  out.set(payload, 5);
  return out;
}

/**
 * A3 06 uses the two reserved bytes itself (ProcessMode, Reserved): its payload follows Response
 * directly (see dynamicArea.ts).
 */
export function dynamicAreaData(payload: Uint8Array, needReply = true): Uint8Array {
  const out = new Uint8Array(3 + payload.length);
  out[0] = 0xa3;
  out[1] = 0x06;
  out[2] = needReply ? 0x01 : 0x02;
  out.set(payload, 3);
  return out;
}

export type BxReply = { kind: 'ack'; data: Uint8Array } | { kind: 'nack'; error: number } | { kind: 'other'; group: number; cmd: number; error: number; data: Uint8Array };

export function parseReply(data: Uint8Array): BxReply | undefined {
  if (data.length < 5) return undefined;
  const [group, cmd, error] = [data[0] as number, data[1] as number, data[2] as number];
  if (group === REPLY_GROUP && cmd === ACK_CMD && error === 0) return { kind: 'ack', data: data.slice(5) };
  if (group === REPLY_GROUP && cmd === NACK_CMD) return { kind: 'nack', error };
  return { kind: 'other', group, cmd, error, data: data.slice(5) };
}

export function ackData(): Uint8Array {
  return Uint8Array.of(REPLY_GROUP, ACK_CMD, 0, 0, 0);
}
export function nackData(error: number): Uint8Array {
  return Uint8Array.of(REPLY_GROUP, NACK_CMD, error & 0xff, 0, 0);
}

const bcd = (n: number): number => (Math.floor(n / 10) % 10 << 4) | n % 10;

/** A2 03: BCD year(2) month day hour minute second weekday (1 = Monday … 7 = Sunday), in the hall's time. */
export function setTimePayload(parts: { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number }): Uint8Array {
  return Uint8Array.of(bcd(Math.floor(parts.year / 100)), bcd(parts.year % 100), bcd(parts.month), bcd(parts.day), bcd(parts.hour), bcd(parts.minute), bcd(parts.second), bcd(parts.weekday));
}

const fromBcd = (b: number): number => (b >> 4) * 10 + (b & 0x0f);
export function decodeSetTime(p: Uint8Array): { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number } | undefined {
  if (p.length < 8) return undefined;
  const d = [...p.subarray(0, 8)].map(fromBcd) as [number, number, number, number, number, number, number, number];
  return { year: d[0] * 100 + d[1], month: d[2], day: d[3], hour: d[4], minute: d[5], second: d[6], weekday: d[7] };
}

/** A3 02 with one fixed level 0–15 for all 48 half-hour slots (mode 1 = manual in the document's terms). */
export function brightnessPayload(level: number): Uint8Array {
  const l = Math.max(0, Math.min(15, Math.round(level)));
  const out = new Uint8Array(49);
  out[0] = 0; // 0 = one value for the whole day
  out.fill(l, 1);
  return out;
}
