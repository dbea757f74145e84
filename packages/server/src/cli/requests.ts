import { commandGroup } from './command-group.js';
import { requestsExportCommand } from './requests-export.js';
import { requestsPurgeCommand } from './requests-purge.js';

/** `carezone requests export|purge …` */
export const requestsCommand = commandGroup('requests', {
  export: requestsExportCommand,
  purge: requestsPurgeCommand,
});
