import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.js';
import * as newsOrderAndSources from './0002-news-order-and-sources.js';
import * as newsStaffDecisions from './0003-news-staff-decisions.js';
import * as rateLimits from './0004-rate-limits.js';
import * as possibleSpam from './0005-possible-spam.js';
import * as staffSessions from './0006-staff-sessions.js';
import * as historyBy from './0007-history-by.js';
import * as requestSearch from './0008-request-search.js';

/**
 * Listed in code rather than found by scanning a folder, so the same list runs from `src/`
 * (tsx) and from `dist/`, and a bundler cannot drop a migration. Append only; never rename.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_initial': initial,
  '0002_news_order_and_sources': newsOrderAndSources,
  '0003_news_staff_decisions': newsStaffDecisions,
  '0004_rate_limits': rateLimits,
  '0005_possible_spam': possibleSpam,
  '0006_staff_sessions': staffSessions,
  '0007_history_by': historyBy,
  '0008_request_search': requestSearch,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
