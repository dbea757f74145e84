import { rm } from 'node:fs/promises';
import type { Topic } from '@carezone/contract';
import type { Logger } from '../logger.js';
import type { Storage } from '../storage/storage.js';
import type { ZoneDirectory } from '../zones/zone-directory.js';
import { createOutboxDispatcher, type DispatcherOptions } from './dispatcher.js';
import { createFolderTransport } from './folder-transport.js';
import type { MailSettings } from './mail-settings.js';
import { createSmtpTransport } from './smtp-transport.js';
import type { MailTransport } from './transport.js';

export function createMailTransport(settings: MailSettings): MailTransport {
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
}

/** The outbox dispatcher of a running server, over SMTP or into a folder as configured. */
export function startMailDelivery({ settings, logger, ...options }: MailDeliveryOptions): MailDelivery {
  const transport = createMailTransport(settings);
  // The SMTP URL may hold a password: only its kind is logged.
  logger.info(
    transport.kind === 'folder' ? { mail: 'folder', dir: settings.dir } : { mail: 'smtp' },
    'mail delivery ready',
  );
  const dispatcher = createOutboxDispatcher({ ...options, inboxes: settings.inboxes, transport, logger });
  dispatcher.start();
  return {
    nudge: () => dispatcher.nudge(),
    async stop() {
      await dispatcher.stop();
      transport.close();
      if (settings.throwawayDir) await rm(settings.dir, { recursive: true, force: true });
    },
  };
}
