// A ticket's QR code scanned at the kiosk: with or without the center's QR mark it names the ticket.
import { describe, expect, it } from 'vitest';
import { ticketTokenOf } from '../../src/wire/requeueRequests.ts';

describe('ticketTokenOf', () => {
  const token = 'AbCdEfGhIjKlMnOp_-12';
  it('reads the token of the follow URL, with the QR mark of the printed code or without', () => {
    expect(ticketTokenOf(`http://hall.example/m/t/${token}`)).toBe(token);
    expect(ticketTokenOf(`http://hall.example/m/t/${token}/`)).toBe(token);
    expect(ticketTokenOf(`http://hall.example/m/t/${token}?q=Zx9-_aB3cD4eF5gH`)).toBe(token);
  });
  it('refuses anything else', () => {
    expect(ticketTokenOf('3M15YRZ2')).toBeNull();
    expect(ticketTokenOf(`http://hall.example/m/t/${token}?other=1`)).toBeNull();
    expect(ticketTokenOf(`http://hall.example/m/t/short`)).toBeNull();
  });
});
