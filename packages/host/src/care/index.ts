export * from '@hallkit/core/wire/careCommands';
export * from './LogRing.ts';
export * from './MaintenanceLock.ts';
export * from './RemoteCare.ts';
