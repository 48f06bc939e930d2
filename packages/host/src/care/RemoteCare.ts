// Remote care on a device (issue 9): the center's admin sends test-print, reload-config,
// restart-app, collect-logs, lock or unlock, and sees the result. One class for every app; each app
// passes what differs (how it prints a test slip, how it re-applies config). Commands arrive
// through DeviceLink.onCommand, which dedupes by id in the device's inbox (a repeat runs once).
import type { z } from 'zod';
import { CARE_BODY_SCHEMAS, CareResultSchemas, LOG_RESULT_MAX_BYTES, type CareCommand, type DeviceCheck } from '@hallkit/core/wire/careCommands';
import type { LogRing, LogSink } from './LogRing.ts';
import type { MaintenanceLock } from './MaintenanceLock.ts';

/** The part of DeviceLink this needs (kept structural: packages/host does not depend on sync). */
export interface CommandLink {
  onCommand<S extends z.ZodType>(name: string, schema: S | undefined, fn: (body: z.infer<S>, ctx: { id: string }) => unknown): unknown;
}

export interface CareActions {
  /** Print a test slip and check the app's devices; apps without a printer report their checks only. */
  testPrint(): Promise<{ printed: boolean; checks: DeviceCheck[] }> | { printed: boolean; checks: DeviceCheck[] };
  /** Re-apply the last good config (and ask the center again if the app can); returns the kinds reloaded. */
  reloadConfig(): Promise<string[]> | string[];
}

/** Exit code asking systemd (Restart=always) / the Electron main process for a fresh start. */
export const RESTART_EXIT_CODE = 75;

export interface RemoteCareOptions {
  link: CommandLink;
  actions: CareActions;
  logs: LogRing;
  lock: MaintenanceLock;
  logger: LogSink;
  /** How the app restarts; default `process.exit(RESTART_EXIT_CODE)`. Electron passes relaunch+exit. */
  exit?: (code: number) => void;
  /** Delay before exiting so the command's result is published first (default 1500 ms). */
  restartDelayMs?: number;
}

export class RemoteCare {
  private restartTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly o: RemoteCareOptions) {
    const on = <N extends CareCommand>(name: N, fn: (body: z.infer<(typeof CARE_BODY_SCHEMAS)[N]>) => Promise<z.input<(typeof CareResultSchemas)[N]>> | z.input<(typeof CareResultSchemas)[N]>) => {
      o.link.onCommand(name, CARE_BODY_SCHEMAS[name], async (body, ctx) => {
        o.logger.info(`remote care: ${name}`, { id: ctx.id });
        try {
          return CareResultSchemas[name].parse(await fn(body as z.infer<(typeof CARE_BODY_SCHEMAS)[N]>));
        } catch (e) {
          o.logger.warn(`remote care: ${name} failed`, { id: ctx.id, error: (e as Error).message });
          throw e;
        }
      });
    };
    on('test-print', async () => ({ v: 1, ...(await o.actions.testPrint()) }));
    on('reload-config', async () => ({ v: 1, reloaded: await o.actions.reloadConfig() }));
    on('restart-app', () => {
      const ms = o.restartDelayMs ?? 1500;
      this.scheduleRestart(ms);
      return { v: 1, restartingInMs: ms };
    });
    on('collect-logs', (b) => ({ v: 1, ...o.logs.tail(b.lines, LOG_RESULT_MAX_BYTES) }));
    on('lock', (b) => {
      const s = o.lock.lock(b.reason);
      return { v: 1, locked: true, since: s.since ?? Date.now() };
    });
    on('unlock', () => {
      o.lock.unlock();
      return { v: 1, locked: false };
    });
  }

  private scheduleRestart(ms: number): void {
    if (this.restartTimer) return;
    this.o.logger.warn('restart requested by the center', { inMs: ms });
    this.restartTimer = setTimeout(() => (this.o.exit ?? ((c) => process.exit(c)))(RESTART_EXIT_CODE), ms);
  }

  dispose(): void {
    clearTimeout(this.restartTimer);
  }
}
