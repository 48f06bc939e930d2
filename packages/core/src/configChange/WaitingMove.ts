import { z } from 'zod';

/**
 * The admin's choice when a change would strand a line: these waiting tickets of one category go to
 * another. The ticket ids are named so a replay moves exactly the tickets the live hall moved.
 */
export const WaitingMoveSchema = z.object({
  fromCategoryId: z.string().min(1),
  toCategoryId: z.string().min(1),
  ticketIds: z.array(z.string().min(1)).min(1),
});
export type WaitingMove = z.infer<typeof WaitingMoveSchema>;

/** What the admin asks for: the ids are filled in from the line at the moment of the change. */
export type WaitingMoveRequest = Pick<WaitingMove, 'fromCategoryId' | 'toCategoryId'>;
