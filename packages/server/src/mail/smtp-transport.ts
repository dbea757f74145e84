import type * as Nodemailer from 'nodemailer';
import { lazyDependency } from '../lazy-dependency.js';
import { type MailTransport, toNodemailerMessage } from './transport.js';

const nodemailer = lazyDependency<typeof Nodemailer>('nodemailer');

export interface SmtpTransportOptions {
  /** `smtp://user:pass@host:port` or `smtps://…` (implicit TLS). */
  url: string;
  from: string;
}

/**
 * Sends over SMTP. Timeouts are shorter than nodemailer's (minutes): a send runs under the outbox
 * lease, and a hung server should become a retry rather than hold the dispatcher.
 */
export function createSmtpTransport({ url, from }: SmtpTransportOptions): MailTransport {
  let transporter: Nodemailer.Transporter | undefined;
  return {
    kind: 'smtp',
    async send(mail) {
      if (mail.to.length === 0) throw new Error('the message has no recipient');
      transporter ??= nodemailer().createTransport({
        url,
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      });
      await transporter.sendMail(toNodemailerMessage(mail, from));
    },
    close: () => transporter?.close(),
  };
}
