import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
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

/** `.<name>.eml.<12 hex>.tmp`: the temporary name `send` writes a message under before renaming it. */
const UNFINISHED = /^\.[A-Za-z0-9_-]+\.eml\.[0-9a-f]{12}\.tmp$/;

function temporaryName(mail: Pick<OutgoingMail, 'id'>): string {
  // A leading dot keeps the unfinished file out of `*.eml` globs.
  return `.${emlFileName(mail)}.${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * Removes what a writer killed between `open` and `rename` (SIGKILL, power loss) left behind: files
 * that hold the personal data of half a message and that nobody would ever finish or read. Only
 * names `send` makes are touched; whatever else an operator keeps in the folder stays.
 */
async function removeUnfinished(dir: string): Promise<number> {
  const names = (await readdir(dir)).filter((name) => UNFINISHED.test(name));
  await Promise.all(names.map((name) => rm(join(dir, name), { force: true })));
  return names.length;
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

export interface FolderTransport extends MailTransport {
  readonly kind: 'folder';
  /**
   * Creates the folder and removes the unfinished files a killed writer left (`removed` counts
   * them). Done once, before the first message is written: delivery calls it at start so those
   * files go even when there is nothing to send, and `send` waits for it, so the sweep never
   * takes a file this process is writing.
   */
  prepare(): Promise<{ removed: number }>;
}

/**
 * Without SMTP, each message becomes `<outbox id>.eml` (RFC 5322, CRLF line ends) in a folder an
 * operator can open with any mail reader. Written to a temporary name, flushed to disk, then
 * renamed: a reader never sees half a message, and a redelivery after a crash replaces the file
 * instead of adding a second one. Files (temporary ones included: they are opened with mode 600)
 * and folder are private to the server's user: they hold personal data.
 */
export function createFolderTransport({ dir, from }: FolderTransportOptions): FolderTransport {
  // Composes the message (MIME, encodings) without sending it; made at the first message.
  let composer: ReturnType<typeof composerOf> | undefined;
  let folderReady: Promise<{ removed: number }> | undefined;
  const prepare = () => {
    folderReady ??= (async () => {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      return { removed: await removeUnfinished(dir) };
    })().catch((error: unknown) => {
      folderReady = undefined; // try again on the next message: the operator may fix it
      throw error;
    });
    return folderReady;
  };
  return {
    kind: 'folder',
    prepare,
    async send(mail) {
      await prepare();
      composer ??= composerOf();
      const { message } = await composer.sendMail(toNodemailerMessage(mail, from));
      const target = join(dir, emlFileName(mail));
      const temporary = join(dir, temporaryName(mail));
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
