// "Loudly": a chime through Web Audio and a vibration where the browser allows it. Browsers only
// let a page make sound after a touch, so the page offers a button that unlocks audio first.
let ctx: AudioContext | undefined;

export function unlockAudio(): boolean {
  try {
    ctx ??= new AudioContext();
    void ctx.resume();
    return true;
  } catch {
    return false;
  }
}

/** Three rising tones and a vibration pattern; counted on window for tests and diagnostics. */
export function alertCalled(): void {
  const w = window as Window & { __hkAlerts?: number };
  w.__hkAlerts = (w.__hkAlerts ?? 0) + 1;
  try {
    navigator.vibrate?.([400, 150, 400, 150, 400]);
  } catch {
    // Not every browser has vibration (iOS Safari): the banner and the title still flash.
  }
  if (!ctx) return;
  const t0 = ctx.currentTime;
  [660, 880, 1100].forEach((f, i) => {
    if (!ctx) return;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = f;
    gain.gain.setValueAtTime(0.0001, t0 + i * 0.35);
    gain.gain.exponentialRampToValueAtTime(0.6, t0 + i * 0.35 + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + i * 0.35 + 0.3);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0 + i * 0.35);
    osc.stop(t0 + i * 0.35 + 0.32);
  });
}
