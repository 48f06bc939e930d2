// Public surface of the caller-display app for its host, tests and packaging.
export * from './contract.ts';
export * from './board/BoardConfig.ts';
export * from './board/BoardState.ts';
export * from './board/BoardModel.ts';
