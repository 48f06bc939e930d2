export * from './speechText.ts';
export * from './Espeak.ts';
export * from './AudioOut.ts';
export * from './soundCard.ts';
