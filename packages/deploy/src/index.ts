export * from './mosquittoConfig.ts';
export * from './electronBuilderConfig.ts';
