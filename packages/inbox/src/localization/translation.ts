import type { SessionRequestStatus } from '@carezone/sdk';

export type MailKind = 'team' | 'confirmation' | 'requester-update';
export type MailState = 'queued' | 'sent' | 'failing';

/** Every text of the inbox, one object per language (`nl.ts`, `fr.ts`, `en.ts`, `de.ts`). */
export interface InboxTranslation {
  /** The page's `<title>` and the banner's name. */
  appTitle: string;
  /** Names the main navigation. */
  navigation: string;
  navRequests: string;
  navNews: string;
  /** The language switch. */
  language: string;
  /** Who is signed in: the token's label, and its zone's name (or `allZones`). */
  signedInAs: (label: string, zone: string) => string;
  allZones: string;
  signOut: string;
  loading: string;
  retry: string;
  notFoundTitle: string;
  notFoundText: string;

  signInTitle: string;
  signInIntro: string;
  tokenLabel: string;
  tokenHint: string;
  signIn: string;
  signedOut: string;
  sessionEnded: string;

  /** Errors by what went wrong; `rateLimited` gets the minutes to wait, when the server said. */
  errors: {
    badToken: string;
    rateLimited: (minutes: number | undefined) => string;
    network: string;
    timeout: string;
    forbidden: string;
    notFound: string;
    conflict: string;
    validation: (fields: string) => string;
    unavailable: string;
    unexpected: string;
  };

  requestsTitle: string;
  filters: string;
  status: string;
  anyStatus: string;
  statuses: Readonly<Record<SessionRequestStatus, string>>;
  topic: string;
  anyTopic: string;
  receivedFrom: string;
  receivedTo: string;
  search: string;
  searchHint: string;
  zone: string;
  applyFilters: string;
  clearFilters: string;
  exportCsv: string;
  /** The live region and the line above the list. */
  results: (count: number, more: boolean) => string;
  noRequests: string;
  loadMore: string;
  added: (count: number) => string;
  received: string;
  reference: string;
  possibleSpam: string;

  backToRequests: string;
  /** The heading of a request's page. */
  requestTitle: (organisation: string) => string;
  organisation: string;
  organisationKind: string;
  organisationKinds: Readonly<Record<string, string>>;
  contact: string;
  contactName: string;
  email: string;
  phone: string;
  session: string;
  topics: string;
  otherTopic: string;
  format: string;
  formats: Readonly<Record<string, string>>;
  preferredPeriod: string;
  participants: string;
  sessionLanguage: string;
  sessionLanguages: Readonly<Record<string, string>>;
  formLanguage: string;
  message: string;
  updated: string;
  notGiven: string;
  spamNotice: string;
  confirmNotSpam: string;
  confirmedNotSpam: string;

  history: string;
  /** Who made a change: a token's label, or the requester for "received". */
  by: (label: string) => string;
  byRequester: string;
  mails: string;
  mailKinds: Readonly<Record<MailKind, string>>;
  mailStates: Readonly<Record<MailState, string>>;
  attempts: (count: number) => string;
  noMails: string;

  changeStatus: string;
  newStatus: string;
  note: string;
  noteHint: string;
  noteToRequester: string;
  notifyRequester: string;
  /** Planned and declined always reach the requester. */
  alwaysNotified: string;
  saveStatus: string;
  statusChanged: (status: string) => string;
  closed: string;

  newsTitle: string;
  newsIntro: string;
  zoneNews: string;
  newItem: string;
  edit: string;
  delete: string;
  confirmDelete: (title: string) => string;
  deleted: (title: string) => string;
  noNews: string;
  sharedItem: string;
  undated: string;

  newItemTitle: string;
  editItemTitle: string;
  itemTitle: string;
  summary: string;
  summaryHint: string;
  body: string;
  bodyHint: string;
  itemLanguage: string;
  author: string;
  sourceUrl: string;
  itemZone: string;
  save: string;
  saved: string;
  published: string;
  cancel: string;
  preview: string;
  previewHint: string;
  languages: Readonly<Record<'nl' | 'fr' | 'en' | 'de', string>>;
}
