// Entry of the inbox's script (`/inbox/assets/inbox-<hash>.js`): defines the inbox's tags and
// `<carezone-news>` for the preview, each only if it is free.
import { CarezoneNews } from '@carezone/widgets';
import { CarezoneInbox } from './app/inbox-app.js';
import { InboxNewsEditor } from './views/news-editor.js';
import { InboxNewsList } from './views/news-list.js';
import { InboxNotFound } from './views/not-found.js';
import { InboxRequestDetail } from './views/request-detail.js';
import { InboxRequestList } from './views/request-list.js';
import { InboxSignIn } from './views/sign-in.js';

const TAGS: [string, CustomElementConstructor][] = [
  ['carezone-news', CarezoneNews],
  ['carezone-inbox-sign-in', InboxSignIn],
  ['carezone-inbox-requests', InboxRequestList],
  ['carezone-inbox-request', InboxRequestDetail],
  ['carezone-inbox-news', InboxNewsList],
  ['carezone-inbox-news-editor', InboxNewsEditor],
  ['carezone-inbox-not-found', InboxNotFound],
  ['carezone-inbox', CarezoneInbox],
];

for (const [tag, element] of TAGS) {
  if (!customElements.get(tag)) customElements.define(tag, element);
  else if (customElements.get(tag) !== element)
    console.warn(`Carezone inbox: <${tag}> is defined already; the first is kept.`);
}
