import type { Language } from '@carezone/contract';
import type { SendMailOptions } from 'nodemailer';

/** One e-mail ready to go, built from one outbox row. */
export interface OutgoingMail {
  /**
   * The outbox row's id. It names the `.eml` file and makes the Message-ID, so a message sent
   * again after a crash overwrites its file and can be recognised as a duplicate by mail readers.
   */
  id: string;
  /** Empty only for a zone with no known inbox, which only a folder transport accepts. */
  to: string[];
  replyTo?: string[] | undefined;
  language: Language;
  subject: string;
  text: string;
  html: string;
}

export interface MailTransport {
  /** `smtp` sends; `folder` writes `.eml` files for an operator (no SMTP configured). */
  readonly kind: 'smtp' | 'folder';
  /** Resolves once the message is handed over (SMTP accepted it, or the file is renamed in place). */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The domain of the sender address, for Message-IDs that are unique to this deployment. */
function senderDomain(from: string): string {
  return /@([^\s<>@]+)>?\s*$/.exec(from)?.[1] ?? 'carezone.invalid';
}

/** What nodemailer composes into an RFC 5322 message, for either transport. */
export function toNodemailerMessage(mail: OutgoingMail, from: string): SendMailOptions {
  return {
    from,
    to: mail.to,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: `<${mail.id}@${senderDomain(from)}>`,
    headers: {
      // RFC 3834: out-of-office replies and autoresponders must not answer this message.
      'Auto-Submitted': 'auto-generated',
      'Content-Language': mail.language,
    },
  };
}
