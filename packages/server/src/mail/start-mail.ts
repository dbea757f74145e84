import { rm } from 'node:fs/promises';
import type { Topic } from '@carezone/contract';
import type { Logger } from '../logger.js';
import type { Storage } from '../storage/storage.js';
import type { ZoneDirectory } from '../zones/zone-directory.js';
import { createOutboxDispatcher, type DispatcherOptions } from './dispatcher.js';
import { createFolderTransport, type FolderTransport } from './folder-transport.js';
import type { MailSettings } from './mail-settings.js';
import { createSmtpTransport } from './smtp-transport.js';
import type { MailTransport } from './transport.js';

export function createMailTransport(settings: MailSettings): MailTransport | FolderTransport {
  return settings.smtpUrl === undefined
    ? createFolderTransport({ dir: settings.dir, from: settings.from })
    : createSmtpTransport({ url: settings.smtpUrl, from: settings.from });
}

export interface MailDelivery {
  /** Delivers what is due now instead of at the next poll. */
  nudge(): void;
  /** Finishes the message being sent, then stops; the rest waits in the outbox for the next start. */
  stop(): Promise<void>;
}

export interface MailDeliveryOptions
  extends Pick<DispatcherOptions, 'pollIntervalMs' | 'maxAttempts' | 'backoff'> {
  storage: Storage;
  directory: ZoneDirectory;
  logger: Logger;
  settings: MailSettings;
  topics: readonly Topic[];
  /** `CAREZONE_PUBLIC_URL`: the team's e-mail links to the request in the inbox under it. */
  publicUrl?: string | undefined;
}

/** The outbox dispatcher of a running server, over SMTP or into a folder as configured. */
export function startMailDelivery({ settings, logger, ...options }: MailDeliveryOptions): MailDelivery {
  const transport = createMailTransport(settings);
  // The SMTP URL may hold a password: only its kind is logged.
  logger.info(
    transport.kind === 'folder' ? { mail: 'folder', dir: settings.dir } : { mail: 'smtp' },
    'mail delivery ready',
  );
  // At start, not at the first message: what a killed server left half-written holds personal data
  // and should not wait for the next request to be swept. A failure here is retried by that send.
  const prepared =
    'prepare' in transport
      ? transport.prepare().then(
          ({ removed }) => {
            if (removed > 0)
              logger.info({ removed, dir: settings.dir }, 'mail folder: removed unfinished files');
          },
          (error: unknown) => logger.warn({ err: error, dir: settings.dir }, 'mail folder not ready'),
        )
      : undefined;
  const dispatcher = createOutboxDispatcher({ ...options, inboxes: settings.inboxes, transport, logger });
  dispatcher.start();
  return {
    nudge: () => dispatcher.nudge(),
    async stop() {
      await prepared;
      await dispatcher.stop();
      transport.close();
      if (settings.throwawayDir) await rm(settings.dir, { recursive: true, force: true });
    },
  };
}
