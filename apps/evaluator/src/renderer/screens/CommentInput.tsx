import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OnScreenKeyboard } from '@hallkit/ui';
import { COMMENT_WORDS } from './commentWords.ts';

/**
 * The optional comment of a 差评: a tap opens the shared on-screen keyboard with pinyin (a pad has no
 * system IME); 确定 closes it. Capped at 200 characters, as the rating record is.
 */
export function CommentInput({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={`comment-box${value ? '' : ' empty'}`} data-testid="comment-box" onClick={() => setOpen(true)}>
        {value || t('reasons.commentPlaceholder')}
      </button>
      {open ? (
        <div className="comment-keyboard" role="dialog" aria-label={t('reasons.comment')} data-testid="comment-keyboard">
          <div className="comment-preview" data-testid="comment-preview">
            {value}
            <span className="caret" />
          </div>
          <OnScreenKeyboard
            value={value}
            onChange={onChange}
            onEnter={() => setOpen(false)}
            modes={['pinyin', 'letters', 'digits']}
            maxLength={200}
            phrases={COMMENT_WORDS}
            labels={{
              digits: t('keyboard.digits'),
              letters: t('keyboard.letters'),
              pinyin: t('keyboard.pinyin'),
              space: t('keyboard.space'),
              backspace: t('keyboard.backspace'),
              clear: t('keyboard.clear'),
              enter: t('keyboard.enter'),
            }}
          />
        </div>
      ) : null}
    </>
  );
}
