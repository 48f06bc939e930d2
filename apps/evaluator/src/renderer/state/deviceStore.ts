// The pad as a device: setup, running its role, locked for maintenance, or revoked (DeviceShell).
import { create } from 'zustand';
import type { DeviceState } from '@hallkit/host/setup/setupContract';

export const useDevice = create<{ state: DeviceState | undefined; set(s: DeviceState): void }>((set) => ({
  state: undefined,
  set: (state) => set({ state }),
}));
