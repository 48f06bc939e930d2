import { z } from 'zod';

/**
 * The five 好差评 levels, best first. Our identifiers are words, never numbers, because the
 * national standard and some provincial interfaces number them in opposite directions.
 */
export const EVALUATION_LEVELS = [
  'very-satisfied',
  'satisfied',
  'basically-satisfied',
  'dissatisfied',
  'very-dissatisfied',
] as const;
export type EvaluationLevel = (typeof EVALUATION_LEVELS)[number];
export const EvaluationLevelSchema = z.enum(EVALUATION_LEVELS);

export const LEVEL_LABEL_ZH: Record<EvaluationLevel, string> = {
  'very-satisfied': '非常满意',
  satisfied: '满意',
  'basically-satisfied': '基本满意',
  dissatisfied: '不满意',
  'very-dissatisfied': '非常不满意',
};

/** 不满意 and 非常不满意 are 差评: they need a reason and open a follow-up case. */
export function isBadReview(level: EvaluationLevel): boolean {
  return level === 'dissatisfied' || level === 'very-dissatisfied';
}

/** 满意 counts toward the satisfaction rate as 非常满意 + 满意 + 基本满意 over all rated services. */
export function isSatisfied(level: EvaluationLevel): boolean {
  return !isBadReview(level);
}

/** GB/T 39046 numbering: 1 = 非常满意 … 5 = 非常不满意. */
export function toNationalCode(level: EvaluationLevel): 1 | 2 | 3 | 4 | 5 {
  return (EVALUATION_LEVELS.indexOf(level) + 1) as 1 | 2 | 3 | 4 | 5;
}

export function fromNationalCode(code: number): EvaluationLevel {
  const level = EVALUATION_LEVELS[code - 1];
  if (!Number.isInteger(code) || level === undefined)
    throw new RangeError(`not a national evaluation code: ${code}`);
  return level;
}

/** Interfaces that number the other way (5 = 非常满意 … 1 = 非常不满意). Named, so nobody guesses. */
export function toReversedCode(level: EvaluationLevel): 1 | 2 | 3 | 4 | 5 {
  return (5 - EVALUATION_LEVELS.indexOf(level)) as 1 | 2 | 3 | 4 | 5;
}

export function fromReversedCode(code: number): EvaluationLevel {
  return fromNationalCode(6 - code);
}
