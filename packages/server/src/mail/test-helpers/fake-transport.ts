import type { MailTransport, OutgoingMail } from '../transport.js';

export interface FakeTransport extends MailTransport {
  /** Every message handed over successfully, in order. */
  readonly sent: OutgoingMail[];
  /** Every call, failed or not. */
  calls: number;
}

/**
 * A transport that records what it is given. `before` runs first on each call and may throw
 * (a refusing server) or wait (a slow one).
 */
export function fakeTransport(
  kind: MailTransport['kind'] = 'smtp',
  before: (mail: OutgoingMail, call: number) => Promise<void> | void = () => {},
): FakeTransport {
  const transport: FakeTransport = {
    kind,
    sent: [],
    calls: 0,
    async send(mail) {
      transport.calls++;
      await before(mail, transport.calls);
      transport.sent.push(mail);
    },
    close() {},
  };
  return transport;
}
