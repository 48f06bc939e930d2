// Broker user names the center keeps for itself: a device slot under one of them would, on an
// external Mosquitto, overwrite (enrol) or delete (revoke) the center's own password line.
/** `center` and `center-…` (the center's MQTT user and client ids), in any case. */
export function isReservedDeviceId(id: string): boolean {
  return /^center($|-)/i.test(id);
}

export class ReservedDeviceIdError extends Error {
  constructor(id: string) {
    super(`device id "${id}" is reserved for the center`);
  }
}
