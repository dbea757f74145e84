import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { InboxNavigateEvent } from '../events/inbox-events.js';
import { INBOX_TRANSLATIONS } from '../localization/translations.js';
import { CSRF, fakeServer, NETWORK_SESSION, NEWS_ITEM, problem } from '../test-helpers/fake-server.js';
import { mountView, shown, textOf } from '../test-helpers/mount.js';

const en = INBOX_TRANSLATIONS.en;

/** The text `<carezone-news>` shows in the preview. */
async function previewText(el: HTMLElement, title: string): Promise<string> {
  await waitUntil(
    () => {
      const news = el.shadowRoot?.querySelector('carezone-news');
      return textOf(news?.shadowRoot?.querySelector('[part~="title"]')) === title;
    },
    `the preview shows "${title}"`,
    { timeout: 3000 },
  );
  return textOf(el.shadowRoot?.querySelector('carezone-news')?.shadowRoot);
}

async function type(el: HTMLElement, selector: string, value: string) {
  const field = el.shadowRoot?.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  if (!field) throw new Error(`no ${selector}`);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<carezone-inbox-news>', () => {
  it('lists the zone’s news with links to edit them and to the zone’s public news', async () => {
    const { api, sent } = fakeServer();
    const el = await mountView('carezone-inbox-news', { api });
    await shown(el, 'ul.news');
    expect(
      sent.find((request) => request.url.pathname === '/v1/news')?.url.searchParams.get('zone'),
    ).to.equal('bxl-sud');
    // The public list may be cached for minutes: the inbox revalidates, to see its own changes.
    expect(sent.find((request) => request.url.pathname === '/v1/news')?.cache).to.equal('no-cache');
    const root = el.shadowRoot as ShadowRoot;
    expect(textOf(root.querySelector('.news h2'))).to.equal(NEWS_ITEM.title);
    expect(root.querySelector('.news h2')?.getAttribute('lang')).to.equal('nl');
    expect(root.querySelector('.news h2 a')?.getAttribute('href')).to.equal(`/inbox/news/${NEWS_ITEM.id}`);
    const zoneNews = [...root.querySelectorAll('a')].find((link) => textOf(link) === en.zoneNews);
    expect(zoneNews?.getAttribute('href')).to.equal('/embed/news?zone=bxl-sud&lang=en');
  });

  it('an item shared with other zones cannot be changed by a zone session', async () => {
    const { api } = fakeServer(({ url }) =>
      url.pathname === '/v1/news'
        ? { body: { data: [{ ...NEWS_ITEM, zones: ['bxl-sud', 'bxl-nord'] }], nextCursor: null } }
        : undefined,
    );
    const el = await mountView('carezone-inbox-news', { api });
    await shown(el, 'ul.news');
    expect(textOf(el.shadowRoot?.querySelector('.news .hint'))).to.equal(en.sharedItem);
    expect(el.shadowRoot?.querySelector('.news button')).to.equal(null);
  });

  it('deletes an item after a confirmation, with the CSRF token, and says so', async () => {
    const { api, sent } = fakeServer();
    const el = await mountView('carezone-inbox-news', { api });
    await shown(el, 'ul.news');
    const confirm = window.confirm;
    window.confirm = () => true;
    try {
      const announced = oneEvent(el, 'carezone-inbox-announce');
      el.shadowRoot?.querySelector<HTMLButtonElement>('.news button.danger')?.click();
      const said = await announced;
      expect((said as unknown as { message: string }).message).to.equal(en.deleted(NEWS_ITEM.title));
    } finally {
      window.confirm = confirm;
    }
    const deleted = sent.find((request) => request.method === 'DELETE');
    expect(deleted?.url.pathname).to.equal(`/v1/news/${NEWS_ITEM.id}`);
    expect(deleted?.headers.get('x-csrf-token')).to.equal(CSRF);
    await waitUntil(() => textOf(el.shadowRoot?.querySelector('.notice')) === en.noNews);
  });
});

describe('<carezone-inbox-news-editor>', () => {
  it('previews the item as <carezone-news> shows it, while it is typed', async () => {
    const { api } = fakeServer();
    const el = await mountView('carezone-inbox-news-editor', { api, props: { itemId: undefined } });
    await shown(el, 'form');
    await type(el, '#title', 'Nieuwe infosessie');
    await type(el, '#bodyHtml', '<p>Op <strong>14 maart</strong> in Vorst.</p><script>alert(1)</script>');
    await previewText(el, 'Nieuwe infosessie');
    await waitUntil(
      () => textOf(el.shadowRoot?.querySelector('carezone-news')?.shadowRoot).includes('South'),
      'the zone’s name shows',
    );
    const text = textOf(el.shadowRoot?.querySelector('carezone-news')?.shadowRoot);
    expect(text).not.to.contain('alert');
    // The summary is made from the text; the zone badge is the zone's name.
    expect(text).to.contain('Op 14 maart in Vorst.');
    expect(text).to.contain('South');
    await expect(el).to.be.accessible();
  });

  it('publishes a new item of the session’s zone with one POST, then opens it', async () => {
    const created = { ...NEWS_ITEM, id: 'new-item-id', title: 'Nieuwe infosessie' };
    const { api, sent } = fakeServer(({ method, url }) =>
      method === 'POST' && url.pathname === '/v1/news' ? { status: 201, body: created } : undefined,
    );
    const el = await mountView('carezone-inbox-news-editor', { api, props: { itemId: undefined } });
    await shown(el, 'form');
    await type(el, '#title', ' Nieuwe infosessie ');
    await type(el, '#bodyHtml', '<p>Op 14 maart.</p>');
    const navigated = oneEvent(el, 'carezone-inbox-navigate') as unknown as Promise<InboxNavigateEvent>;
    el.shadowRoot?.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const event = await navigated;
    expect(event.path).to.equal('/inbox/news/new-item-id');
    expect(event.options.replace).to.equal(true);
    const post = sent.find((request) => request.method === 'POST');
    expect(post?.body).to.deep.equal({
      title: 'Nieuwe infosessie',
      language: 'en',
      bodyHtml: '<p>Op 14 maart.</p>',
      zones: ['bxl-sud'],
    });
    expect(post?.headers.get('x-csrf-token')).to.equal(CSRF);
  });

  it('a network session chooses the zone of a new item', async () => {
    const { api, sent } = fakeServer(undefined, NETWORK_SESSION);
    const el = await mountView('carezone-inbox-news-editor', {
      api,
      session: NETWORK_SESSION,
      props: { itemId: undefined },
    });
    await shown(el, 'form');
    await type(el, '#title', 'Voor Noord');
    el.shadowRoot?.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    expect(textOf(await shown(el, '.error'))).to.equal(en.errors.validation(en.itemZone));
    expect(sent.filter((request) => request.method === 'POST')).to.have.length(0);
    const zone = el.shadowRoot?.querySelector<HTMLSelectElement>('#zone') as HTMLSelectElement;
    zone.value = 'bxl-nord';
    zone.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.shadowRoot?.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await waitUntil(() => sent.some((request) => request.method === 'POST'));
    expect(
      (sent.find((request) => request.method === 'POST')?.body as { zones?: string[] } | undefined)?.zones,
    ).to.deep.equal(['bxl-nord']);
  });

  it('edits an item: loads it into the form, saves with PATCH (emptied fields cleared), keeps the text when refused', async () => {
    let refuse = true;
    const { api, sent } = fakeServer(({ method }) =>
      method === 'PATCH'
        ? refuse
          ? problem(422, 'VALIDATION_FAILED', {
              errors: [{ path: 'bodyHtml', code: 'too_deep', message: 'too deep' }],
            })
          : { body: NEWS_ITEM }
        : undefined,
    );
    const el = await mountView('carezone-inbox-news-editor', { api, props: { itemId: NEWS_ITEM.id } });
    await shown(el, 'form');
    const title = el.shadowRoot?.querySelector<HTMLInputElement>('#title') as HTMLInputElement;
    expect(title.value).to.equal(NEWS_ITEM.title);
    await type(el, '#title', 'Infosessie diabetes in Vorst (nieuwe datum)');
    await type(el, '#summary', '');
    el.shadowRoot?.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    expect(textOf(await shown(el, '.error'))).to.equal(en.errors.validation(en.body));
    expect(title.value).to.equal('Infosessie diabetes in Vorst (nieuwe datum)');
    refuse = false;
    el.shadowRoot?.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await waitUntil(() => textOf(el.shadowRoot?.querySelector('.success')) === en.saved);
    const patch = sent.filter((request) => request.method === 'PATCH')[1];
    expect(patch?.url.pathname).to.equal(`/v1/news/${NEWS_ITEM.id}`);
    expect((patch?.body as { title?: string } | undefined)?.title).to.equal(
      'Infosessie diabetes in Vorst (nieuwe datum)',
    );
    // An emptied field is cleared (`null`), not left out, which would keep the old text.
    expect(patch?.body).to.include({ summary: null, author: null, sourceUrl: null });
  });
});
