export { OnScreenKeyboard, type OnScreenKeyboardProps, type KeyboardMode, type KeyboardLabels } from './OnScreenKeyboard.tsx';
export { createPinyinIndex, type PinyinIndex, type PinyinCandidate } from './pinyinIndex.ts';
