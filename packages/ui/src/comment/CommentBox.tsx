// The optional comment of a rating, one component for the rating pad and the kiosk's rating point:
// a box that opens the on-screen keyboard (pinyin with the hall's comment words, letters, digits —
// neither device has a system IME) as a sheet over the bottom of the screen; the enter key closes it.
// Texts come from the app (its own i18n), so does the look beyond the base in comment.css.
import { useState, type ReactNode } from 'react';
import { OnScreenKeyboard, type KeyboardLabels } from '../keyboard/OnScreenKeyboard.tsx';
import { COMMENT_WORDS } from './commentWords.ts';
import './comment.css';

/** The rating record keeps at most this many characters of a comment. */
export const COMMENT_MAX_LENGTH = 200;

export interface CommentBoxProps {
  value: string;
  onChange: (value: string) => void;
  /** Shown in the empty box (「点此输入」). */
  placeholder: string;
  /** The sheet's accessible name (「补充说明」). */
  title: string;
  /** The keyboard's key labels in the user's language; `enter` closes the sheet. */
  labels: Partial<KeyboardLabels>;
  /** Elder mode: larger keys. */
  large?: boolean;
  /** Words offered first in pinyin mode; default: the hall's comment words. */
  phrases?: readonly string[];
  /** Extra class on the preview line (an app's own big-text style). */
  previewClassName?: string;
  /** data-testid of the box, the sheet and its preview (each app's tests keep their names). */
  testIds?: Partial<{ box: string; sheet: string; preview: string }>;
}

export function CommentBox(props: CommentBoxProps): ReactNode {
  const [open, setOpen] = useState(false);
  const ids = { box: 'comment-box', sheet: 'comment-keyboard', preview: 'comment-preview', ...props.testIds };
  return (
    <>
      <button type="button" className={`comment-box${props.value ? '' : ' empty'}`} data-testid={ids.box} onClick={() => setOpen(true)}>
        {props.value || props.placeholder}
      </button>
      {open ? (
        <div className="comment-sheet" role="dialog" aria-label={props.title} data-testid={ids.sheet}>
          <div className={`comment-preview ${props.previewClassName ?? ''}`} data-testid={ids.preview}>
            {props.value}
            <span className="caret" />
          </div>
          <OnScreenKeyboard
            value={props.value}
            onChange={props.onChange}
            onEnter={() => setOpen(false)}
            modes={['pinyin', 'letters', 'digits']}
            maxLength={COMMENT_MAX_LENGTH}
            phrases={props.phrases ?? COMMENT_WORDS}
            large={props.large ?? false}
            labels={props.labels}
          />
        </div>
      ) : null}
    </>
  );
}
