// The one way this renderer reaches its host: the typed kiosk bridge (Electron preload or loopback).
import { connectBridge } from '@hallkit/host/client';
import { kioskDeviceContract } from '../kioskDeviceContract.ts';

// The kiosk role plus setup / maintenance lock / revocation (DeviceShell).
export const api = connectBridge(kioskDeviceContract);
