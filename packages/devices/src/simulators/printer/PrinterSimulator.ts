import { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { SerialPort } from 'serialport';
import type { CoverState, PaperState } from '../../lifecycle/DeviceStatus.ts';
import { encodeStatusReply, type PrinterStatus, type StatusQuery } from '../../printer/escpos/statusReply.ts';
import { printerModel, type PrinterModel } from '../../printer/models.ts';
import { EscPosInterpreter } from '../../printer/escpos/EscPosInterpreter.ts';
import { receiptToSvg, svgToPng } from './paperImage.ts';
import { receiptToText, type PrintedReceipt } from '../../printer/escpos/PrintedPaper.ts';

export interface PrinterSimulatorOptions {
  /** Listen on TCP (raw port 9100 style). Port 0 picks a free one. Default: 9100 on 127.0.0.1 unless `serialPath` is given. */
  tcp?: { port?: number; host?: string } | false;
  /** Sit on this serial device (the device side of a PTY pair, or a real port wired to the host). */
  serialPath?: string;
  baudRate?: number;
  model?: string;
}

export type PrinterFault = 'paper-empty' | 'cover-open';

interface SimulatorEvents {
  receipt: [receipt: PrintedReceipt];
  /** Bytes arrived from the host. */
  data: [chunk: Buffer];
  unknown: [command: string];
}

/**
 * A receipt printer that speaks ESC/POS: it keeps everything it received, decodes it to paper
 * (text, SVG, PNG), answers DLE EOT from its simulated state and can be told to run out of paper,
 * open its cover or go silent, also part way through a job.
 */
export class PrinterSimulator extends EventEmitter<SimulatorEvents> {
  readonly model: PrinterModel;
  /** Finished (cut) and interrupted receipts, oldest first. */
  readonly receipts: PrintedReceipt[] = [];
  readonly unknownCommands: string[] = [];
  private receivedChunks: Buffer[] = [];
  private paper: PaperState = 'ok';
  private cover: CoverState = 'closed';
  private silent = false;
  private pendingFault: { afterBytes: number; fault: PrinterFault } | undefined;
  private server: Server | undefined;
  private sockets = new Set<Socket>();
  private serial: SerialPort | undefined;
  private interpreters: EscPosInterpreter[] = [];
  tcpPort: number | undefined;

  private constructor(private readonly opts: PrinterSimulatorOptions) {
    super();
    this.model = printerModel(opts.model);
  }

  static async start(opts: PrinterSimulatorOptions = {}): Promise<PrinterSimulator> {
    const sim = new PrinterSimulator(opts);
    const tcp = opts.tcp ?? (opts.serialPath ? false : {});
    if (tcp) await sim.listen(tcp.port ?? 9100, tcp.host ?? '127.0.0.1');
    if (opts.serialPath) await sim.attachSerial(opts.serialPath, opts.baudRate ?? 115200);
    return sim;
  }

  get received(): Buffer {
    return Buffer.concat(this.receivedChunks);
  }

  get status(): PrinterStatus {
    return { online: !this.silent && this.paper !== 'empty' && this.cover === 'closed', cover: this.cover, paper: this.paper, error: false };
  }

  setPaper(paper: PaperState): void {
    this.paper = paper;
    if (paper === 'empty') this.interrupt('paper-empty');
  }
  setCover(cover: CoverState): void {
    this.cover = cover;
    if (cover === 'open') this.interrupt('cover-open');
  }
  /** Offline: answers nothing and prints nothing (power cut, firmware hung). */
  setSilent(silent: boolean): void {
    this.silent = silent;
  }
  /** Inject a fault after this many more bytes arrive (mid-job paper out / cover opened). */
  failAfter(bytes: number, fault: PrinterFault): void {
    this.pendingFault = { afterBytes: bytes, fault };
  }
  /** Back to a healthy printer with paper loaded and nothing printed. */
  reset(): void {
    this.paper = 'ok';
    this.cover = 'closed';
    this.silent = false;
    this.pendingFault = undefined;
    this.receipts.length = 0;
    this.receivedChunks = [];
  }

  receiptText(index = this.receipts.length - 1): string {
    const r = this.receipts.at(index);
    return r ? receiptToText(r, this.model.cpl) : '';
  }
  receiptSvg(index = this.receipts.length - 1): string {
    const r = this.receipts.at(index);
    return r ? receiptToSvg(r, this.model.cpl) : '';
  }
  async receiptPng(index = this.receipts.length - 1): Promise<Buffer> {
    return svgToPng(this.receiptSvg(index));
  }

  /** Resolves with the next receipt that is cut or interrupted. */
  nextReceipt(timeoutMs = 5000): Promise<PrintedReceipt> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('receipt', on);
        reject(new Error(`no receipt within ${timeoutMs} ms`));
      }, timeoutMs);
      const on = (r: PrintedReceipt): void => {
        clearTimeout(timer);
        resolve(r);
      };
      this.once('receipt', on);
    });
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    await this.detachSerial();
  }

  async detachSerial(): Promise<void> {
    const port = this.serial;
    this.serial = undefined;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  private async listen(port: number, host: string): Promise<void> {
    const server = createServer((socket) => {
      this.sockets.add(socket);
      const interp = this.newInterpreter((b) => {
        if (!socket.destroyed) socket.write(b);
      });
      socket.on('data', (chunk) => this.receive(chunk, interp));
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

  async attachSerial(path: string, baudRate: number): Promise<void> {
    const port = new SerialPort({ path, baudRate, autoOpen: false, hupcl: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    this.serial = port;
    const interp = this.newInterpreter((b) => {
      if (port.isOpen) port.write(b);
    });
    port.on('data', (chunk: Buffer) => this.receive(chunk, interp));
    // The PTY vanishing is the simulated cable pull; the simulator just goes quiet.
    port.on('error', () => undefined);
    port.on('close', () => {
      if (this.serial === port) this.serial = undefined;
    });
  }

  private newInterpreter(reply: (b: Buffer) => void): EscPosInterpreter {
    const interp = new EscPosInterpreter(this.model.encoding, {
      statusRequest: (n) => {
        if (this.silent || n < 1 || n > 4) return;
        reply(Buffer.of(encodeStatusReply(n as StatusQuery, this.status)));
      },
      canPrint: () => !this.silent && this.paper !== 'empty' && this.cover === 'closed',
      unknown: (cmd) => {
        this.unknownCommands.push(cmd);
        this.emit('unknown', cmd);
      },
      cut: (receipt) => this.finish(receipt),
    });
    this.interpreters.push(interp);
    return interp;
  }

  private receive(chunk: Buffer, interp: EscPosInterpreter): void {
    this.receivedChunks.push(chunk);
    this.emit('data', chunk);
    const fault = this.pendingFault;
    if (fault && chunk.length >= fault.afterBytes) {
      this.pendingFault = undefined;
      interp.feed(chunk.subarray(0, fault.afterBytes));
      if (fault.fault === 'paper-empty') this.setPaper('empty');
      else this.setCover('open');
      interp.feed(chunk.subarray(fault.afterBytes));
      return;
    }
    if (fault) fault.afterBytes -= chunk.length;
    interp.feed(chunk);
  }

  private interrupt(by: 'paper-empty' | 'cover-open'): void {
    for (const interp of this.interpreters) {
      if (interp.current.blocks.length === 0) continue;
      const partial = interp.current;
      interp.current = { blocks: [], cut: false };
      partial.interruptedBy = by;
      this.finish(partial);
    }
  }

  private finish(receipt: PrintedReceipt): void {
    this.receipts.push(receipt);
    this.emit('receipt', receipt);
  }
}
