import type { CardPhoto } from './IdCard.ts';

/**
 * Turns the card's WLT photo into an image. WLT is proprietary: the decoder comes from the reader
 * vendor's SDK and is plugged in by the host (`new IdCardReader(t, { photoDecoder })`).
 */
export interface PhotoDecoder {
  decode(photo: CardPhoto): Promise<{ mime: 'image/bmp' | 'image/png' | 'image/jpeg'; bytes: Uint8Array }>;
}
