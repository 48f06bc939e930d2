// Shared renderer pieces for the device apps (browser only: no Node, no devices, no sync).
export * from './i18n/createI18n.ts';
export { CJK_FONT_STACK } from './fonts/cjkFonts.ts';
export * from './scanner/KeyboardWedge.ts';
export * from './keyboard/index.ts';
export * from './idle/index.ts';
export * from './comment/index.ts';
