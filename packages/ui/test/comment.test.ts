// The one comment component of the pad and the kiosk's rating point: the words its pinyin keyboard
// offers whole; the pad (apps/evaluator CommentInput) and the kiosk (rating/CommentBox) both bind it.
import { describe, expect, it } from 'vitest';
import { BAD_REVIEW_REASONS } from '@hallkit/core';
import { createPinyinIndex } from '../src/keyboard/pinyinIndex.ts';
import { COMMENT_WORDS } from '../src/comment/commentWords.ts';

const index = createPinyinIndex({ phrases: COMMENT_WORDS });
const first = (pinyin: string) => index.candidates(pinyin)[0]?.text;

describe('the shared comment box', () => {
  it('offers the hall\'s comment words before single characters', () => {
    expect(first('taidu')).toBe('态度');
    expect(first('paidui')).toBe('排队');
    expect(first('yicixinggaozhi')).toBe('一次性告知');
    expect(first('denglehenjiu')).toBe('等了很久');
    // Initials too, as an IME does: gzry → 工作人员.
    expect(first('gzry')).toBe('工作人员');
  });

  it('offers the national reasons\' labels and the words inside them', () => {
    for (const label of Object.values(BAD_REVIEW_REASONS)) expect(COMMENT_WORDS).toContain(label);
    expect(index.candidates('banshizhinan').map((c) => c.text).slice(0, 2)).toContain('办事指南');
  });
});
