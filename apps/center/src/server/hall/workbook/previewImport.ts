// What importing a hall workbook (or a folder of CSV files) would do: counts per sheet, what would be
// added, changed and removed, and every problem at its sheet, row and column. Nothing is applied here.
import {
  calendarCoverage,
  checkConfigChange,
  diffHallDefinitions,
  type HallDefinition,
  type HallDefinitionDiff,
  type HallState,
} from '@hallkit/core';
import { sheetsToDefinition } from './sheetsToDefinition.ts';
import type { StaffRow } from './StaffRow.ts';
import type { WorkbookProblem } from './WorkbookProblem.ts';
import type { WorkbookSheets } from './WorkbookSheets.ts';

export interface ImportPreview {
  v: 1;
  ok: boolean;
  counts: Record<string, number>;
  diff: HallDefinitionDiff | undefined;
  problems: WorkbookProblem[];
  staff: StaffRow[];
  /** The definition to save on confirmation (set only when ok). */
  definition: HallDefinition | undefined;
}

/**
 * `live`: the running hall, so a change that would strand waiting tickets is refused in the preview
 * already. `today` (YYYY-MM-DD, the hall's): warn when the 节假日 sheet lacks the year in force or the
 * coming one (the CLI and the console pass it; tests comparing whole previews need not).
 */
export function previewImport(
  sheets: WorkbookSheets,
  current: HallDefinition,
  live?: HallState,
  today?: string,
): ImportPreview {
  const r = sheetsToDefinition(sheets, current);
  const problems = [...r.problems];
  if (r.definition && today)
    for (const p of calendarCoverage(r.definition.calendar, today))
      problems.push({ sheet: '节假日', row: 0, column: '', ...(p.code ? { code: p.code, params: p.params ?? {} } : {}), message: p.message, severity: p.severity });
  let definition = r.definition;
  if (definition && live) {
    const next = { ...definition, version: live.config.version + 1 };
    for (const p of checkConfigChange(live, next))
      if (p.path[0] !== 'version' && !problems.some((q) => q.message === p.message))
        problems.push({ sheet: '', row: 0, column: '', ...(p.code ? { code: p.code, params: p.params ?? {} } : {}), message: p.message, severity: p.severity });
    definition = next;
  }
  const ok = !problems.some((p) => p.severity === 'error');
  return {
    v: 1,
    ok,
    counts: r.counts,
    diff: definition ? diffHallDefinitions(current, definition) : undefined,
    problems,
    staff: r.staff,
    definition: ok ? definition : undefined,
  };
}

const SECTION_NAMES: Record<string, string> = {
  zones: '功能区',
  categories: '业务类别',
  items: '事项',
  windows: '窗口',
  calendar: '节假日',
};

/** The preview as the CLI prints it (and the console shows it): Chinese, one problem per line. */
export function previewText(p: ImportPreview): string {
  const lines: string[] = [];
  lines.push(
    `工作表行数：${Object.entries(p.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join('，')}`,
  );
  if (p.staff.length > 0)
    lines.push(
      `人员：${p.staff.length} 人（${p.staff.filter((s) => s.roles.includes('staff')).length} 名窗口人员）`,
    );
  if (p.diff) {
    for (const [k, name] of Object.entries(SECTION_NAMES)) {
      const s = p.diff[k as keyof typeof SECTION_NAMES & keyof HallDefinitionDiff] as {
        added: string[];
        changed: string[];
        removed: string[];
      };
      lines.push(
        `${name}：新增 ${s.added.length}，修改 ${s.changed.length}，删除 ${s.removed.length}${s.removed.length ? `（删除：${s.removed.slice(0, 10).join('、')}${s.removed.length > 10 ? ' …' : ''}）` : ''}`,
      );
    }
    if (p.diff.settings.length) lines.push(`其他设置有改动：${p.diff.settings.join('、')}`);
  }
  const errors = p.problems.filter((x) => x.severity === 'error');
  const warnings = p.problems.filter((x) => x.severity === 'warning');
  for (const x of errors) lines.push(`错误  ${where(x)}${x.message}`);
  for (const x of warnings) lines.push(`提示  ${where(x)}${x.message}`);
  lines.push(p.ok ? '检查通过：可以导入。' : `有 ${errors.length} 处错误：不会导入任何内容。`);
  return lines.join('\n');
}

function where(x: WorkbookProblem): string {
  if (!x.sheet) return '';
  return `「${x.sheet}」${x.row > 0 ? `第 ${x.row} 行` : ''}${x.column ? `「${x.column}」列` : ''}：`;
}
