import { STRIP_COLOURS } from './bx/stripText.ts';
import { StripScreenSchema, type ParsedStripScreen } from './StripScreen.ts';

/** Every colour the card has, plus full-width CJK and digits: a technician sees dead rows or a missing colour at once. */
export function testPattern(width: number): ParsedStripScreen {
  const blocks = STRIP_COLOURS.map((colour) => ({ text: '■', colour }));
  return StripScreenSchema.parse({
    lines: [
      { runs: blocks },
      { runs: [{ text: width >= 160 ? '测试 0123456789' : '测试0123', colour: 'green' }] },
    ],
  });
}
