import { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { SerialPort } from 'serialport';
import { ackData, BxCmd, decodeSetTime, nackData, REPLY_GROUP } from '../../ledstrip/bx/bxCommands.ts';
import { BxFrameReader, frameBx } from '../../ledstrip/bx/bxFrame.ts';
import { ADDR_BROADCAST_REPLY, ADDR_BROADCAST_SILENT, decodePacket, encodePacket, type BxPacket } from '../../ledstrip/bx/bxPacket.ts';
import { decodeDynamicAreas } from '../../ledstrip/bx/dynamicArea.ts';
import { decodeSpeech } from '../../ledstrip/bx/stripText.ts';
import { bxModel, type BxModel } from '../../ledstrip/models.ts';
import { stripPng, stripSvg } from './stripImage.ts';
import { VirtualStrip } from './VirtualStrip.ts';

export interface LedStripSimulatorOptions {
  /** Listen on TCP (the cards' port is 5005). Port 0 picks a free one. Default: 5005 unless `serialPath` is given. */
  tcp?: { port?: number; host?: string } | false;
  /** Sit on this serial device (the device side of a PTY pair). */
  serialPath?: string;
  baudRate?: number;
  /** Screen address; default 1. */
  address?: number;
  model?: string;
  width?: number;
  height?: number;
  /** The document's least refresh interval of a dynamic area; faster updates are reported. */
  minRefreshMs?: number;
}

/** Faults for tests: the next `count` requests get no reply, a NACK busy, or a reply with a broken CRC. */
export type LedStripFault = 'no-reply' | 'nack-busy' | 'bad-crc-reply';

/** Something wrong the simulator saw on the line; kept in `problems` and emitted. */
export interface StripProblem {
  at: string;
  kind: 'frame' | 'packet' | 'command' | 'text' | 'refresh';
  message: string;
}

interface SimulatorEvents {
  /** A dynamic area (or clear) changed what the strip shows. */
  shown: [text: string];
  spoke: [text: string];
  problem: [problem: StripProblem];
  request: [group: number, cmd: number];
}

const MAX_PROBLEMS = 200;

/**
 * An Onbon BX font card: listens on TCP and/or a serial port, checks every frame (escaping, DataLen,
 * CRC), answers ACK/NACK as the document says (Dst/Src swapped; nothing for Response 0x02 or Dst
 * 0xFFFF), and decodes dynamic areas into a `VirtualStrip` that renders to text, SVG and PNG.
 * `powerOff()`/`powerOn()` is the unplugged controller: its RAM (the dynamic areas) is lost.
 */
export class LedStripSimulator extends EventEmitter<SimulatorEvents> {
  readonly model: BxModel;
  strip: VirtualStrip;
  readonly problems: StripProblem[] = [];
  readonly spoken: string[] = [];
  readonly counts = { frames: 0, acks: 0, nacks: 0, badFrames: 0, dynamicAreas: 0, problems: 0 };
  private faults: Array<{ fault: LedStripFault; left: number }> = [];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private serial: SerialPort | undefined;
  private lastAreaAt = 0;
  tcpPort: number | undefined;

  private constructor(private readonly opts: LedStripSimulatorOptions) {
    super();
    this.model = bxModel(opts.model);
    this.strip = new VirtualStrip(opts.width ?? 160, opts.height ?? 32);
  }

  static async start(opts: LedStripSimulatorOptions = {}): Promise<LedStripSimulator> {
    const sim = new LedStripSimulator(opts);
    await sim.powerOn();
    return sim;
  }

  /** Powered: listening (TCP) or attached (serial). */
  get online(): boolean {
    return this.server !== undefined || this.serial !== undefined;
  }

  get address(): number {
    return this.opts.address ?? 1;
  }

  /** Text now on the strip ('' when blank). */
  text(): string {
    return this.strip.text();
  }
  svg(dot?: number): Promise<string> {
    return stripSvg(this.strip, dot);
  }
  png(dot?: number): Promise<Buffer> {
    return stripPng(this.strip, dot);
  }

  /** The next `count` requests get this fault. */
  inject(fault: LedStripFault, count = 1): void {
    this.faults.push({ fault, left: count });
  }
  clearFaults(): void {
    this.faults = [];
  }

  /** Resolves when the strip's text satisfies `match` (a string to contain, or a predicate). */
  waitForText(match: string | ((t: string) => boolean), timeoutMs = 5000): Promise<string> {
    const ok = (t: string): boolean => (typeof match === 'string' ? t.includes(match) : match(t));
    if (ok(this.text())) return Promise.resolve(this.text());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('shown', on);
        reject(new Error(`strip did not show ${typeof match === 'string' ? `"${match}"` : 'the expected text'} within ${timeoutMs} ms (shows "${this.text()}")`));
      }, timeoutMs);
      const on = (t: string): void => {
        if (!ok(t)) return;
        clearTimeout(timer);
        this.off('shown', on);
        resolve(t);
      };
      this.on('shown', on);
    });
  }

  /** Power back on (after `powerOff`): listens again on the same port; the strip starts blank. */
  async powerOn(): Promise<void> {
    const tcp = this.opts.tcp ?? (this.opts.serialPath ? false : {});
    if (tcp && !this.server) await this.listen(this.tcpPort ?? tcp.port ?? 5005, tcp.host ?? '127.0.0.1');
    if (this.opts.serialPath && !this.serial) await this.attachSerial(this.opts.serialPath, this.opts.baudRate ?? 57600);
  }

  /** Unplugged: connections drop, nothing answers, and the RAM with the dynamic areas is gone. */
  async powerOff(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    const port = this.serial;
    this.serial = undefined;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    this.strip = new VirtualStrip(this.strip.width, this.strip.height);
    this.emit('shown', '');
  }

  async stop(): Promise<void> {
    await this.powerOff();
  }

  private async listen(port: number, host: string): Promise<void> {
    const server = createServer((socket) => {
      this.sockets.add(socket);
      const reader = new BxFrameReader();
      socket.on('data', (chunk) => this.receive(reader, chunk, (b) => !socket.destroyed && socket.write(b)));
      socket.on('error', () => socket.destroy());
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const addr = server.address();
    this.tcpPort = typeof addr === 'object' && addr ? addr.port : port;
    this.server = server;
  }

  private async attachSerial(path: string, baudRate: number): Promise<void> {
    const port = new SerialPort({ path, baudRate, autoOpen: false, hupcl: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    this.serial = port;
    const reader = new BxFrameReader();
    port.on('data', (chunk: Buffer) => this.receive(reader, chunk, (b) => port.isOpen && port.write(b)));
    port.on('error', () => undefined);
    port.on('close', () => {
      if (this.serial === port) this.serial = undefined;
    });
  }

  private report(kind: StripProblem['kind'], message: string): void {
    const p = { at: new Date().toISOString(), kind, message };
    this.problems.push(p);
    this.counts.problems++;
    if (this.problems.length > MAX_PROBLEMS) this.problems.splice(0, this.problems.length - MAX_PROBLEMS);
    this.emit('problem', p);
  }

  /** Never throws: whatever arrives is a frame, a reported bad frame, or counted noise. */
  receive(reader: BxFrameReader, chunk: Uint8Array, write: (b: Uint8Array) => unknown): void {
    for (const ev of reader.push(chunk)) {
      if (ev.kind === 'bad') {
        this.counts.badFrames++;
        this.report('frame', `bad frame: ${ev.reason} (${ev.bytes} bytes)`);
        continue;
      }
      this.counts.frames++;
      const d = decodePacket(ev.packet);
      if (!d.ok) {
        this.counts.badFrames++;
        this.report('packet', d.message);
        // A damaged frame still addressed to us gets NACK 5, as the document says; a cut one gets nothing.
        if (d.reason === 'check' && d.header && this.forUs(d.header.dst)) this.reply(write, d.header.src, d.header.dst, nackData(5));
        continue;
      }
      this.handle(d.packet, write);
    }
    const stray = reader.takeStray();
    if (stray > 0) this.report('frame', `${stray} byte(s) outside any frame`);
  }

  private forUs(dst: number): boolean {
    return dst === this.address || dst === ADDR_BROADCAST_REPLY || dst === ADDR_BROADCAST_SILENT;
  }

  private handle(p: BxPacket, write: (b: Uint8Array) => unknown): void {
    if (!this.forUs(p.dst)) return;
    if (p.deviceType !== 0xfe && p.deviceType !== this.model.deviceType) this.report('packet', `DeviceType 0x${p.deviceType.toString(16)} is not this ${this.model.label} (0x${this.model.deviceType.toString(16)})`);
    if (p.data.length < 3) {
      this.report('command', `data field of ${p.data.length} bytes`);
      return;
    }
    const [group, cmd, resp] = [p.data[0] as number, p.data[1] as number, p.data[2] as number];
    this.emit('request', group, cmd);
    const silent = resp === 0x02 || p.dst === ADDR_BROADCAST_SILENT;
    const answer = (data: Uint8Array): void => {
      if (!silent) this.reply(write, p.src, p.dst, data);
    };
    const fault = this.faults[0];
    if (fault) {
      fault.left--;
      if (fault.left <= 0) this.faults.shift();
      if (fault.fault === 'no-reply') return;
      if (fault.fault === 'nack-busy') return answer(nackData(3));
    }
    const result = this.execute(group, cmd, p.data);
    if (fault?.fault === 'bad-crc-reply' && !silent) {
      const frame = encodePacket({ dst: p.src, src: this.address, deviceType: this.model.deviceType, data: result });
      frame[frame.length - 1] = (frame[frame.length - 1] as number) ^ 0xff;
      this.counts.acks++;
      write(frameBx(frame));
      return;
    }
    answer(result);
  }

  /** Runs one command; returns the reply data (ACK or NACK). */
  private execute(group: number, cmd: number, data: Uint8Array): Uint8Array {
    const is = (c: readonly [number, number]): boolean => group === c[0] && cmd === c[1];
    const body = data.subarray(5);
    if (is(BxCmd.ping) || is(BxCmd.reset) || is(BxCmd.forceOnOff)) return ackData();
    if (is(BxCmd.clearScreen)) {
      this.strip.clear();
      this.emit('shown', '');
      return ackData();
    }
    if (is(BxCmd.brightness)) {
      if (body.length < 1) return this.refuse('command', 'brightness without a value', 2);
      const level = body.length >= 2 ? (body[1] as number) : (body[0] as number);
      if (level > 15) return this.refuse('command', `brightness ${level} is over 15`, 2);
      this.strip.brightness = level;
      this.strip.revision++;
      return ackData();
    }
    if (is(BxCmd.setTime)) {
      const t = decodeSetTime(body);
      if (!t) return this.refuse('command', 'set-time shorter than 8 BCD bytes', 2);
      this.strip.clock = t;
      return ackData();
    }
    if (is(BxCmd.addVoice)) {
      if (!this.model.voice) return this.refuse('command', `${this.model.label} has no voice (A2 0E)`, 2);
      const text = decodeSpeech(body);
      this.spoken.push(text);
      this.emit('spoke', text);
      return ackData();
    }
    if (is(BxCmd.dynamicArea)) return this.dynamicArea(data.subarray(3));
    if (group !== 0xa1 && group !== 0xa2 && group !== 0xa3 && group !== REPLY_GROUP) return this.refuse('command', `unknown command group 0x${group.toString(16)}`, 1);
    return this.refuse('command', `command ${group.toString(16)} ${cmd.toString(16).padStart(2, '0')} is not simulated`, 2);
  }

  private dynamicArea(payload: Uint8Array): Uint8Array {
    const d = decodeDynamicAreas(payload);
    if (!d.ok) return this.refuse('command', `dynamic area: ${d.error}`, 2);
    if (d.command.areas.length > this.model.maxAreas || d.command.areas.some((a) => a.id >= this.model.maxAreas)) {
      return this.refuse('command', `a ${this.model.label} has ${this.model.maxAreas} dynamic areas`, 4);
    }
    if (d.command.areas.some((a) => a.text.length > this.model.maxAreaBytes)) return this.refuse('command', `area text over ${this.model.maxAreaBytes} bytes`, 4);
    const now = Date.now();
    const gap = now - this.lastAreaAt;
    if (this.lastAreaAt && gap < (this.opts.minRefreshMs ?? 1000)) this.report('refresh', `dynamic area rewritten after ${gap} ms (the document asks for ≥ 1 s)`);
    this.lastAreaAt = now;
    this.counts.dynamicAreas++;
    const r = this.strip.apply(d.command);
    for (const p of r.problems) this.report('text', p);
    if (r.spoke.length && !this.model.voice) this.report('command', `SoundMode set on a ${this.model.label}, which has no voice`);
    else
      for (const s of r.spoke) {
        this.spoken.push(s);
        this.emit('spoke', s);
      }
    this.emit('shown', this.text());
    return ackData();
  }

  private refuse(kind: StripProblem['kind'], message: string, code: number): Uint8Array {
    this.report(kind, message);
    return nackData(code);
  }

  private reply(write: (b: Uint8Array) => unknown, to: number, from: number, data: Uint8Array): void {
    if (data[1] === 0x01) this.counts.nacks++;
    else this.counts.acks++;
    write(frameBx(encodePacket({ dst: to, src: from, deviceType: this.model.deviceType, data })));
  }
}
