import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentBox as SharedCommentBox } from '@hallkit/ui';
import { useKiosk } from '../../state/kioskStore.ts';

/**
 * The rating's optional comment: the shared comment box of @hallkit/ui (the pad's too, with the
 * hall's comment words in pinyin), in the kiosk's words and sizes; 输入完成 closes its keyboard.
 */
export function CommentBox({ value, onChange }: { value: string; onChange: (v: string) => void }): ReactNode {
  const { t } = useTranslation();
  const elder = useKiosk((s) => s.elder);
  return (
    <div className="rate-comment">
      <div className="code-label">{t('rating.comment')}</div>
      <SharedCommentBox
        value={value}
        onChange={onChange}
        placeholder={t('rating.commentTap')}
        title={t('rating.comment')}
        large={elder}
        previewClassName="code-value"
        testIds={{ box: 'rate-comment', sheet: 'rate-comment-keyboard', preview: 'rate-comment-value' }}
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
  );
}
