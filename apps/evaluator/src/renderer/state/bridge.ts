import { connectBridge } from '@hallkit/host/client';
import { evaluatorContract } from '../../contract.ts';
import { usePad } from './padStore.ts';
import { useDevice } from './deviceStore.ts';

/** The one connection to this pad's host (Electron preload or loopback WebSocket). */
export const bridge = connectBridge(evaluatorContract);

// Subscribed here, synchronously after connecting — not in a React effect: the socket can open and
// deliver the host's view before the first render commits, and a missed event is never repeated.
bridge.on('view', (v) => usePad.getState().setView(v));
bridge.on('device', (d) => useDevice.getState().set(d));
bridge.onConnection((up) => {
  usePad.getState().setHostConnected(up);
  if (!up) return;
  void bridge.deviceState({}).then((d) => {
    useDevice.getState().set(d);
    if (d.phase === 'running') void bridge.view({}).then((v) => usePad.getState().setView(v), () => undefined);
  }, () => undefined);
});
