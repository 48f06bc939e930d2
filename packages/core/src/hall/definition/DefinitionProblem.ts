/**
 * One thing wrong with a hall definition or a change to it, at the field it concerns, in the
 * admin's language. `error` stops a save or an import; `warning` is shown and allowed.
 */
export interface DefinitionProblem {
  /** Where in the definition: ['windows', 4, 'categoryIds']. */
  path: (string | number)[];
  message: string;
  severity: 'error' | 'warning';
  /** A line the change would strand: the console offers to move these tickets to another category. */
  stranded?: { categoryId: string; waiting: number };
}

export function problem(
  path: (string | number)[],
  message: string,
  severity: 'error' | 'warning' = 'error',
): DefinitionProblem {
  return { path, message, severity };
}

export function hasErrors(problems: readonly DefinitionProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
