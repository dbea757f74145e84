import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { InboxSignedInEvent } from '../events/inbox-events.js';
import { INBOX_TRANSLATIONS } from '../localization/translations.js';
import { fakeServer, problem, ZONE_SESSION } from '../test-helpers/fake-server.js';
import { mountView, shown, textOf } from '../test-helpers/mount.js';

const en = INBOX_TRANSLATIONS.en;

async function setup(route?: Parameters<typeof fakeServer>[0], language: 'en' | 'fr' = 'en') {
  const server = fakeServer(route, null);
  const el = await mountView('carezone-inbox-sign-in', { api: server.api, language, session: undefined });
  const root = el.shadowRoot as ShadowRoot;
  const input = root.querySelector<HTMLInputElement>('#token') as HTMLInputElement;
  const submit = root.querySelector<HTMLButtonElement>('button[type=submit]') as HTMLButtonElement;
  return { ...server, el, root, input, submit };
}

describe('<carezone-inbox-sign-in>', () => {
  it('labels the token field, hides what is typed, and is accessible', async () => {
    const { el, root, input } = await setup();
    expect(input.type).to.equal('password');
    expect(input.autocomplete).to.equal('off');
    expect(textOf(root.querySelector('label[for=token]'))).to.equal(en.tokenLabel);
    expect(input.getAttribute('aria-describedby')).to.equal('token-hint');
    await expect(el).to.be.accessible();
  });

  it('exchanges the token for a session with one POST, then forgets the token', async () => {
    const { el, input, sent, api } = await setup(({ method, url }) =>
      method === 'POST' && url.pathname === '/v1/staff/session' ? { body: ZONE_SESSION } : undefined,
    );
    input.focus();
    await sendKeys({ type: 'cz_zuid_0123456789' });
    // Listened for before Enter: the fake server may answer before `sendKeys` returns.
    const signedIn = oneEvent(el, 'carezone-inbox-signed-in');
    await sendKeys({ press: 'Enter' });
    const event = (await signedIn) as unknown as InboxSignedInEvent;
    expect(event.session).to.deep.equal(ZONE_SESSION);
    const post = sent.find((request) => request.method === 'POST');
    expect(post?.url.pathname).to.equal('/v1/staff/session');
    expect(post?.body).to.deep.equal({ token: 'cz_zuid_0123456789' });
    expect(post?.credentials).to.equal('same-origin');
    expect(api.csrfToken).to.equal(ZONE_SESSION.csrfToken);
    expect(input.value).to.equal('');
  });

  it('says a wrong token is not valid, in the page’s language, and keeps what was typed', async () => {
    const { el, root, input, submit } = await setup(() => problem(401, 'UNAUTHORIZED'), 'fr');
    input.value = 'cz_typo';
    submit.click();
    const error = await shown(el, '#token-error .error');
    expect(textOf(error)).to.equal(INBOX_TRANSLATIONS.fr.errors.badToken);
    expect(input.value).to.equal('cz_typo');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('token-hint token-error');
    expect(root.activeElement).to.equal(input);
    await expect(el).to.be.accessible();
  });

  it('after too many attempts, says how long to wait', async () => {
    const { el, input, submit } = await setup(() => ({
      ...problem(429, 'RATE_LIMITED'),
      headers: { 'retry-after': '120' },
    }));
    input.value = 'cz_again';
    submit.click();
    expect(textOf(await shown(el, '#token-error .error'))).to.equal(en.errors.rateLimited(2));
  });

  it('asks for the token when none was pasted, without calling the server', async () => {
    const { el, submit, sent } = await setup();
    submit.click();
    expect(textOf(await shown(el, '#token-error .error'))).to.equal(en.errors.validation(en.tokenLabel));
    expect(sent.filter((request) => request.method === 'POST')).to.have.length(0);
  });

  it('says when the server cannot be reached', async () => {
    const { el, input, submit } = await setup(() => 'offline');
    input.value = 'cz_offline';
    submit.click();
    expect(textOf(await shown(el, '#token-error .error'))).to.equal(en.errors.network);
  });
});
