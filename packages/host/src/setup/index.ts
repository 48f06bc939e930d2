export * from './setupContract.ts';
export * from './DeviceIdentity.ts';
export * from './Enrolment.ts';
export * from './DeviceShell.ts';
export * from './networkCheck.ts';
export * from './technicianPin.ts';
export * from './TechnicianPinGuard.ts';
