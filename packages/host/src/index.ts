// Host side (Node). Renderers import '@hallkit/host/client' and '@hallkit/host/contract' only.
export * from './contract.ts';
export * from './BridgeHost.ts';
export * from './LoopbackServer.ts';
export * from './electron.ts';
export * from './runtime/RendererSupervisor.ts';
export * from './runtime/SystemdNotifier.ts';
export * from './runtime/NightlyRestart.ts';
export * from './runtime/ChromiumKiosk.ts';
export * from './care/index.ts';
export * from './setup/index.ts';
export * from './runtime/appProtocol.ts';
export * from './runtime/ElectronDevice.ts';
export * from './voice/index.ts';
