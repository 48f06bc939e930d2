// What every device app runs around its role (issue 9): with no identity it serves the setup
// screen; after enrolment (or at boot with an identity) it starts the role host in-process and
// forwards the role's bridge calls and events; it holds the maintenance lock (citizen actions are
// refused while locked), remote care, the log ring, and notices a revoked device (设备已停用).
import { TechnicianPinGuard } from './TechnicianPinGuard.ts';
import { join } from 'node:path';
import { BridgeHost, type BridgeOutcome } from '../BridgeHost.ts';
import { BridgeError, type BridgeContract, type BridgeHandlers } from '../contract.ts';
import { LogRing, type LogSink } from '../care/LogRing.ts';
import { MaintenanceLock, DeviceLockedError } from '../care/MaintenanceLock.ts';
import { RemoteCare, type CareActions, type CommandLink } from '../care/RemoteCare.ts';
import { DeviceIdentitySchema, writeIdentityFile, type DeviceIdentity } from './DeviceIdentity.ts';
import { enrolDevice, parseEnrolInput } from './Enrolment.ts';
import { networkCheck } from './networkCheck.ts';
import { SETUP_METHODS, type DeviceState } from './setupContract.ts';
import type { DeviceCheck } from '@hallkit/core/wire/careCommands';

/** The link events the shell listens to (DeviceLink has them; structural to keep sync out of host). */
export interface ShellLink extends CommandLink {
  on(event: 'refused', fn: (reason: string) => void): unknown;
  on(event: 'connected', fn: () => void): unknown;
}

/** A running role host, as the app's `startRole` returns it. */
export interface RoleInstance {
  bridge: { call(method: string, input: unknown): Promise<BridgeOutcome>; attach(sink: (name: string, payload: unknown) => void): () => void };
  link: ShellLink;
  care: CareActions;
  stop(): Promise<void>;
}

export interface RoleContext {
  logger: LogSink;
  lock: MaintenanceLock;
  dataDir: string;
}

export interface DeviceShellOptions<C extends BridgeContract> {
  /** The app's contract: its own methods plus SETUP_METHODS / SETUP_EVENTS. */
  contract: C;
  dataDir: string;
  /** Center roles this app can take (`evaluator`; `call-board` and `window-strip`; `kiosk`). */
  roles: readonly string[];
  /** The saved identity (or one from the environment); undefined on first boot. */
  loadIdentity(): DeviceIdentity | undefined;
  startRole(identity: DeviceIdentity, ctx: RoleContext): RoleInstance | Promise<RoleInstance>;
  /** The app's device checks for the setup screen (printer, reader, scanner); the network check is added here. */
  checks(): DeviceCheck[] | Promise<DeviceCheck[]>;
  /** Methods a citizen triggers: refused with `device-locked` while locked for maintenance. */
  citizenMethods: readonly string[];
  technicianPin(): string;
  logger?: LogSink;
  /** How remote care restarts the app (Electron: relaunch + exit). */
  exit?: (code: number) => void;
  fetch?: typeof fetch;
  /** The log ring's file; default `<dataDir>/logs/host.log` (the unit sets HALLKIT_LOG_DIR=/var/log/hallkit). */
  logFile?: string;
}

type Pending = DeviceIdentity & { name: string };

export class DeviceShell<C extends BridgeContract> {
  /** Wrong technician PINs: a few tries, then a doubling wait (issue 15). */
  private readonly pinGuard = new TechnicianPinGuard((l) => this.logger.warn(l));
  readonly bridge: BridgeHost<C>;
  readonly logs: LogRing;
  readonly logger: LogSink;
  readonly lock: MaintenanceLock;
  private role: RoleInstance | undefined;
  private care: RemoteCare | undefined;
  private detach: (() => void) | undefined;
  private identity: DeviceIdentity | undefined;
  private pending: Pending | undefined;
  private phase: DeviceState['phase'] = 'setup';
  private reSetup = false;

  constructor(private readonly o: DeviceShellOptions<C>) {
    this.logs = new LogRing({ file: o.logFile ?? join(o.dataDir, 'logs', 'host.log') });
    this.logger = this.logs.logger(o.logger ?? consoleSink());
    this.lock = new MaintenanceLock(join(o.dataDir, 'maintenance.json'));
    this.lock.on('change', () => this.publish());
    const handlers: Record<string, (input: unknown) => unknown> = {};
    for (const name of Object.keys(o.contract.methods)) handlers[name] = (input) => this.forward(name, input);
    Object.assign(handlers, this.setupHandlers());
    // The handlers cover every method of C: the role's by forwarding, setup's here.
    this.bridge = new BridgeHost(o.contract, handlers as BridgeHandlers<C>, (l) => this.logger.info(`bridge: ${l}`));
  }

  /** Starts the role if the device has an identity; otherwise waits on the setup screen. */
  async start(): Promise<void> {
    let id: DeviceIdentity | undefined;
    try {
      id = this.o.loadIdentity();
    } catch (e) {
      this.logger.error('identity unusable; opening setup', { error: (e as Error).message });
    }
    if (id) await this.startRole(id);
    else this.logger.info('no identity: showing the setup screen');
    this.publish();
  }

  async stop(): Promise<void> {
    await this.stopRole();
  }

  state(): DeviceState {
    const summary = (i: DeviceIdentity) => ({ hallId: i.hallId, deviceId: i.deviceId, role: i.role, name: i.name ?? null, windowId: i.windowId ?? null });
    return {
      v: 1,
      phase: this.phase,
      reSetup: this.reSetup,
      locked: this.lock.locked,
      lockReason: this.lock.state.reason,
      identity: this.identity ? summary(this.identity) : null,
      pending: this.pending ? { ...summary(this.pending), centerUrl: this.pending.centerHttp ?? '' } : null,
    };
  }

  private publish(): void {
    (this.bridge as BridgeHost<BridgeContract>).emit('device', this.state());
  }

  private async forward(method: string, input: unknown): Promise<unknown> {
    if (!this.role || this.phase !== 'running') throw new BridgeError(this.phase === 'revoked' ? 'device-revoked' : 'not-provisioned', 'the device is not running its role');
    if (this.lock.locked && this.o.citizenMethods.includes(method)) throw new DeviceLockedError();
    const r = await this.role.bridge.call(method, input);
    if (!r.ok) throw new BridgeError(r.error.code, r.error.message);
    return r.value;
  }

  private async startRole(id: DeviceIdentity): Promise<void> {
    const role = await this.o.startRole(id, { logger: this.logger, lock: this.lock, dataDir: this.o.dataDir });
    this.role = role;
    this.identity = id;
    this.phase = 'running';
    this.reSetup = false;
    this.care = new RemoteCare({ link: role.link, actions: role.care, logs: this.logs, lock: this.lock, logger: this.logger, ...(this.o.exit ? { exit: this.o.exit } : {}) });
    role.link.on('refused', (reason) => {
      if (this.phase === 'revoked' || this.role !== role) return;
      this.logger.error('the broker refused this device: revoked or credentials changed', { reason });
      this.phase = 'revoked';
      this.publish();
    });
    role.link.on('connected', () => {
      if (this.phase !== 'revoked' || this.role !== role) return;
      this.phase = 'running';
      this.publish();
    });
    this.detach = role.bridge.attach((name, payload) => (this.bridge as BridgeHost<BridgeContract>).emit(name, payload as never));
    this.logger.info('role started', { deviceId: id.deviceId, role: id.role, windowId: id.windowId ?? null });
  }

  private async stopRole(): Promise<void> {
    this.detach?.();
    this.care?.dispose();
    const r = this.role;
    this.role = undefined;
    this.care = undefined;
    await r?.stop();
  }

  private setupHandlers(): { [K in keyof typeof SETUP_METHODS]: (input: never) => unknown } {
    return {
      deviceState: () => this.state(),
      setupEnrol: async ({ centerUrl, code }: { centerUrl?: string; code: string }) => {
        if (this.phase !== 'setup') throw new BridgeError('not-in-setup', 'open setup from technician mode first');
        const target = parseEnrolInput(code, centerUrl);
        if (!target) return { ok: false, code: 'no-center', message: 'enter the center address or scan the QR code' };
        const r = await enrolDevice(target.centerUrl, target.code, this.o.fetch);
        if (!r.ok) {
          this.logger.warn('enrolment refused', { code: r.code, message: r.message });
          return r;
        }
        if (!this.o.roles.includes(r.identity.role)) {
          this.logger.warn('enrolment is for another kind of device', { role: r.identity.role });
          return { ok: false, code: 'wrong-role', message: `this code is for a ${r.identity.role}` };
        }
        this.pending = r.identity;
        this.logger.info('enrolled; waiting for confirmation', { deviceId: r.identity.deviceId, role: r.identity.role });
        this.publish();
        return { ok: true, state: this.state() };
      },
      // The broker is what the device will need: check it first, then the app's own devices.
      setupChecks: async () => ({ checks: [await networkCheck(this.pending?.mqttUrl ?? this.identity?.mqttUrl ?? this.pending?.centerHttp), ...(await this.o.checks())] }),
      setupSave: async () => {
        const p = this.pending;
        if (!p) return { ok: false, code: 'nothing-to-save', message: 'enrol first' };
        const id = DeviceIdentitySchema.parse(p);
        await this.stopRole();
        writeIdentityFile(this.o.dataDir, id);
        this.pending = undefined;
        await this.startRole(id);
        this.publish();
        return { ok: true, state: this.state() };
      },
      setupOpen: ({ pin }: { pin: string }) => {
        const checked = this.pinGuard.check(pin, this.o.technicianPin());
        if (!checked.ok) return checked;
        this.phase = 'setup';
        this.reSetup = this.role !== undefined;
        this.publish();
        return { ok: true };
      },
      setupCancel: () => {
        if (this.role) {
          this.phase = 'running';
          this.reSetup = false;
          this.pending = undefined;
          this.publish();
        }
        return this.state();
      },
    };
  }
}

function consoleSink(): LogSink {
  const line = (msg: string, f?: Record<string, unknown>) => (f ? `${msg} ${JSON.stringify(f)}` : msg);
  return {
    debug: () => undefined,
    info: (m, f) => console.error(`[device] ${line(m, f)}`),
    warn: (m, f) => console.error(`[device] ${line(m, f)}`),
    error: (m, f) => console.error(`[device] ${line(m, f)}`),
  };
}
