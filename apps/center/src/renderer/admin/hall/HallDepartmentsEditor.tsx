// The 实施部门 in 繁體/English and its code (部门编码, the 好差评 feed's deptCode). A department is written
// on every one of its items (a Yantai-sized hall has 25 departments over 1,344 items), so it is
// translated and coded once here and the value goes to all of them — the workbook carries it per item
// row, like the department itself.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TRANSLATION_MAX, type DefinitionProblem } from '@hallkit/core';
import type { EditorProps } from './HallDefinitionPanel.tsx';
import { TranslationCells } from './TranslationCells.tsx';
import { useProblemText } from './hallProblemText.ts';

export function HallDepartmentsEditor({ draft, change, problemsAt }: Pick<EditorProps, 'draft' | 'change' | 'problemsAt'>) {
  const { t } = useTranslation();
  const say = useProblemText(draft);
  // Items of one department translating it differently (from a workbook): said at the department's row.
  const differ = problemsAt(['catalog', 'items']).filter((p) => p.code === 'departmentTranslationsDiffer');
  const departments = useMemo(() => {
    const seen = new Map<string, { first: number; n: number }>();
    draft.catalog.items.forEach((it, i) => {
      if (!it.department) return;
      const d = seen.get(it.department);
      if (d) d.n += 1;
      else seen.set(it.department, { first: i, n: 1 });
    });
    return [...seen].map(([name, d]) => ({ name, ...d }));
  }, [draft.catalog.items]);
  // A department's code is on each of its items: its problems (too long, differing) said once at its row.
  const codeProblems = (department: string) => {
    const seen = new Set<string>();
    return problemsAt(['catalog', 'items'])
      .filter((p) => p.path[3] === 'departmentCode' && draft.catalog.items[Number(p.path[2])]?.department === department)
      .filter((p) => !seen.has(p.message) && (seen.add(p.message), true));
  };
  if (departments.length === 0) return null;
  return (
    <fieldset className="hall-departments" data-testid="hall-departments">
      <legend>{t('hallEditor.departments.legend')}</legend>
      <small className="hint">{t('hallEditor.departments.hint')}</small>
      <table>
        <thead>
          <tr>
            <th>{t('hallEditor.items.department')}</th>
            <th>{t('hallEditor.departments.departmentTW')}</th>
            <th>{t('hallEditor.departments.departmentEn')}</th>
            <th>{t('hallEditor.departments.code')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {departments.map((d, k) => (
            <tr key={d.name} data-testid={`department-${k}`}>
              <td>{d.name}</td>
              <TranslationCells
                testId={`department-${k}`}
                value={draft.catalog.items[d.first]?.departmentI18n}
                max={TRANSLATION_MAX.department}
                problems={problemsAt(['catalog', 'items', d.first, 'departmentI18n'])}
                labels={{ 'zh-TW': t('hallEditor.departments.departmentTW'), en: t('hallEditor.departments.departmentEn') }}
                onChange={(tr) =>
                  change((def) => {
                    for (const it of def.catalog.items) {
                      if (it.department !== d.name) continue;
                      if (tr) it.departmentI18n = tr;
                      else delete it.departmentI18n;
                    }
                  })
                }
              />
              <DepartmentCodeCell
                testId={`department-${k}-code`}
                value={draft.catalog.items[d.first]?.departmentCode ?? ''}
                label={t('hallEditor.departments.code')}
                problems={codeProblems(d.name)}
                onChange={(v) =>
                  change((def) => {
                    for (const it of def.catalog.items) {
                      if (it.department !== d.name) continue;
                      if (v.trim()) it.departmentCode = v;
                      else delete it.departmentCode;
                    }
                  })
                }
              />
              <td>
                {t('hallEditor.departments.items', { n: d.n })}
                {differ
                  .filter((p) => p.params?.department === d.name)
                  .map((p, i) => (
                    <span key={i} className="field-warning" role="alert">
                      {say(p)}
                    </span>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

function DepartmentCodeCell({ testId, value, label, problems, onChange }: { testId: string; value: string; label: string; problems: DefinitionProblem[]; onChange: (v: string) => void }) {
  const say = useProblemText();
  return (
    <td>
      <input className="department-code" data-testid={testId} aria-label={label} value={value} aria-invalid={problems.some((p) => p.severity === 'error')} onChange={(e) => onChange(e.target.value)} />
      {problems.map((p, i) => (
        <span key={i} className={p.severity === 'error' ? 'field-error' : 'field-warning'} role="alert">
          {say(p)}
        </span>
      ))}
    </td>
  );
}
