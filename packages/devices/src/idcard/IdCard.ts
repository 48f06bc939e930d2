import { maskIdNumber, maskName } from '../privacy/maskIdNumber.ts';

export type IdCardKind = 'resident' | 'hmt-permit' | 'foreign-permanent';

/**
 * The card photo exactly as the SAM module sent it (1024 bytes of WLT, a proprietary format).
 * Kept opaque: only a PhotoDecoder plug-in turns it into an image.
 */
export interface CardPhoto {
  format: 'wlt';
  bytes: Uint8Array;
}

/** A decoded ID card. Holds the full ID number: log or show it only through `describeCard`/`maskIdNumber`. */
export interface IdCard {
  kind: IdCardKind;
  /** Chinese name (for foreign permanent residents: the Chinese name if any, else the English one). */
  name: string;
  gender: '男' | '女' | '未知' | '未说明';
  /** 民族 for residents; nationality code (ISO 3166 alpha-3) for foreigners; '' for HMT permits. */
  nation: string;
  /** YYYY-MM-DD */
  birthDate: string;
  address: string;
  idNumber: string;
  /** 签发机关 (for foreign cards: the authority code). */
  authority: string;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD, or null for 长期 (valid long term). */
  validTo: string | null;
  photo: CardPhoto;
  /** Foreign permanent resident card only. */
  englishName?: string;
  /** Foreign permanent resident card only: the chip's card version field ('01' 2017 layout, '02' 2023). */
  cardVersion?: string;
  /** HMT residence permit only: 通行证号码 and 签发次数. */
  passNumber?: string;
  issueCount?: string;
}

/** One log-safe line about a card: never the full ID number or name, never the address. */
export function describeCard(card: IdCard): string {
  return `${card.kind} ${maskName(card.name)} ${maskIdNumber(card.idNumber)} valid ${card.validFrom}–${card.validTo ?? '长期'}`;
}
