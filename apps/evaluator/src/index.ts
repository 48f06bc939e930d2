// @hallkit/evaluator: the window pad that asks citizens to rate each service (好差评, 一次一评).
export { evaluatorContract, PadViewSchema, type PadView, type EvaluatorContract } from './contract.ts';
