// Setup, 设备已停用 or 设备维护中 in front of the board (DeviceShell's `device` state). A host that
// serves only the board (tests, benchmarks) never sends that state: the board shows as before.
import type { ReactNode } from 'react';
import { create } from 'zustand';
import type { BridgeApi } from '@hallkit/host/contract';
import type { DeviceState } from '@hallkit/host/setup/setupContract';
import { DeviceStatusScreen, SetupScreen, TechnicianEntry, installSetupStyles } from '@hallkit/ui/setup/index';
import type { CallerDisplayContract } from '../../contract.ts';

export const useDevice = create<{ state: DeviceState | undefined; set(s: DeviceState): void }>((set) => ({ state: undefined, set: (state) => set({ state }) }));

export function watchDevice(bridge: BridgeApi<CallerDisplayContract>): void {
  installSetupStyles();
  bridge.on('device', (d) => useDevice.getState().set(d));
  bridge.onConnection((up) => {
    if (up) void bridge.deviceState({}).then((d) => useDevice.getState().set(d), () => undefined);
  });
}

export function DeviceGate({ bridge, children }: { bridge: BridgeApi<CallerDisplayContract>; children: ReactNode }) {
  const device = useDevice((s) => s.state);
  if (device?.phase === 'setup') {
    return <SetupScreen state={device} api={{ enrol: (i) => bridge.setupEnrol(i), checks: () => bridge.setupChecks({}), save: () => bridge.setupSave({}), cancel: () => bridge.setupCancel({}) }} />;
  }
  if (device?.phase === 'revoked') return <DeviceStatusScreen kind="revoked" />;
  return (
    <>
      {children}
      {device?.locked ? <DeviceStatusScreen kind="locked" reason={device.lockReason} /> : null}
      {device ? <TechnicianEntry open={(pin) => bridge.setupOpen({ pin })} /> : null}
    </>
  );
}
