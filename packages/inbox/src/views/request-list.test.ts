import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { InboxNavigateEvent } from '../events/inbox-events.js';
import { INBOX_TRANSLATIONS } from '../localization/translations.js';
import { BASE, fakeServer, NETWORK_SESSION, REQUEST } from '../test-helpers/fake-server.js';
import { mountView, shown, textOf } from '../test-helpers/mount.js';

const en = INBOX_TRANSLATIONS.en;

describe('<carezone-inbox-requests>', () => {
  it('asks the list with the filters of the page’s query, and lists what comes, newest first', async () => {
    const { api, sent } = fakeServer();
    const el = await mountView('carezone-inbox-requests', {
      api,
      props: { search: '?status=received&topic=diabetes&from=2026-11-01&to=2026-11-30&q=vorst' },
    });
    await shown(el, 'ul.requests');
    const list = sent.find((request) => request.url.pathname === '/v1/session-requests');
    expect(Object.fromEntries(list?.url.searchParams ?? [])).to.deep.equal({
      status: 'received',
      topic: 'diabetes',
      from: '2026-11-01',
      to: '2026-11-30',
      q: 'vorst',
    });
    expect(list?.credentials).to.equal('same-origin');
    const root = el.shadowRoot as ShadowRoot;
    // The form shows the filters in force.
    expect(root.querySelector<HTMLSelectElement>('#f-status')?.value).to.equal('received');
    await waitUntil(() => root.querySelector<HTMLSelectElement>('#f-topic')?.value === 'diabetes');
    expect(root.querySelector<HTMLInputElement>('#f-from')?.value).to.equal('2026-11-01');
    expect(root.querySelector<HTMLInputElement>('#f-q')?.value).to.equal('vorst');
    const link = root.querySelector<HTMLAnchorElement>('.requests a');
    expect(textOf(link)).to.equal(REQUEST.request.organisation.name);
    expect(link?.getAttribute('href')).to.equal(`/inbox/requests/${REQUEST.id}`);
  });

  it('applies the filters by navigating to the list’s query, leaving out empty ones', async () => {
    const { api } = fakeServer();
    const el = await mountView('carezone-inbox-requests', { api });
    await shown(el, 'ul.requests');
    const root = el.shadowRoot as ShadowRoot;
    const status = root.querySelector<HTMLSelectElement>('#f-status') as HTMLSelectElement;
    status.value = 'planned';
    (root.querySelector('#f-q') as HTMLInputElement).value = ' Peeters ';
    (root.querySelector('#f-from') as HTMLInputElement).value = '2026-12-01';
    const navigated = oneEvent(el, 'carezone-inbox-navigate') as unknown as Promise<InboxNavigateEvent>;
    root.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const event = await navigated;
    expect(event.path).to.equal('/inbox/?status=planned&from=2026-12-01&q=Peeters');
    expect(event.options.focus).to.equal(false);
  });

  it('links the CSV export of the current filter, in the inbox’s language', async () => {
    const { api } = fakeServer();
    const el = await mountView('carezone-inbox-requests', {
      api,
      language: 'fr',
      props: { search: '?status=done&q=école' },
    });
    await shown(el, 'ul.requests');
    const link = el.shadowRoot?.querySelector<HTMLAnchorElement>('a[download]');
    expect(textOf(link)).to.equal(INBOX_TRANSLATIONS.fr.exportCsv);
    const url = new URL(link?.href ?? '');
    expect(`${url.origin}${url.pathname}`).to.equal(`${BASE}/v1/session-requests/export`);
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ status: 'done', q: 'école', lang: 'fr' });
  });

  it('a network session filters by zone and sees each request’s zone', async () => {
    const { api, sent } = fakeServer(undefined, NETWORK_SESSION);
    const el = await mountView('carezone-inbox-requests', {
      api,
      session: NETWORK_SESSION,
      props: { search: '?zone=bxl-sud' },
    });
    await shown(el, 'ul.requests');
    const list = sent.find((request) => request.url.pathname === '/v1/session-requests');
    expect(list?.url.searchParams.get('zone')).to.equal('bxl-sud');
    expect(el.shadowRoot?.querySelector<HTMLSelectElement>('#f-zone')?.value).to.equal('bxl-sud');
    expect(textOf(el.shadowRoot?.querySelector('.requests .card'))).to.contain('South');
  });

  it('"show more" asks the next page with the cursor and the same filters, then focuses its first request', async () => {
    const second = {
      ...REQUEST,
      id: 'second-id',
      request: { ...REQUEST.request, organisation: { name: 'School Noord', kind: 'school' as const } },
    };
    const { api, sent } = fakeServer(({ url }) =>
      url.pathname === '/v1/session-requests'
        ? url.searchParams.get('cursor') === 'c1'
          ? { body: { data: [second], nextCursor: null } }
          : { body: { data: [REQUEST], nextCursor: 'c1' } }
        : undefined,
    );
    const el = await mountView('carezone-inbox-requests', { api, props: { search: '?status=received' } });
    await shown(el, 'ul.requests');
    const more = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find(
      (button) => textOf(button) === en.loadMore,
    );
    more?.click();
    await waitUntil(
      () => el.shadowRoot?.querySelectorAll('.requests li').length === 2,
      'the second page shows',
    );
    const next = sent.filter((request) => request.url.pathname === '/v1/session-requests')[1];
    expect(Object.fromEntries(next?.url.searchParams ?? [])).to.deep.equal({
      status: 'received',
      cursor: 'c1',
    });
    await waitUntil(
      () => textOf(el.shadowRoot?.activeElement) === 'School Noord',
      'the new request takes the focus',
    );
    expect(
      [...(el.shadowRoot?.querySelectorAll('button') ?? [])].some((button) => textOf(button) === en.loadMore),
    ).to.equal(false);
  });

  it('says when nothing matches', async () => {
    const { api } = fakeServer(({ url }) =>
      url.pathname === '/v1/session-requests' ? { body: { data: [], nextCursor: null } } : undefined,
    );
    const el = await mountView('carezone-inbox-requests', { api, props: { search: '?q=nobody' } });
    expect(textOf(await shown(el, '.notice'))).to.equal(en.noRequests);
    await expect(el).to.be.accessible();
  });
});
