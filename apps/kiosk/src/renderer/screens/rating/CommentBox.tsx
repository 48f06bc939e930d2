import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OnScreenKeyboard } from '@hallkit/ui';
import { useKiosk } from '../../state/kioskStore.ts';

/**
 * The rating's optional comment: a tap opens the on-screen keyboard with pinyin (a kiosk has no
 * system IME); 输入完成 closes it. 200 characters, as the rating record keeps.
 */
export function CommentBox({ value, onChange }: { value: string; onChange: (v: string) => void }): ReactNode {
  const { t } = useTranslation();
  const elder = useKiosk((s) => s.elder);
  const [open, setOpen] = useState(false);
  return (
    <div className="rate-comment">
      <div className="code-label">{t('rating.comment')}</div>
      <button type="button" className={`comment-box ${value ? '' : 'empty'}`} data-testid="rate-comment" onClick={() => setOpen(true)}>
        {value || t('rating.commentTap')}
      </button>
      {open && (
        <div className="comment-sheet" role="dialog" aria-label={t('rating.comment')} data-testid="rate-comment-keyboard">
          <div className="code-value" data-testid="rate-comment-value">
            {value || '\u00a0'}
          </div>
          <OnScreenKeyboard
            value={value}
            onChange={onChange}
            onEnter={() => setOpen(false)}
            modes={['pinyin', 'letters', 'digits']}
            maxLength={200}
            large={elder}
            labels={{
              digits: t('keyboard.digits'),
              letters: t('keyboard.letters'),
              pinyin: t('keyboard.pinyin'),
              space: t('keyboard.space'),
              backspace: t('keyboard.backspace'),
              clear: t('keyboard.clear'),
              enter: t('rating.commentDone'),
            }}
          />
        </div>
      )}
    </div>
  );
}
