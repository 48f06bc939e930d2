// What a BX card would show: its dynamic areas decoded into text with colours, its brightness and
// clock, and what it said. The simulator applies commands here; tests and the demo read it.
import type { DynamicArea, DynamicAreaCommand } from '../../ledstrip/bx/dynamicArea.ts';
import { decodeSpeech, decodeStripText, stripPlainText, type DecodedStripText } from '../../ledstrip/bx/stripText.ts';

export interface ShownArea {
  area: Omit<DynamicArea, 'text' | 'voice'>;
  text: DecodedStripText;
}

export class VirtualStrip {
  readonly areas = new Map<number, ShownArea>();
  brightness = 15;
  clock: { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number } | undefined;
  /** Grows with every change: a page polls it to redraw. */
  revision = 0;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  /** Applies A3 06; returns what the card said (voice models) and problems in the text. */
  apply(c: DynamicAreaCommand, now = new Date()): { spoke: string[]; problems: string[] } {
    if (c.clearFirst || c.deleteAreas === 'all') this.areas.clear();
    else for (const id of c.deleteAreas) this.areas.delete(id);
    const spoke: string[] = [];
    const problems: string[] = [];
    for (const a of c.areas) {
      const { text, voice, ...geometry } = a;
      const decoded = decodeStripText(text, now);
      problems.push(...decoded.problems.map((p) => `area ${a.id}: ${p}`));
      if (a.x + a.width > this.width || a.y + a.height > this.height) problems.push(`area ${a.id} (${a.x},${a.y} ${a.width}×${a.height}) is outside the ${this.width}×${this.height} strip`);
      this.areas.set(a.id, { area: geometry, text: decoded });
      if (voice && voice.text.length > 0) spoke.push(decodeSpeech(voice.text));
    }
    this.revision++;
    return { spoke, problems };
  }

  clear(): void {
    this.areas.clear();
    this.revision++;
  }

  /** The strip as a person reads it: areas top to bottom, their lines joined by '\n'. */
  text(): string {
    return [...this.areas.values()]
      .sort((a, b) => a.area.y - b.area.y || a.area.x - b.area.x)
      .map((a) => stripPlainText(a.text.lines.length ? a.text : { lines: [] }))
      .filter((t) => t.length > 0)
      .join('\n');
  }
}
