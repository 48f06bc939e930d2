import { EventEmitter } from 'node:events';
import { DeviceError } from '../errors/DeviceError.ts';
import type { Transport } from '../transport/Transport.ts';
import { DeviceLog, type DeviceLogSink } from './DeviceLog.ts';
import type { DeviceState, HealthLevel, HealthReport, PowerState, StatusEvent } from './DeviceStatus.ts';

export interface PosDeviceEvents {
  state: [state: DeviceState];
  status: [event: StatusEvent];
  /** Something went wrong that is not a state change (garbled frame, failed poll); never thrown. */
  fault: [error: DeviceError];
}

export interface PosDeviceOptions {
  /** A name for logs ("kiosk-3/printer"). */
  name?: string;
  log?: DeviceLogSink;
  /** First and longest delay between reconnect attempts after the device went away. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
}

export interface ClaimOptions {
  /**
   * Succeed even if the device is not there right now: it is reported offline and picked up as soon
   * as it appears (a kiosk boots before its printer is powered).
   */
  allowOffline?: boolean;
}

/**
 * The device model shared by every type, on the UnifiedPOS shape:
 * open → claim → enable → use → disable → release → close.
 * A lost link is reported as a `power: offline` status event and retried in the background; when the
 * device answers again the subclass re-runs its handshake and `power: online` follows.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- node's EventMap constraint is written with any[]
export abstract class PosDevice<E extends Record<keyof E, any[]> & PosDeviceEvents = PosDeviceEvents> extends EventEmitter<E> {
  protected readonly log: DeviceLog;
  private stateValue: DeviceState = 'closed';
  private powerValue: PowerState = 'off';
  private opened = false;
  private claimedValue = false;
  private enabledValue = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnectDelay: number;
  private readonly onLost = (reason: Error): void => this.linkLost(reason);

  protected constructor(
    protected readonly transport: Transport,
    protected readonly options: PosDeviceOptions = {},
  ) {
    super();
    this.log = new DeviceLog(options.name ?? transport.address, options.log);
    this.reconnectDelay = options.reconnectMinMs ?? 200;
  }

  get state(): DeviceState {
    return this.stateValue;
  }
  get power(): PowerState {
    return this.powerValue;
  }
  get claimed(): boolean {
    return this.claimedValue;
  }
  get enabled(): boolean {
    return this.enabledValue;
  }
  get address(): string {
    return this.transport.address;
  }

  async open(): Promise<void> {
    if (this.opened) return;
    this.opened = true;
    this.setState('idle');
  }

  async claim(opts: ClaimOptions = {}): Promise<void> {
    this.requireOpen();
    if (this.claimedValue) return;
    this.transport.on('lost', this.onLost);
    try {
      await this.transport.open();
      await this.onConnected();
      this.claimedValue = true;
      this.setPower('online');
    } catch (e) {
      const err = e instanceof DeviceError ? e : new DeviceError('offline', (e as Error).message);
      if (!opts.allowOffline) {
        this.transport.off('lost', this.onLost);
        await this.transport.close().catch(() => undefined);
        throw err;
      }
      this.claimedValue = true;
      this.linkLost(err);
    }
  }

  async enable(): Promise<void> {
    this.requireClaimed();
    if (this.enabledValue) return;
    this.enabledValue = true;
    if (this.powerValue === 'online') this.onEnabled();
  }

  async disable(): Promise<void> {
    if (!this.enabledValue) return;
    this.enabledValue = false;
    this.onDisabled();
  }

  async release(): Promise<void> {
    if (!this.claimedValue) return;
    await this.disable();
    this.claimedValue = false;
    this.stopReconnect();
    this.transport.off('lost', this.onLost);
    await this.transport.close().catch(() => undefined);
    this.setPower('off');
    if (this.opened) this.setState('idle');
  }

  async close(): Promise<void> {
    await this.release();
    this.opened = false;
    this.setState('closed');
  }

  /** Internal: the device answers and reports no fault. External: also a visible test (e.g. a test print). */
  abstract checkHealth(level: HealthLevel): Promise<HealthReport>;

  /** Handshake after every (re)connect; throw if the device does not answer. */
  protected abstract onConnected(): Promise<void>;
  /** Start background work that only runs while enabled (card polling, status polling). */
  protected onEnabled(): void {}
  protected onDisabled(): void {}
  /** The link is gone: stop timers, fail pending requests. */
  protected onDisconnected(): void {}

  protected requireOpen(): void {
    if (!this.opened) throw new DeviceError('closed', `${this.address} is not open; call open() first`);
  }
  protected requireClaimed(): void {
    this.requireOpen();
    if (!this.claimedValue) throw new DeviceError('not-claimed', `${this.address} is not claimed; call claim() first`);
  }
  protected requireEnabled(): void {
    this.requireClaimed();
    if (!this.enabledValue) throw new DeviceError('not-enabled', `${this.address} is not enabled; call enable() first`);
  }
  protected requireOnline(): void {
    if (this.powerValue !== 'online') throw new DeviceError('offline', `${this.address} is offline`);
  }

  protected setState(state: DeviceState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    (this as unknown as EventEmitter<PosDeviceEvents>).emit('state', state);
  }

  protected emitStatus(event: StatusEvent): void {
    this.log.info(`status ${event.type}=${event.value}${'reason' in event && event.reason ? ` (${event.reason})` : ''}`);
    (this as unknown as EventEmitter<PosDeviceEvents>).emit('status', event);
  }

  protected emitFault(error: DeviceError): void {
    this.log.warn(`${error.code}: ${error.message}`);
    (this as unknown as EventEmitter<PosDeviceEvents>).emit('fault', error);
  }

  protected setPower(power: PowerState, reason?: string): void {
    if (power === this.powerValue) return;
    this.powerValue = power;
    this.emitStatus(reason ? { type: 'power', value: power, reason } : { type: 'power', value: power });
    if (power === 'offline') this.setState('error');
    else if (this.opened && this.stateValue === 'error') this.setState('idle');
  }

  /**
   * The device stopped answering on a link that is still up (TCP printer hung, reader silent).
   * Subclasses call this from their polling; the link is dropped and rebuilt.
   */
  protected deviceUnresponsive(reason: string): void {
    if (!this.claimedValue || this.powerValue === 'offline') return;
    void this.transport.close().catch(() => undefined);
    this.linkLost(new DeviceError('offline', reason));
  }

  private linkLost(reason: Error): void {
    if (!this.claimedValue) return;
    this.onDisconnected();
    this.setPower('offline', reason.message);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer || !this.claimedValue) return;
    this.reconnectTimer = setTimeout(() => void this.tryReconnect(), this.reconnectDelay);
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, this.options.reconnectMaxMs ?? 2000);
  }

  private async tryReconnect(): Promise<void> {
    this.reconnectTimer = undefined;
    if (!this.claimedValue) return;
    try {
      await this.transport.open();
      await this.onConnected();
    } catch (e) {
      this.log.debug(`reconnect to ${this.address} failed: ${(e as Error).message}`);
      await this.transport.close().catch(() => undefined);
      this.scheduleReconnect();
      return;
    }
    if (!this.claimedValue) return;
    this.reconnectDelay = this.options.reconnectMinMs ?? 200;
    this.setPower('online');
    if (this.enabledValue) this.onEnabled();
  }

  private stopReconnect(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
  }
}
