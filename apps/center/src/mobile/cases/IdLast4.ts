// The second factor of a phone's progress look-up and mailing request: the last four characters of
// the applicant's ID number (on their card, not on anything a stranger can walk through).
import { z } from 'zod';

export const IdLast4 = z.string().trim().regex(/^[0-9]{3}[0-9Xx]$/, 'the last 4 characters of the ID number');
