// Setup, 设备已停用 or 设备维护中 in front of the kiosk (DeviceShell's `device` state, issue 9).
// A host that serves only the kiosk role (older tests) never sends that state: nothing changes.
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { DeviceState } from '@hallkit/host/setup/setupContract';
import { DeviceStatusScreen, SetupScreen, installSetupStyles } from '@hallkit/ui/setup/index';
import { api } from '../bridge.ts';
import { sayIfOn } from '../voice.ts';

const useDevice = create<{ state: DeviceState | undefined; set(s: DeviceState): void }>((set) => ({ state: undefined, set: (state) => set({ state }) }));

installSetupStyles();
api.on('device', (d) => useDevice.getState().set(d));
api.onConnection((up) => {
  if (up) void api.deviceState({}).then((d) => useDevice.getState().set(d), () => undefined);
});

export function DeviceGate({ children }: { children: ReactNode }) {
  const device = useDevice((s) => s.state);
  const { t } = useTranslation();
  // 设备维护中 said to a citizen using voice guidance, who cannot read that the kiosk stopped.
  useEffect(() => {
    if (device?.locked) sayIfOn(t('say.locked'));
  }, [device?.locked, t]);
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
