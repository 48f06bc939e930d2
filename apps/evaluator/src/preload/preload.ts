// The only thing the sandboxed renderer gets: `window.hallkit` with the contract's call/subscribe.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeBridgeInPreload } from '@hallkit/host/electron';

exposeBridgeInPreload(contextBridge, ipcRenderer);
