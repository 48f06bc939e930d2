import type { EvaluationLevel } from '@hallkit/core';

// A face per level (drawn, not an emoji: a pad may have no colour-emoji font).
const MOUTH: Record<EvaluationLevel, string> = {
  'very-satisfied': 'M30 60 Q50 82 70 60',
  satisfied: 'M32 62 Q50 74 68 62',
  'basically-satisfied': 'M34 66 L66 66',
  dissatisfied: 'M32 70 Q50 60 68 70',
  'very-dissatisfied': 'M30 74 Q50 54 70 74',
};

export function LevelFace({ level, size = 96 }: { level: EvaluationLevel; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 100 100" aria-hidden="true">
      <circle cx="50" cy="50" r="44" fill="none" stroke="currentColor" strokeWidth="6" />
      <circle cx="36" cy="40" r="6" fill="currentColor" />
      <circle cx="64" cy="40" r="6" fill="currentColor" />
      <path d={MOUTH[level]} fill="none" stroke="currentColor" strokeWidth="6" strokeLinecap="round" />
    </svg>
  );
}
