import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import { encodeKeypadFrame, KeypadFrameReader, KeypadFunc } from '../../keypad/keypadFrame.ts';
import { keypressData, type KeypadAction } from '../../keypad/keys.ts';

export interface SimulatedKeypad {
  address: number;
  /** Six digits as shown, null = blank. */
  digits: Array<number | null>;
  beeps: number;
  /** Times (ms) of the beeps, newest last (a pattern is several close together). */
  beepTimes: number[];
}

export interface KeypadSimulatorOptions {
  /** The device side of a PTY pair (or a real port). */
  serialPath: string;
  baudRate?: number;
  /** Keypad addresses on the bus. */
  addresses: number[];
  /** How long a keypad waits for the host's echo before sending the key again, and how often. */
  echoTimeoutMs?: number;
  retries?: number;
}

interface KeypadSimulatorEvents {
  display: [address: number, digits: Array<number | null>];
  beep: [address: number];
  problem: [message: string];
}

/**
 * Caller keypads on one RS-485 bus: `press` sends a key frame and waits for the host's identical
 * echo, repeating the frame like a real keypad when the echo does not come; the host's display and
 * beep frames update each keypad. `dropEchoes(n)` loses the next echoes on the line.
 */
export class KeypadSimulator extends EventEmitter<KeypadSimulatorEvents> {
  readonly keypads = new Map<number, SimulatedKeypad>();
  readonly problems: string[] = [];
  private port: SerialPort | undefined;
  private readonly reader = new KeypadFrameReader();
  private waiting: { raw: string; resolve: () => void } | undefined;
  private dropEchoCount = 0;

  private constructor(private readonly opts: KeypadSimulatorOptions) {
    super();
    for (const a of opts.addresses) this.keypads.set(a, { address: a, digits: [null, null, null, null, null, null], beeps: 0, beepTimes: [] });
  }

  static async start(opts: KeypadSimulatorOptions): Promise<KeypadSimulator> {
    const sim = new KeypadSimulator(opts);
    await sim.attach();
    return sim;
  }

  async attach(): Promise<void> {
    if (this.port) return;
    const port = new SerialPort({ path: this.opts.serialPath, baudRate: this.opts.baudRate ?? 9600, autoOpen: false, hupcl: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    this.port = port;
    port.on('data', (chunk: Buffer) => this.onData(chunk));
    port.on('error', () => undefined);
    port.on('close', () => {
      if (this.port === port) this.port = undefined;
    });
  }

  async stop(): Promise<void> {
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  /** Digits as a string for tests and the demo page: blank is ' '. */
  display(address: number): string {
    return (this.keypads.get(address)?.digits ?? []).map((d) => (d === null ? ' ' : String(d))).join('');
  }

  dropEchoes(n: number): void {
    this.dropEchoCount = n;
  }

  /** Sends a key; resolves with whether the host echoed it and how many times it was sent. */
  async press(address: number, action: KeypadAction): Promise<{ acked: boolean; attempts: number }> {
    return this.pressRaw(address, keypressData(action));
  }

  async pressRaw(address: number, data: Uint8Array): Promise<{ acked: boolean; attempts: number }> {
    const frame = encodeKeypadFrame({ address, func: KeypadFunc.key, data });
    const raw = Buffer.from(frame).toString('hex');
    const retries = this.opts.retries ?? 3;
    for (let attempt = 1; attempt <= retries; attempt++) {
      const acked = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          this.waiting = undefined;
          resolve(false);
        }, this.opts.echoTimeoutMs ?? 400);
        this.waiting = {
          raw,
          resolve: () => {
            clearTimeout(timer);
            this.waiting = undefined;
            resolve(true);
          },
        };
      });
      await this.write(frame);
      if (await acked) return { acked: true, attempts: attempt };
    }
    return { acked: false, attempts: retries };
  }

  /** Raw bytes onto the bus (line noise in tests). */
  async write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw new Error('keypad bus simulator is not attached');
    await new Promise<void>((resolve, reject) => port.write(Buffer.from(bytes), (e) => (e ? reject(e) : resolve())));
  }

  private onData(chunk: Buffer): void {
    for (const ev of this.reader.push(chunk)) {
      if (ev.kind === 'bad') {
        this.problems.push(`bad frame from the host: ${ev.reason}`);
        this.emit('problem', `bad frame from the host: ${ev.reason}`);
        continue;
      }
      const { frame, raw } = ev;
      const pad = this.keypads.get(frame.address);
      if (frame.func === KeypadFunc.key) {
        if (this.dropEchoCount > 0) {
          this.dropEchoCount--;
          continue;
        }
        if (this.waiting && Buffer.from(raw).toString('hex') === this.waiting.raw) this.waiting.resolve();
        continue;
      }
      if (!pad) continue;
      if (frame.func === KeypadFunc.display) {
        if (frame.data.length !== 6) {
          this.problems.push(`display frame with ${frame.data.length} digits`);
          continue;
        }
        pad.digits = [...frame.data].map((d) => (d === 0x0a ? null : d <= 9 ? d : null));
        this.emit('display', pad.address, pad.digits);
      } else if (frame.func === KeypadFunc.beep) {
        pad.beeps++;
        pad.beepTimes.push(Date.now());
        if (pad.beepTimes.length > 20) pad.beepTimes.shift();
        this.emit('beep', pad.address);
      }
    }
  }
}
