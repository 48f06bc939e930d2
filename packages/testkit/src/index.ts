export * from './ports.ts';
export * from './mosquitto.ts';
export * from './pty.ts';
export * from './browser.ts';
export * from './electron.ts';
export * from './electronSmoke.ts';
export * from './screenshots.ts';
export * from './audio.ts';
