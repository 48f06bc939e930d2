// The host's side of voice guidance (语音导航, always in elder mode): the renderer decides what to
// say on each screen and asks; the host says it through the kiosk's voice without making the
// citizen's screen wait for the speakers.
import type { BridgeHandlers } from '@hallkit/host';
import type { KioskContract } from '../../contract.ts';
import type { Voice } from './Voice.ts';

export function voiceGuidance(voice: Voice): Pick<BridgeHandlers<KioskContract>, 'speak'> {
  return {
    speak: ({ text, language }) => {
      void voice.speak({ text, language, at: Date.now() });
      return { ok: true };
    },
  };
}
