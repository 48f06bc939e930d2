// A code field with the on-screen keyboard; the scanner fills it too (and submits at once).
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OnScreenKeyboard } from '@hallkit/ui';
import { useKiosk } from '../state/kioskStore.ts';

export function CodeEntry(props: { label: string; submitLabel: string; busy: boolean; onSubmit: (code: string) => void }): ReactNode {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const scanned = useKiosk((s) => s.scanned);
  const elder = useKiosk((s) => s.elder);
  const set = useKiosk((s) => s.set);
  const { onSubmit } = props;
  useEffect(() => {
    if (!scanned) return;
    set({ scanned: undefined });
    setValue(scanned.code);
    onSubmit(scanned.code);
  }, [scanned, set, onSubmit]);
  const submit = () => value.trim() && !props.busy && onSubmit(value.trim());
  // Elder mode: the scanner and the card come first, at full size; the keyboard opens on request (a
  // whole keyboard of 104 px keys under both ways in did not fit the screen) — a scan does not open
  // it (with a refusal above it, the keyboard went below the screen in English).
  const [opened, setOpened] = useState(false);
  if (elder && !opened)
    return (
      <div className="code-entry">
        <button type="button" className="secondary big" data-testid="code-open" onClick={() => setOpened(true)}>
          {t('keyboard.open', { what: props.label })}
        </button>
      </div>
    );
  return (
    <div className={`code-entry${elder ? ' open' : ''}`}>
      <label className="code-label">{props.label}</label>
      <div className="code-value" data-testid="code-value">
        {value || '\u00a0'}
      </div>
      <button type="button" className="primary big" data-testid="code-submit" disabled={!value.trim() || props.busy} onClick={submit}>
        {props.busy ? '…' : props.submitLabel}
      </button>
      <OnScreenKeyboard
        value={value}
        onChange={setValue}
        onEnter={submit}
        modes={['letters', 'digits']}
        maxLength={40}
        large={elder}
        labels={{ digits: t('keyboard.digits'), letters: t('keyboard.letters'), pinyin: t('keyboard.pinyin'), space: t('keyboard.space'), backspace: t('keyboard.backspace'), clear: t('keyboard.clear'), enter: t('keyboard.enter') }}
      />
    </div>
  );
}
