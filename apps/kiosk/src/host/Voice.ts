// What the kiosk says aloud in elder mode. The host's voice is swappable: a recorder (tests, and a
// log of what was said), pre-synthesised clips or a TTS engine on a real kiosk.
export interface Utterance {
  text: string;
  language: string;
  at: number;
}

export interface Voice {
  speak(u: Utterance): void | Promise<void>;
}

/** Keeps the last utterances (for tests and the technician screen) and logs them. */
export class RecordingVoice implements Voice {
  readonly said: Utterance[] = [];
  constructor(private readonly log: (line: string) => void = () => undefined) {}
  speak(u: Utterance): void {
    this.said.push(u);
    if (this.said.length > 200) this.said.shift();
    this.log(`voice (${u.language}): ${u.text}`);
  }
}
