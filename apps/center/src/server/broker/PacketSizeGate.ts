// A ceiling on MQTT packet sizes for the embedded broker (aedes has none: an unauthenticated client
// announcing a 128 MB CONNECT made it buffer all 128 MB, and the memory was never given back). The gate
// reads only the fixed headers (type byte + remaining length) alongside aedes's own parser and closes
// the connection as soon as a packet announces more than its limit — before the body is sent.

export interface PacketSizeLimits {
  /** Before login (CONNECT carries an id, a name, a password and a last will: small). */
  connect: number;
  /** After login, per packet (a device's outbox batch is ≤ 256 KB; the center's retained config larger). */
  device: number;
  center: number;
}

export const DEFAULT_PACKET_LIMITS: PacketSizeLimits = { connect: 64 * 1024, device: 2 * 1024 * 1024, center: 32 * 1024 * 1024 };

export class PacketSizeGate {
  /** Body bytes of the current packet still to come (0: the next byte starts a fixed header). */
  private bodyLeft = 0;
  /** The fixed header being read: type byte seen, remaining-length bytes so far. */
  private header: number[] = [];

  constructor(
    /** The limit for the packet starting now (changes after login). */
    private readonly limit: () => number,
    private readonly tooLarge: (declared: number, limit: number) => void,
  ) {}

  /** Feeds a chunk; false once a packet over the limit was announced (the caller closes the socket). */
  feed(chunk: Buffer): boolean {
    let i = 0;
    while (i < chunk.length) {
      if (this.bodyLeft > 0) {
        const take = Math.min(this.bodyLeft, chunk.length - i);
        this.bodyLeft -= take;
        i += take;
        continue;
      }
      const byte = chunk[i] ?? 0;
      i += 1;
      this.header.push(byte);
      if (this.header.length === 1) continue;
      // Remaining length: 1–4 bytes, 7 bits each, high bit = more follows.
      if ((byte & 0x80) !== 0 && this.header.length < 5) continue;
      let length = 0;
      for (let k = this.header.length - 1; k >= 1; k--) length = length * 128 + ((this.header[k] ?? 0) & 0x7f);
      this.header = [];
      const limit = this.limit();
      if (length > limit) {
        this.tooLarge(length, limit);
        return false;
      }
      this.bodyLeft = length;
    }
    return true;
  }
}
