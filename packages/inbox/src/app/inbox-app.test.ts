import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { INBOX_TRANSLATIONS } from '../localization/translations.js';
import { fakeServer, NEWS_ITEM, problem, REQUEST, ZONE_SESSION } from '../test-helpers/fake-server.js';
import { textOf } from '../test-helpers/mount.js';
import type { CarezoneInbox } from './inbox-app.js';
import '../define.js';

const en = INBOX_TRANSLATIONS.en;
const start = `${location.pathname}${location.search}`;

/** The inbox at `path`, on a fake server. */
async function setup(path: string, server = fakeServer()) {
  history.replaceState(null, '', path);
  localStorage.setItem('carezone-inbox-lang', 'en');
  const el = await fixture<CarezoneInbox>(html`<carezone-inbox .api=${server.api}></carezone-inbox>`);
  const root = el.shadowRoot as ShadowRoot;
  const view = () => root.querySelector('.view:not([hidden]) > *') as HTMLElement | null;
  const heading = () => textOf(view()?.shadowRoot?.querySelector('h1'));
  const focused = () => view()?.shadowRoot?.activeElement?.tagName;
  return { ...server, el, root, view, heading, focused };
}

describe('<carezone-inbox>', () => {
  afterEach(() => {
    history.replaceState(null, '', start);
    localStorage.removeItem('carezone-inbox-lang');
  });

  it('without a session, shows the sign-in at any path, its heading focused', async () => {
    const inbox = await setup('/inbox/news', fakeServer(undefined, null));
    await waitUntil(() => inbox.view()?.tagName === 'CAREZONE-INBOX-SIGN-IN');
    await waitUntil(() => inbox.focused() === 'H1', 'the heading takes the focus');
    expect(inbox.root.querySelector('nav')).to.equal(null);
    expect(document.title).to.equal(`${en.signInTitle} · ${en.appTitle}`);
    await expect(inbox.el).to.be.accessible();
  });

  it('shows the view of each path, and moves the focus to its heading on navigation', async () => {
    const inbox = await setup(`/inbox/requests/${REQUEST.id}`);
    await waitUntil(
      () => inbox.heading() === en.requestTitle(REQUEST.request.organisation.name),
      'the request shows',
    );
    // The heading that took the focus while the request loaded keeps it, and the title follows it.
    await waitUntil(() => inbox.focused() === 'H1', 'the heading has the focus');
    await waitUntil(
      () => document.title === `${en.requestTitle(REQUEST.request.organisation.name)} · ${en.appTitle}`,
    );
    expect(textOf(inbox.root.querySelector('header'))).to.contain(en.signedInAs('Team Zuid', 'South'));
    await expect(inbox.el).to.be.accessible();
    // A link of the navigation: the news, in place, with the History API.
    const news = [...inbox.root.querySelectorAll('nav a')].find(
      (link) => textOf(link) === en.navNews,
    ) as HTMLAnchorElement;
    news.click();
    await waitUntil(() => inbox.heading() === en.newsTitle, 'the news shows');
    expect(location.pathname).to.equal('/inbox/news');
    expect(news.getAttribute('aria-current')).to.equal('page');
    await waitUntil(() => inbox.focused() === 'H1', 'the heading takes the focus');
    expect(document.title).to.equal(`${en.newsTitle} · ${en.appTitle}`);
    // Back: the request again.
    history.back();
    await waitUntil(() => location.pathname === `/inbox/requests/${REQUEST.id}`);
    await waitUntil(() => inbox.heading() === en.requestTitle(REQUEST.request.organisation.name));
  });

  for (const [path, heading] of [
    ['/inbox/', en.requestsTitle],
    ['/inbox/news/new', en.newItemTitle],
    [`/inbox/news/${NEWS_ITEM.id}`, en.editItemTitle],
    ['/inbox/nothing/here', en.notFoundTitle],
  ] as const) {
    it(`${path} shows "${heading}"`, async () => {
      const inbox = await setup(path);
      await waitUntil(() => inbox.heading() === heading, `${path} shows ${heading}`);
    });
  }

  it('switches the language: the views, the page’s lang, and remembered', async () => {
    const inbox = await setup('/inbox/news');
    await waitUntil(() => inbox.heading() === en.newsTitle);
    const select = inbox.root.querySelector<HTMLSelectElement>('#lang') as HTMLSelectElement;
    select.value = 'de';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => inbox.heading() === INBOX_TRANSLATIONS.de.newsTitle, 'the view speaks German');
    expect(document.documentElement.lang).to.equal('de');
    expect(localStorage.getItem('carezone-inbox-lang')).to.equal('de');
    document.documentElement.lang = 'en';
  });

  it('a session that ends while writing shows the sign-in, and the text typed is still there after it', async () => {
    let expired = false;
    const server = fakeServer(({ method, url }) => {
      if (url.pathname === '/v1/staff/session' && method === 'POST') {
        expired = false;
        return { body: ZONE_SESSION };
      }
      return expired ? problem(401, 'UNAUTHORIZED') : undefined;
    });
    const inbox = await setup('/inbox/news/new', server);
    await waitUntil(() => inbox.heading() === en.newItemTitle);
    const editor = inbox.view() as HTMLElement;
    const title = editor.shadowRoot?.querySelector<HTMLInputElement>('#title') as HTMLInputElement;
    title.value = 'Niet verloren';
    title.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    expired = true;
    editor.shadowRoot?.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await waitUntil(() => inbox.view()?.tagName === 'CAREZONE-INBOX-SIGN-IN', 'the sign-in shows');
    const signIn = inbox.view() as HTMLElement;
    expect(textOf(signIn.shadowRoot?.querySelector('.notice'))).to.equal(en.sessionEnded);
    const token = signIn.shadowRoot?.querySelector<HTMLInputElement>('#token') as HTMLInputElement;
    token.value = 'cz_again';
    signIn.shadowRoot?.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await waitUntil(() => inbox.view() === editor, 'the editor is back');
    expect(editor.shadowRoot?.querySelector<HTMLInputElement>('#title')?.value).to.equal('Niet verloren');
  });

  it('signs out with DELETE and the CSRF token, then shows the sign-in', async () => {
    const inbox = await setup('/inbox/');
    await waitUntil(() => inbox.heading() === en.requestsTitle);
    const signOut = [...inbox.root.querySelectorAll('button')].find(
      (button) => textOf(button) === en.signOut,
    );
    signOut?.click();
    await waitUntil(() => inbox.view()?.tagName === 'CAREZONE-INBOX-SIGN-IN');
    const deleted = inbox.sent.find((request) => request.method === 'DELETE');
    expect(deleted?.url.pathname).to.equal('/v1/staff/session');
    expect(deleted?.headers.get('x-csrf-token')).to.equal(ZONE_SESSION.csrfToken);
    expect(textOf(inbox.view()?.shadowRoot?.querySelector('.notice'))).to.equal(en.signedOut);
    expect(inbox.root.querySelector('.view[hidden]')).to.equal(null);
  });
});
