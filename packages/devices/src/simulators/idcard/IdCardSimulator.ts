import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import { encodeCardText, PHOTO_BYTES } from '../../idcard/cardText.ts';
import type { IdCard } from '../../idcard/IdCard.ts';
import { encodeReadReplyData } from '../../idcard/readReply.ts';
import { encodeReply, SamFrameReader, SamResult } from '../../idcard/samFrame.ts';

export type SimulatedCard = Omit<IdCard, 'photo'> & { photo?: Uint8Array };

/** Faults the module can be told to produce for its next replies. */
export type IdCardFault = 'bad-checksum' | 'timeout' | 'read-failed' | 'truncated';

export interface IdCardSimulatorOptions {
  /** The device side of a PTY pair (or a real port wired to the host). */
  serialPath: string;
  baudRate?: number;
  /** Card on the reader at start. */
  card?: SimulatedCard;
}

/** A stand-in photo: 1024 bytes that look like WLT to the host (it never decodes them itself). */
export function fakeWltPhoto(seed = 1): Uint8Array {
  const out = new Uint8Array(PHOTO_BYTES);
  out.set([0x57, 0x4c, 0x66, 0x00], 0); // "WLf" header as seen on real dumps
  let x = seed;
  for (let i = 4; i < out.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

/**
 * An ID-card SAM module on a serial port: answers find / select / read / status with the card
 * that is "on" it, and injects faults on request. Commands it receives are kept for tests.
 */
export class IdCardSimulator extends EventEmitter<{ command: [cmd: string] }> {
  readonly commands: string[] = [];
  private card: SimulatedCard | undefined;
  private faults: IdCardFault[] = [];
  private readsMuted = false;
  private port: SerialPort | undefined;
  private readonly frames = new SamFrameReader();

  private constructor(private readonly opts: IdCardSimulatorOptions) {
    super();
    this.card = opts.card;
  }

  static async start(opts: IdCardSimulatorOptions): Promise<IdCardSimulator> {
    const sim = new IdCardSimulator(opts);
    await sim.attach();
    return sim;
  }

  /** (Re)open the serial port, e.g. after the PTY was re-created (device plugged back in). */
  async attach(): Promise<void> {
    if (this.port?.isOpen) return;
    this.frames.reset();
    const port = new SerialPort({ path: this.opts.serialPath, baudRate: this.opts.baudRate ?? 115200, autoOpen: false, hupcl: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    port.on('data', (chunk: Buffer) => this.onData(chunk));
    port.on('error', () => undefined); // the cable pulled: go quiet
    port.on('close', () => {
      if (this.port === port) this.port = undefined;
    });
    this.port = port;
  }

  get attached(): boolean {
    return this.port?.isOpen ?? false;
  }

  placeCard(card: SimulatedCard): void {
    this.card = card;
  }
  removeCard(): void {
    this.card = undefined;
  }
  /** A broken module: finds cards but never answers a read (until switched back). */
  muteReads(on: boolean): void {
    this.readsMuted = on;
  }
  /** The next reply (or the next N, by calling again) misbehaves this way. */
  injectFault(fault: IdCardFault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push(fault);
  }

  async stop(): Promise<void> {
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  private onData(chunk: Buffer): void {
    for (const ev of this.frames.push(chunk)) {
      if (ev.kind === 'bad') {
        if (ev.reason === 'checksum') this.send(encodeReply(SamResult.checksumError));
        continue;
      }
      const cmd = Buffer.from(ev.body.subarray(0, 2)).toString('hex');
      this.commands.push(cmd);
      this.emit('command', cmd);
      this.answer(cmd);
    }
  }

  private answer(cmd: string): void {
    if (this.readsMuted && (cmd === '2002' || cmd === '3001')) return;
    const fault = this.faults.shift();
    if (fault === 'timeout') return;
    let reply: Uint8Array;
    switch (cmd) {
      case '10ff':
      case '11ff':
        reply = encodeReply(SamResult.ok);
        break;
      case '12ff':
        reply = encodeReply(SamResult.ok, Uint8Array.from(Buffer.from('0501002016110900001234', 'hex')));
        break;
      case '2001':
        reply = this.card ? encodeReply(SamResult.cardFound, new Uint8Array(4)) : encodeReply(SamResult.noCard);
        break;
      case '2002':
        reply = this.card ? encodeReply(SamResult.ok, new Uint8Array(8)) : encodeReply(SamResult.selectFailed);
        break;
      case '3001':
        if (!this.card || fault === 'read-failed') reply = encodeReply(SamResult.readFailed);
        else reply = encodeReply(SamResult.ok, encodeReadReplyData(encodeCardText(this.card), this.card.photo ?? fakeWltPhoto()));
        break;
      default:
        reply = encodeReply(SamResult.commandError);
    }
    if (fault === 'bad-checksum') {
      reply = Uint8Array.from(reply);
      reply[reply.length - 1] = (reply[reply.length - 1] ?? 0) ^ 0xff;
    }
    if (fault === 'truncated') reply = reply.subarray(0, Math.max(8, reply.length >> 1));
    this.send(reply);
  }

  private send(bytes: Uint8Array): void {
    if (this.port?.isOpen) this.port.write(Buffer.from(bytes));
  }
}
