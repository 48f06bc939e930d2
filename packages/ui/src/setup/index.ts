export { SetupScreen, type SetupApi, type SetupState, type SetupCheck } from './SetupScreen.tsx';
export { DeviceStatusScreen } from './DeviceStatusScreen.tsx';
export { TechnicianEntry } from './TechnicianEntry.tsx';
export { SETUP_MESSAGES } from './messages.ts';
export { installSetupStyles } from './setupStyles.ts';
