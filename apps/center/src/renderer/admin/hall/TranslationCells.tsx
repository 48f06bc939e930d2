// The 繁體 and English of one of the definition's texts (a zone's 楼层位置, a window's label, a
// department) as two table cells beside the Simplified one, each with its problems at the field.
import type { DefinitionProblem, NameTranslations } from '@hallkit/core';
import { withTranslation } from './setTranslation.ts';
import { useProblemText } from './hallProblemText.ts';

export function TranslationCells({ testId, value, max, problems, labels, onChange }: {
  testId: string;
  value: NameTranslations | undefined;
  max: number;
  /** The problems of this text's translations (paths ending in the language). */
  problems: DefinitionProblem[];
  /** The inputs' accessible names: 繁體 and English. */
  labels: { 'zh-TW': string; en: string };
  onChange: (next: NameTranslations | undefined) => void;
}) {
  const say = useProblemText();
  return (
    <>
      {(['zh-TW', 'en'] as const).map((lang) => {
        const mine = problems.filter((p) => p.path[p.path.length - 1] === lang);
        return (
          <td key={lang}>
            <input data-testid={`${testId}-${lang}`} aria-label={labels[lang]} value={value?.[lang] ?? ''} maxLength={max} aria-invalid={mine.some((p) => p.severity === 'error')} onChange={(e) => onChange(withTranslation(value, lang, e.target.value))} />
            {mine.map((p, k) => (
              <span key={k} className={p.severity === 'error' ? 'field-error' : 'field-warning'} role="alert">
                {say(p)}
              </span>
            ))}
          </td>
        );
      })}
    </>
  );
}
