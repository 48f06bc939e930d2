// Setup, 设备已停用 or 设备维护中 in front of the kiosk (DeviceShell's `device` state, issue 9).
// A host that serves only the kiosk role (older tests) never sends that state: nothing changes.
import type { ReactNode } from 'react';
import { create } from 'zustand';
import type { DeviceState } from '@hallkit/host/setup/setupContract';
import { DeviceStatusScreen, SetupScreen, installSetupStyles } from '@hallkit/ui/setup/index';
import { api } from '../bridge.ts';

const useDevice = create<{ state: DeviceState | undefined; set(s: DeviceState): void }>((set) => ({ state: undefined, set: (state) => set({ state }) }));

installSetupStyles();
api.on('device', (d) => useDevice.getState().set(d));
api.onConnection((up) => {
  if (up) void api.deviceState({}).then((d) => useDevice.getState().set(d), () => undefined);
});

export function DeviceGate({ children }: { children: ReactNode }) {
  const device = useDevice((s) => s.state);
  if (device?.phase === 'setup') {
    return <SetupScreen state={device} api={{ enrol: (i) => api.setupEnrol(i), checks: () => api.setupChecks({}), save: () => api.setupSave({}), cancel: () => api.setupCancel({}) }} />;
  }
  if (device?.phase === 'revoked') return <DeviceStatusScreen kind="revoked" />;
  return (
    <>
      {children}
      {device?.locked ? <DeviceStatusScreen kind="locked" reason={device.lockReason} /> : null}
    </>
  );
}
