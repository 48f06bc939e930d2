// The kiosk's preload: the typed bridge on `window.hallkit`, nothing else (no raw ipcRenderer).
import { contextBridge, ipcRenderer } from 'electron';
import { exposeBridgeInPreload } from '@hallkit/host/electron';

exposeBridgeInPreload(contextBridge, ipcRenderer);
