// CRC-16/ARC (poly x^16+x^15+x^2+1, reflected 0xA001, init 0, no final XOR): what the Onbon BX
// font cards check. The protocol document's table starts 0x0000, 0xC0C1, 0xC181… — the same CRC.
const TABLE = (() => {
  const t = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc16Arc(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) crc = (crc >>> 8) ^ (TABLE[(crc ^ b) & 0xff] as number);
  return crc & 0xffff;
}

/** CheckMode 1: the 16-bit sum of the bytes. */
export function sum16(bytes: Uint8Array): number {
  let s = 0;
  for (const b of bytes) s = (s + b) & 0xffff;
  return s;
}
