// What the kiosk's renderer talks to: the kiosk role (kioskContract) plus first-boot setup, the
// maintenance lock and revocation (DeviceShell, issue 9). Zod + contracts only: renderer-safe.
import { defineContract } from '@hallkit/host/contract';
import { SETUP_EVENTS, SETUP_METHODS } from '@hallkit/host/setup/setupContract';
import { kioskContract } from './contract.ts';

export const kioskDeviceContract = defineContract({
  name: 'kiosk-device',
  version: 1,
  methods: { ...kioskContract.methods, ...SETUP_METHODS },
  events: { ...kioskContract.events, ...SETUP_EVENTS },
});
export type KioskDeviceContract = typeof kioskDeviceContract;

/** What a citizen triggers: refused with `device-locked` while the kiosk is locked for maintenance. */
export const KIOSK_CITIZEN_METHODS = ['takeTicket', 'reprintTicket', 'checkIn', 'lookupCase', 'printCase'] as const;
