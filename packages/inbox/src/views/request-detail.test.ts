import { expect, waitUntil } from '@open-wc/testing';
import { INBOX_TRANSLATIONS } from '../localization/translations.js';
import { CSRF, fakeServer, problem, REQUEST } from '../test-helpers/fake-server.js';
import { mountView, shown, textOf } from '../test-helpers/mount.js';

const en = INBOX_TRANSLATIONS.en;

const PLANNED = {
  ...REQUEST,
  status: 'planned' as const,
  updatedAt: '2026-12-02T10:00:00.000Z',
  history: [
    ...REQUEST.history,
    {
      status: 'planned' as const,
      note: 'Op 14 maart om 10 uur',
      at: '2026-12-02T10:00:00.000Z',
      by: 'Team Zuid',
    },
  ],
  mails: [
    ...(REQUEST.mails ?? []),
    {
      kind: 'requester-update' as const,
      state: 'failing' as const,
      attempts: 2,
      lastError: '421 try again later',
      at: '2026-12-02T10:00:01.000Z',
    },
  ],
};

async function setup(route?: Parameters<typeof fakeServer>[0]) {
  const server = fakeServer(route);
  const el = await mountView('carezone-inbox-request', { api: server.api, props: { requestId: REQUEST.id } });
  await shown(el, 'form');
  const root = el.shadowRoot as ShadowRoot;
  const pick = (status: string) =>
    root.querySelector<HTMLInputElement>(`input[name=status][value=${status}]`);
  return { ...server, el, root, pick };
}

describe('<carezone-inbox-request>', () => {
  it('shows everything the requester entered', async () => {
    const { root } = await setup();
    const text = textOf(root);
    for (const shown of [
      REQUEST.request.organisation.name,
      en.organisationKinds['health-service'],
      'South',
      REQUEST.request.contact.name,
      REQUEST.request.contact.email,
      REQUEST.request.contact.phone,
      'Diabetes',
      en.formats['on-site'],
      'March',
      '25',
      en.sessionLanguages.nl,
      en.languages.fr,
      REQUEST.reference,
    ]) {
      expect(text).to.contain(shown);
    }
    expect(root.querySelector('.message')?.textContent).to.equal(REQUEST.request.message);
  });

  it('offers only the statuses the request may go to', async () => {
    const { root } = await setup();
    expect(
      [...root.querySelectorAll<HTMLInputElement>('input[name=status]')].map((input) => input.value),
    ).to.deep.equal(['planned', 'declined']);
  });

  it('changes the status with one PATCH: the note, what the requester is told, and the CSRF token', async () => {
    const { el, root, pick, sent } = await setup(({ method }) =>
      method === 'PATCH' ? { body: PLANNED } : undefined,
    );
    pick('planned')?.click();
    await el.updateComplete;
    // Planned always reaches the requester: no box to tick for it.
    expect(root.querySelector('input[name=notifyRequester]')).to.equal(null);
    (root.querySelector('#note') as HTMLTextAreaElement).value = '  Op 14 maart om 10 uur ';
    root.querySelector<HTMLInputElement>('input[name=noteToRequester]')?.click();
    root.querySelector<HTMLButtonElement>('form button[type=submit]')?.click();
    await waitUntil(() => textOf(root.querySelector('.success')) === en.statusChanged(en.statuses.planned));
    const patch = sent.find((request) => request.method === 'PATCH');
    expect(patch?.url.pathname).to.equal(`/v1/session-requests/${REQUEST.id}`);
    expect(patch?.body).to.deep.equal({
      status: 'planned',
      note: 'Op 14 maart om 10 uur',
      noteToRequester: true,
    });
    expect(patch?.headers.get('x-csrf-token')).to.equal(CSRF);
    expect(patch?.headers.get('content-type')).to.match(/^application\/json/);
    expect(patch?.credentials).to.equal('same-origin');
    // The answer shows: the new status, the history with who made the change, the e-mails.
    expect(
      [...root.querySelectorAll<HTMLInputElement>('input[name=status]')].map((input) => input.value),
    ).to.deep.equal(['done', 'declined']);
    expect(textOf(root.querySelector('.history li'))).to.contain(en.by('Team Zuid'));
    expect(textOf(root.querySelector('.history li'))).to.contain('Op 14 maart om 10 uur');
    expect(textOf(root.querySelector('.history li:last-child'))).to.contain(en.byRequester);
    const mails = [...root.querySelectorAll('.mails li')].map(textOf);
    expect(mails[0]).to.contain(en.mailKinds.team).and.contain(en.mailStates.sent);
    expect(mails[1]).to.contain(en.mailKinds.confirmation).and.contain(en.mailStates.queued);
    expect(mails[2])
      .to.contain(en.mailStates.failing)
      .and.contain(en.attempts(2))
      .and.contain('421 try again later');
    expect(el.shadowRoot?.activeElement?.id).to.equal('s-change');
    await expect(el).to.be.accessible();
  });

  it('a change the requester does not always hear of (done) tells them only when ticked', async () => {
    const planned = { ...PLANNED, mails: [] };
    const { el, root, pick, sent } = await setup(({ method }) =>
      method === 'PATCH' ? { body: { ...planned, status: 'done' } } : { body: planned },
    );
    pick('done')?.click();
    await el.updateComplete;
    root.querySelector<HTMLInputElement>('input[name=notifyRequester]')?.click();
    root.querySelector<HTMLButtonElement>('form button[type=submit]')?.click();
    await waitUntil(() => sent.some((request) => request.method === 'PATCH'));
    expect(sent.find((request) => request.method === 'PATCH')?.body).to.deep.equal({
      status: 'done',
      notifyRequester: true,
    });
    await waitUntil(() => textOf(root).includes(en.closed), 'a done request is closed');
    expect(textOf(root.querySelector('#s-mails + p'))).to.equal(en.noMails);
  });

  it('a refused change says why, translated, and keeps the note', async () => {
    const { el, root, pick } = await setup(({ method }) =>
      method === 'PATCH' ? problem(409, 'CONFLICT') : undefined,
    );
    pick('declined')?.click();
    await el.updateComplete;
    const note = root.querySelector('#note') as HTMLTextAreaElement;
    note.value = 'Geen plaats meer';
    root.querySelector<HTMLButtonElement>('form button[type=submit]')?.click();
    expect(textOf(await shown(el, 'form .error'))).to.equal(en.errors.conflict);
    expect(note.value).to.equal('Geen plaats meer');
  });

  it('another zone’s request (404) is not found', async () => {
    const server = fakeServer(({ url }) =>
      url.pathname.startsWith('/v1/session-requests/') ? problem(404, 'NOT_FOUND') : undefined,
    );
    const el = await mountView('carezone-inbox-request', { api: server.api, props: { requestId: 'other' } });
    expect(textOf(await shown(el, '.error'))).to.equal(en.errors.notFound);
    await expect(el).to.be.accessible();
  });
});
