import { LANGUAGES, type Language } from '@carezone/sdk';
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { INBOX_TRANSLATIONS } from '../localization/translations.js';
import { fakeServer, NETWORK_SESSION, REQUEST } from '../test-helpers/fake-server.js';
import { mountView, shown, textOf } from '../test-helpers/mount.js';

/** Every view, mounted and loaded as the inbox shows it; `ready` is what shows once it has loaded. */
const VIEWS = [
  {
    tag: 'carezone-inbox-sign-in',
    ready: 'form',
    heading: (t: (typeof INBOX_TRANSLATIONS)['nl']) => t.signInTitle,
  },
  {
    tag: 'carezone-inbox-requests',
    ready: 'ul.requests',
    heading: (t: (typeof INBOX_TRANSLATIONS)['nl']) => t.requestsTitle,
  },
  {
    tag: 'carezone-inbox-request',
    ready: 'form',
    props: { requestId: REQUEST.id },
    heading: (t: (typeof INBOX_TRANSLATIONS)['nl']) => t.requestTitle(REQUEST.request.organisation.name),
  },
  {
    tag: 'carezone-inbox-news',
    ready: 'ul.news',
    heading: (t: (typeof INBOX_TRANSLATIONS)['nl']) => t.newsTitle,
  },
  {
    tag: 'carezone-inbox-news-editor',
    ready: 'form',
    props: { itemId: undefined },
    heading: (t: (typeof INBOX_TRANSLATIONS)['nl']) => t.newItemTitle,
  },
  {
    tag: 'carezone-inbox-not-found',
    ready: 'h1',
    heading: (t: (typeof INBOX_TRANSLATIONS)['nl']) => t.notFoundTitle,
  },
] as const;

describe('every view of the inbox', () => {
  for (const view of VIEWS) {
    for (const language of LANGUAGES as readonly Language[]) {
      it(`<${view.tag}> is accessible in ${language}, its texts in ${language}`, async () => {
        const { api } = fakeServer();
        const el = await mountView(view.tag, { api, language, props: 'props' in view ? view.props : {} });
        await shown(el, view.ready);
        const t = INBOX_TRANSLATIONS[language];
        expect(textOf(el.shadowRoot?.querySelector('h1'))).to.equal(view.heading(t));
        await expect(el).to.be.accessible();
      });
    }
  }

  it('a network session gets a zone filter, accessible too', async () => {
    const { api } = fakeServer(undefined, NETWORK_SESSION);
    const el = await mountView('carezone-inbox-requests', { api, session: NETWORK_SESSION });
    await shown(el, 'ul.requests');
    const zone = el.shadowRoot?.querySelector<HTMLSelectElement>('#f-zone');
    expect(zone).to.exist;
    expect([...(zone?.options ?? [])].map((option) => option.textContent?.trim())).to.deep.equal([
      INBOX_TRANSLATIONS.en.allZones,
      'South',
      'North',
    ]);
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px wide screen without scrolling sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      for (const view of VIEWS) {
        const { api } = fakeServer();
        const el = await mountView(view.tag, {
          api,
          language: 'fr',
          props: 'props' in view ? view.props : {},
        });
        await shown(el, view.ready);
        expect(el.scrollWidth, view.tag).to.be.at.most(320);
        expect(document.documentElement.scrollWidth, view.tag).to.be.at.most(320);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
