// Measures a recording the way a listener would judge it: how long it is, how much silence is at
// each end and the longest pause inside, decoded by sox (any format sox reads) to 16 kHz mono PCM.
import { execFileSync } from 'node:child_process';

export interface AudioMeasure {
  seconds: number;
  leadingSilence: number;
  trailingSilence: number;
  /** Longest run of silence between two sounds. */
  longestGap: number;
  /** Fraction of 10 ms frames that are silent. */
  silentShare: number;
  peakDb: number;
}

const RATE = 16_000;
const FRAME = RATE / 100;

/** `threshold` is the level under which a 10 ms frame counts as silent (dBFS RMS). */
export function measureAudio(file: string, threshold = -40): AudioMeasure {
  const pcm = execFileSync('sox', [file, '-t', 'raw', '-r', String(RATE), '-c', '1', '-e', 'signed', '-b', '16', '-L', '-'], { maxBuffer: 64 * 1024 * 1024 });
  const samples = new Int16Array(pcm.buffer, pcm.byteOffset, Math.floor(pcm.byteLength / 2));
  const frames: boolean[] = [];
  let peak = 0;
  for (let i = 0; i + FRAME <= samples.length; i += FRAME) {
    let sum = 0;
    for (let j = i; j < i + FRAME; j++) {
      const v = (samples[j] as number) / 32768;
      sum += v * v;
      peak = Math.max(peak, Math.abs(v));
    }
    const db = 10 * Math.log10(sum / FRAME + 1e-12);
    frames.push(db < threshold);
  }
  const first = frames.indexOf(false);
  const last = frames.lastIndexOf(false);
  let longest = 0;
  let run = 0;
  for (let i = Math.max(first, 0); i <= last; i++) {
    run = frames[i] ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const silent = frames.filter(Boolean).length;
  return {
    seconds: samples.length / RATE,
    leadingSilence: first < 0 ? frames.length / 100 : first / 100,
    trailingSilence: last < 0 ? frames.length / 100 : (frames.length - 1 - last) / 100,
    longestGap: longest / 100,
    silentShare: frames.length ? silent / frames.length : 1,
    peakDb: 20 * Math.log10(peak + 1e-12),
  };
}
