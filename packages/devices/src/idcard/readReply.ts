import { decodeCardText, PHOTO_BYTES, TEXT_BYTES, type TextDecodeResult } from './cardText.ts';

/**
 * Decodes the data of a successful `30 01` reply: textLen(2, BE) photoLen(2, BE) text photo.
 * Lengths that do not fit the frame are an error result, never a throw.
 */
export function decodeReadReply(data: Uint8Array): TextDecodeResult {
  if (data.length < 4) return { ok: false, error: `read reply data is ${data.length} bytes` };
  const textLen = ((data[0] as number) << 8) | (data[1] as number);
  const photoLen = ((data[2] as number) << 8) | (data[3] as number);
  if (textLen < TEXT_BYTES || 4 + textLen + photoLen > data.length) {
    return { ok: false, error: `read reply lengths text=${textLen} photo=${photoLen} do not fit ${data.length} bytes` };
  }
  const text = data.subarray(4, 4 + textLen);
  const photo = data.subarray(4 + textLen, 4 + textLen + photoLen);
  return decodeCardText(text, { format: 'wlt', bytes: Uint8Array.from(photo) });
}

export function encodeReadReplyData(text: Uint8Array, photo: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + text.length + photo.length);
  out[0] = text.length >> 8;
  out[1] = text.length & 0xff;
  out[2] = photo.length >> 8;
  out[3] = photo.length & 0xff;
  out.set(text, 4);
  out.set(photo, 4 + text.length);
  return out;
}

export { PHOTO_BYTES, TEXT_BYTES };
