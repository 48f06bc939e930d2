export * from './idNumber.ts';
export * from './documentValidity.ts';
