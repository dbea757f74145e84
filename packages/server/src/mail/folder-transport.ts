import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type * as Nodemailer from 'nodemailer';
import { lazyDependency } from '../lazy-dependency.js';
import { type MailTransport, type OutgoingMail, toNodemailerMessage } from './transport.js';

const nodemailer = lazyDependency<typeof Nodemailer>('nodemailer');
const composerOf = () =>
  nodemailer().createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

export interface FolderTransportOptions {
  dir: string;
  from: string;
}

/** Outbox ids are UUIDs; anything else is reduced to a safe file name rather than trusted. */
export function emlFileName(mail: Pick<OutgoingMail, 'id'>): string {
  return `${mail.id.replace(/[^A-Za-z0-9_-]/g, '_')}.eml`;
}

/** The rename itself reaches the disk only when the folder is flushed too. */
async function syncFolder(dir: string): Promise<void> {
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/**
 * Without SMTP, each message becomes `<outbox id>.eml` (RFC 5322, CRLF line ends) in a folder an
 * operator can open with any mail reader. Written to a temporary name, flushed to disk, then
 * renamed: a reader never sees half a message, and a redelivery after a crash replaces the file
 * instead of adding a second one. Files and folder are private to the server's user: they hold
 * personal data.
 */
export function createFolderTransport({ dir, from }: FolderTransportOptions): MailTransport {
  // Composes the message (MIME, encodings) without sending it; made at the first message.
  let composer: ReturnType<typeof composerOf> | undefined;
  let folderReady: Promise<unknown> | undefined;
  return {
    kind: 'folder',
    async send(mail) {
      folderReady ??= mkdir(dir, { recursive: true, mode: 0o700 }).catch((error: unknown) => {
        folderReady = undefined; // try again on the next message: the operator may fix it
        throw error;
      });
      await folderReady;
      composer ??= composerOf();
      const { message } = await composer.sendMail(toNodemailerMessage(mail, from));
      const target = join(dir, emlFileName(mail));
      // A leading dot keeps the unfinished file out of `*.eml` globs.
      const temporary = join(dir, `.${emlFileName(mail)}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        const file = await open(temporary, 'wx', 0o600);
        try {
          await file.writeFile(message as Buffer);
          await file.sync();
        } finally {
          await file.close();
        }
        await rename(temporary, target);
        await syncFolder(dir);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    close: () => composer?.close(),
  };
}
