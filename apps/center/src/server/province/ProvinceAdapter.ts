// How records leave the center for a province. The outbox decides when and in which order; an
// adapter only delivers records and says how each went — so a province with another transport
// (SOAP, a gateway SDK, SFTP) is one new adapter, not a new outbox.
import type { ProvinceRecord } from './ProvinceRecord.ts';

export type DeliveryResult =
  /** Taken (or already held: `duplicate`), with the receiver's receipt when it gives one. */
  | { ok: true; duplicate: boolean; receipt: string | undefined }
  /**
   * Not taken. `retry`: a passing fault (down, timeout, 5xx, 429); `refused`: this record was judged
   * wrong (it waits for the admin); `settings`: the hall's credentials or address are wrong (the feed
   * pauses for every record until fixed).
   */
  | { ok: false; kind: 'retry' | 'refused' | 'settings'; error: string };

export interface ProvinceAdapter {
  /** For the admin console and the log, e.g. `http-json → https://hcp.example.gov.cn/api`. */
  readonly describe: string;
  deliver(record: ProvinceRecord): Promise<DeliveryResult>;
  /**
   * Several records in one request (never two of one service: the outbox keeps their order), one
   * result per record in the same order — a receiver may take some and refuse others. A fault of the
   * whole request is that fault for each record. Absent: the outbox sends them one by one.
   */
  deliverBatch?(records: ProvinceRecord[]): Promise<DeliveryResult[]>;
}
