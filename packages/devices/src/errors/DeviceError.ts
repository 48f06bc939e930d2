/** Why a device call failed; the host shows these as states, never as crashes. */
export type DeviceErrorCode =
  | 'offline' // the device does not answer or its port is gone
  | 'timeout' // a single request went unanswered in time
  | 'busy' // claimed by someone else, or a job is already running
  | 'not-claimed' // use before claim()
  | 'not-enabled' // use before enable()
  | 'closed' // use before open()
  | 'not-found' // no port / HID device matches the configured path or vendor/product id
  | 'protocol' // a reply that cannot be parsed (bad checksum, truncated frame)
  | 'job-failed' // a print job stopped part way; see PrintJob for where
  | 'no-card' // the ID-card reader has no card on it
  | 'rejected' // the device refused the command (an LED controller's NACK; details.nack says why)
  | 'config'; // the device config is invalid

export class DeviceError extends Error {
  override readonly name = 'DeviceError';
  constructor(
    readonly code: DeviceErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export function isDeviceError(e: unknown, code?: DeviceErrorCode): e is DeviceError {
  return e instanceof DeviceError && (code === undefined || e.code === code);
}
