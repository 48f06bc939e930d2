// Preload: the bridge, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeBridgeInPreload } from '@hallkit/host/electron';

exposeBridgeInPreload(contextBridge, ipcRenderer);
