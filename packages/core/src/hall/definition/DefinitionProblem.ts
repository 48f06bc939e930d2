import { definitionText, type DefinitionCode, type TextParams } from './definitionText.ts';

/**
 * One thing wrong with a hall definition or a change to it, at the field it concerns. `code` and
 * `params` say why in any language (the admin console translates them); `message` is the Chinese
 * text of the CLI and the log. `error` stops a save or an import; `warning` is shown and allowed.
 */
export interface DefinitionProblem {
  /** Where in the definition: ['windows', 4, 'categoryIds']. */
  path: (string | number)[];
  /** Absent only on problems from outside the hall rules (e.g. the schema's own issues). */
  code?: DefinitionCode;
  params?: TextParams;
  message: string;
  severity: 'error' | 'warning';
  /** A line the change would strand: the console offers to move these tickets to another category. */
  stranded?: { categoryId: string; waiting: number };
}

export function problem(
  path: (string | number)[],
  code: DefinitionCode,
  params: TextParams = {},
  severity: 'error' | 'warning' = 'error',
): DefinitionProblem {
  return { path, ...definitionText(code, params), severity };
}

export function hasErrors(problems: readonly DefinitionProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
