// A whole-number policy field: what is typed stays on screen, a wrong value is named at the field
// (and blocks saving) and only a valid number reaches the draft.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLICY_BOUNDS, type PolicyField } from '@hallkit/core';

export function PolicyNumberField(props: {
  field: PolicyField;
  testId: string;
  label: string;
  hint?: string;
  value: number | undefined;
  /** Empty allowed (the policy's default applies). */
  optional?: boolean;
  onValue: (v: number | undefined) => void;
  setInvalid: (key: string, reason: string | undefined) => void;
  serverProblems: string[];
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.value === undefined ? '' : String(props.value));
  const b = POLICY_BOUNDS[props.field];
  const reasonFor = (s: string): string | undefined => {
    if (s.trim() === '') return props.optional ? undefined : t('hallEditor.policies.range', b);
    if (!/^\d+$/.test(s.trim())) return t('hallEditor.policies.whole');
    const n = Number(s);
    return n < b.min || n > b.max ? t('hallEditor.policies.range', b) : undefined;
  };
  const reason = reasonFor(text);
  return (
    <label className="policy-field">
      <span>{props.label}</span>
      <input
        data-testid={props.testId}
        inputMode="numeric"
        value={text}
        aria-invalid={Boolean(reason) || props.serverProblems.length > 0}
        onChange={(e) => {
          setText(e.target.value);
          const r = reasonFor(e.target.value);
          props.setInvalid(`policy.${props.field}`, r);
          if (!r) props.onValue(e.target.value.trim() === '' ? undefined : Number(e.target.value));
        }}
      />
      <small className="hint">
        {props.hint ? `${props.hint} · ` : ''}
        {t('hallEditor.policies.range', b)}
      </small>
      {reason && (
        <span className="field-error" role="alert" data-testid={`${props.testId}-error`}>
          {reason}
        </span>
      )}
      {props.serverProblems.map((m, i) => (
        <span key={i} className="field-error" role="alert">
          {m}
        </span>
      ))}
    </label>
  );
}
