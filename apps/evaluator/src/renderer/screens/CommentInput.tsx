import { useTranslation } from 'react-i18next';
import { CommentBox } from '@hallkit/ui';

/**
 * The optional comment of a 差评: the shared comment box (pinyin with the hall's comment words),
 * in the pad's words; 确定 closes its keyboard.
 */
export function CommentInput({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <CommentBox
      value={value}
      onChange={onChange}
      placeholder={t('reasons.commentPlaceholder')}
      title={t('reasons.comment')}
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
  );
}
