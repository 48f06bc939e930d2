// The kiosk's on-screen keyboard: digits, letters, and pinyin with a candidate bar. Controlled
// (value/onChange), big keys, no system IME needed. Keys carry `data-key` for tests and automation.
import { useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { createPinyinIndex, type PinyinIndex } from './pinyinIndex.ts';
import './keyboard.css';

export type KeyboardMode = 'digits' | 'letters' | 'pinyin';

export interface KeyboardLabels {
  digits: string;
  letters: string;
  pinyin: string;
  space: string;
  backspace: string;
  clear: string;
  enter: string;
}

export interface OnScreenKeyboardProps {
  value: string;
  onChange: (value: string) => void;
  /** The enter key (确定); without a handler the key is hidden. */
  onEnter?: () => void;
  /** Which layouts the user may switch between; the first is shown first. Default: all three. */
  modes?: readonly KeyboardMode[];
  maxLength?: number;
  /** Words offered first in pinyin mode (service names, districts…). */
  phrases?: readonly string[];
  labels?: Partial<KeyboardLabels>;
  /** Larger keys (elder mode). */
  large?: boolean;
  className?: string;
  /** Called on every key press, e.g. to reset an inactivity countdown. */
  onKey?: (key: string) => void;
}

const DEFAULT_LABELS: KeyboardLabels = { digits: '123', letters: 'ABC', pinyin: '拼音', space: '空格', backspace: '⌫', clear: '清除', enter: '确定' };
const DIGIT_ROWS = ['123', '456', '789', '-0X'];
const LETTER_ROWS = ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];

let sharedIndex: { phrases: string; index: PinyinIndex } | undefined;
function indexFor(phrases: readonly string[]): PinyinIndex {
  const key = phrases.join('\u0001');
  if (!sharedIndex || sharedIndex.phrases !== key) sharedIndex = { phrases: key, index: createPinyinIndex({ phrases }) };
  return sharedIndex.index;
}

export function OnScreenKeyboard(props: OnScreenKeyboardProps): ReactNode {
  const modes = props.modes && props.modes.length > 0 ? props.modes : (['digits', 'letters', 'pinyin'] as const);
  const [mode, setMode] = useState<KeyboardMode>(modes[0] ?? 'digits');
  const [composition, setComposition] = useState('');
  const labels = { ...DEFAULT_LABELS, ...props.labels };
  const index = useMemo(() => (mode === 'pinyin' ? indexFor(props.phrases ?? []) : undefined), [mode, props.phrases]);
  const candidates = useMemo(() => (index && composition ? index.candidates(composition, 24) : []), [index, composition]);
  const max = props.maxLength ?? 64;

  const put = (text: string) => {
    const next = (props.value + text).slice(0, max);
    props.onChange(next);
  };
  const press = (key: string, action: () => void) => () => {
    props.onKey?.(key);
    action();
  };
  const commit = (text: string, consumed: number) => {
    put(text);
    setComposition((c) => c.slice(consumed));
  };
  const backspace = () => {
    if (composition) setComposition((c) => c.slice(0, -1));
    else props.onChange([...props.value].slice(0, -1).join(''));
  };
  const letter = (ch: string) => {
    if (mode === 'pinyin') setComposition((c) => (c + ch.toLowerCase()).slice(0, 24));
    else put(ch);
  };

  // Large keys are taller and their labels bigger, not wider: ten keys of a row must fit a 1080 px
  // portrait screen (104 px minimum widths made Q and P fall off it in elder mode).
  const keyStyle: CSSProperties = { minWidth: 0, minHeight: props.large ? 104 : 84, fontSize: props.large ? 44 : 34 };
  const key = (k: string, label: ReactNode, action: () => void, extra: CSSProperties = {}) => (
    <button type="button" key={k} data-key={k} className="hk-key" style={{ ...keyStyle, ...extra }} onClick={press(k, action)}>
      {label}
    </button>
  );

  const rows = mode === 'digits' ? DIGIT_ROWS : LETTER_ROWS;
  return (
    <div className={`hk-keyboard ${props.className ?? ''}`} data-mode={mode}>
      {mode === 'pinyin' && (
        <div className="hk-candidates" aria-live="polite">
          <span className="hk-composition" data-testid="composition">
            {composition}
          </span>
          {candidates.map((c, i) => (
            <button type="button" key={`${c.text}-${i}`} className="hk-candidate" data-candidate={c.text} onClick={press(`cand:${c.text}`, () => commit(c.text, c.consumed))}>
              {c.text}
            </button>
          ))}
        </div>
      )}
      {rows.map((row) => (
        <div className="hk-key-row" key={row}>
          {[...row].map((ch) => key(ch, ch, () => (mode === 'digits' ? put(ch) : letter(ch))))}
        </div>
      ))}
      <div className="hk-key-row">
        {modes.length > 1 &&
          modes.map((m) =>
            key(`mode:${m}`, labels[m], () => {
              setComposition('');
              setMode(m);
            }, m === mode ? { outline: '4px solid currentColor' } : {}),
          )}
        {mode !== 'digits' &&
          key('space', labels.space, () => {
            const first = candidates[0];
            if (first) commit(first.text, first.consumed);
            else put(' ');
          }, { flex: 2 })}
        {key('backspace', labels.backspace, backspace)}
        {key('clear', labels.clear, () => {
          setComposition('');
          props.onChange('');
        })}
        {props.onEnter &&
          key('enter', labels.enter, () => {
            if (composition) {
              put(composition);
              setComposition('');
            } else props.onEnter?.();
          }, { flex: 2 })}
      </div>
    </div>
  );
}
