import { LANGUAGES } from '@carezone/sdk';
import { expect, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { CarezoneFinder } from '../finder/finder.js';
import { defineElement } from '../internal/define.js';
import { SESSION_REQUEST_TRANSLATIONS } from '../localization/session-request/translations.js';
import { TRANSLATIONS } from '../localization/translations.js';
import { problem } from '../test-helpers/fixture-api.js';
import { CREATED, FILLED, formApi, rateLimited, TOPICS } from '../test-helpers/session-request-fixtures.js';
import { type FormHandles, setupForm } from '../test-helpers/session-request-setup.js';

defineElement('carezone-finder', CarezoneFinder);

const en = SESSION_REQUEST_TRANSLATIONS.en;

/** Fills the form completely and sends it; resolves once the send has started. */
async function fillAndSubmit(form: FormHandles) {
  await form.fill(FILLED);
  await form.submit();
}

/** A node of the accessibility tree, as Chromium's DevTools protocol gives it (Puppeteer). */
interface AXNode {
  role: string;
  name?: string;
  children?: AXNode[];
}

function axNodes(node: AXNode): AXNode[] {
  return [node, ...(node.children ?? []).flatMap(axNodes)];
}

describe('<carezone-session-request>', () => {
  afterEach(() => sessionStorage.clear());

  describe('accessibility', () => {
    it('is accessible empty, while the topics load, and when they failed', async () => {
      const empty = await setupForm();
      await expect(empty.el).to.be.accessible();

      const loading = await setupForm({
        api: formApi({ topics: () => ({ network: 'never' }) }),
        waitForTopics: false,
      });
      expect(loading.part('loading')?.getAttribute('role')).to.equal('status');
      await expect(loading.el).to.be.accessible();

      let topicsFail = true;
      const failed = await setupForm({
        api: formApi({ topics: () => (topicsFail ? problem(500, 'INTERNAL') : { body: { data: TOPICS } }) }),
        waitForTopics: false,
      });
      await waitUntil(() => failed.part('error'), 'the topics failed');
      expect(failed.text('error')).to.contain(TRANSLATIONS.en.errors.INTERNAL);
      // The form stays usable: "other" can be ticked without the list.
      expect(failed.option('topics', 'other')).to.exist;
      await expect(failed.el).to.be.accessible();
      topicsFail = false;
      failed.part('retry-button')?.click();
      await waitUntil(() => failed.option('topics', 'diabetes'), 'the topics loaded after the retry');
    });

    it('is accessible invalid, with the error summary focused', async () => {
      const form = await setupForm();
      await form.submit();
      const summary = form.part('error-summary');
      await waitUntil(() => form.root.activeElement === summary, 'the summary took the focus');
      expect(summary?.getAttribute('role')).to.equal('alert');
      await expect(form.el).to.be.accessible();
    });

    it('is accessible while sending and once sent', async () => {
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      const sending = await setupForm({
        api: formApi({ create: () => released.then(() => ({ status: 201, body: CREATED })) }),
      });
      await fillAndSubmit(sending);
      expect(sending.part('form')?.getAttribute('aria-busy')).to.equal('true');
      expect((sending.part('submit-button') as HTMLButtonElement).disabled).to.equal(true);
      expect(sending.text('status')).to.equal(en.sending);
      expect(sending.part('status')?.getAttribute('role')).to.equal('status');
      await expect(sending.el).to.be.accessible();
      release();
      await waitUntil(() => sending.part('reference'), 'the confirmation');
      await waitUntil(
        () => sending.root.activeElement === sending.part('reference'),
        'the reference took the focus',
      );
      expect(sending.text('reference')).to.contain(CREATED.reference);
      await expect(sending.el).to.be.accessible();
      const code = sending.part('reference')?.querySelector('.code');
      expect(code?.textContent).to.equal(CREATED.reference);
      expect(getComputedStyle(code as Element).whiteSpace).to.equal('nowrap', 'never broken at its hyphens');
    });

    it('names each problem in the summary without doubled punctuation, in every language', async () => {
      for (const lang of ['nl', 'fr', 'en', 'de']) {
        const form = await setupForm({ attrs: { lang } });
        await form.submit();
        const items = [...(form.part('error-summary')?.querySelectorAll('li') ?? [])].map(
          (li) => li.textContent,
        );
        expect(items.length, lang).to.be.greaterThan(3);
        for (const item of items) expect(item, lang).to.not.match(/[.:]\s*:/);
      }
    });

    it('is accessible after a server error, a rate limit, offline and a conflict', async () => {
      const answers = [
        problem(500, 'INTERNAL'),
        rateLimited(120),
        { network: 'offline' as const },
        problem(409, 'CONFLICT'),
      ];
      for (const answer of answers) {
        const form = await setupForm({ api: formApi({ create: () => answer }) });
        await fillAndSubmit(form);
        await waitUntil(() => form.part('error'), `the failure shows (${JSON.stringify(answer)})`);
        expect(form.part('error')?.getAttribute('role')).to.equal('alert');
        await expect(form.el).to.be.accessible();
      }
    });

    it('gives every field an accessible name, in the accessibility tree', async () => {
      const form = await setupForm();
      await form.fill({ topics: ['other'] });
      const tree = (await a11ySnapshot({ selector: 'carezone-session-request' })) as unknown as AXNode;
      const controls = axNodes(tree).filter((node) =>
        ['textbox', 'radio', 'checkbox', 'button', 'combobox'].includes(node.role),
      );
      expect(controls.filter((node) => !node.name?.trim())).to.deep.equal([]);
      const names = controls.map((node) => `${node.role}: ${node.name}`);
      for (const expected of [
        `textbox: ${en.labels['organisation.name']} ${en.required}`,
        `radio: ${en.kinds.school}`,
        `textbox: ${en.labels['contact.name']} ${en.required}`,
        `textbox: ${en.labels['contact.email']} ${en.required}`,
        `textbox: ${en.labels['contact.phone']}`,
        'checkbox: Diabetes',
        `checkbox: ${en.other}`,
        `textbox: ${en.labels.otherTopic} ${en.required}`,
        `radio: ${en.formats.online}`,
        `textbox: ${en.labels.preferredPeriod}`,
        `textbox: ${en.labels.participants}`,
        `radio: ${en.languages.bilingual}`,
        `textbox: ${en.labels.message}`,
        `checkbox: ${en.labels.consent} ${en.required}`,
        `button: ${en.submit}`,
      ])
        expect(names).to.include(expected);
      // The honeypot is left out of the tree altogether.
      expect(names.join('\n')).to.not.contain('Website');
      // Radio buttons and checkboxes are grouped in fieldsets, named by their legend (Chromium's
      // snapshot leaves groups out, so the DOM tells).
      const groups = [...form.root.querySelectorAll('fieldset')].map((fieldset) =>
        fieldset.firstElementChild?.localName === 'legend'
          ? fieldset.firstElementChild.textContent?.trim()
          : '',
      );
      expect(groups).to.include.members([
        `${en.labels['organisation.kind']} ${en.required}`,
        `${en.labels.topics} ${en.required}`,
        `${en.labels.format} ${en.required}`,
        `${en.labels.language} ${en.required}`,
      ]);
      expect(form.part('form')?.getAttribute('aria-label')).to.equal(en.title);
    });

    it('names every group with its "(required)" apart, in the whole accessibility tree', async () => {
      for (const lang of ['en', 'fr'] as const) {
        const texts = SESSION_REQUEST_TRANSLATIONS[lang];
        const form = await setupForm({ attrs: { lang, zone: undefined } });
        const tree = (await executeServerCommand('a11y-tree', {
          selector: 'carezone-session-request',
        })) as AXNode;
        const groups = axNodes(tree)
          .filter((node) => node.role === 'group')
          .map((node) => node.name);
        expect(groups, lang).to.include.members(
          (['organisation.kind', 'zone', 'topics', 'format', 'language'] as const).map(
            (field) => `${texts.labels[field]} ${texts.required}`,
          ),
        );
        form.el.remove();
      }
    });

    it('reflows at 320 CSS pixels (1280 at 400% zoom), with 44-pixel targets', async () => {
      await setViewport({ width: 320, height: 640 });
      try {
        const form = await setupForm({ attrs: { zone: undefined } });
        await form.submit();
        expect(form.el.scrollWidth).to.be.at.most(form.el.clientWidth);
        for (const control of form.root.querySelectorAll<HTMLElement>(
          'input:not([tabindex="-1"]), textarea, button',
        ))
          expect(control.getBoundingClientRect().right, control.outerHTML).to.be.at.most(320);
        for (const target of form.root.querySelectorAll<HTMLElement>(
          '.choice, [type=text], [type=email], [type=tel], textarea, button',
        ))
          expect(target.getBoundingClientRect().height, target.outerHTML).to.be.at.least(44);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('hides the honeypot from people and from assistive technology', async () => {
      const { field } = await setupForm();
      const honeypot = field('cz-hp');
      expect(honeypot.tabIndex).to.equal(-1);
      const wrapper = honeypot.closest('[aria-hidden="true"]');
      expect(wrapper).to.exist;
      expect(wrapper?.getBoundingClientRect().width).to.be.at.most(1);
    });

    it('can be filled in and sent with the keyboard alone', async () => {
      const { el, api, field, part, root } = await setupForm();
      field('organisation.name').focus();
      const tab = () => sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'OCMW Voorbeeld' });
      await tab(); // organisation kind: the first option
      await sendKeys({ press: 'ArrowDown' }); // moves to and chooses the second: health service
      await tab(); // the zone is preset: next is the contact
      await sendKeys({ type: 'An Peeters' });
      await tab();
      await sendKeys({ type: 'an@example.be' });
      await tab(); // phone: optional, left empty
      await tab(); // first topic
      await sendKeys({ press: 'Space' });
      for (let i = 0; i < TOPICS.length; i++) await tab(); // past the other topics to "other"
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      await tab(); // the other topic's name, revealed
      await sendKeys({ type: 'Eenzaamheid' });
      await tab(); // format
      await sendKeys({ press: 'Space' });
      await tab(); // period
      await tab(); // participants
      await sendKeys({ type: '12' });
      await tab(); // language: English is chosen already, the visitor's language
      await tab(); // message
      await tab(); // consent
      await sendKeys({ press: 'Space' });
      await tab(); // the honeypot is skipped: the submit button
      expect(root.activeElement).to.equal(part('submit-button'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => part('reference'), 'the request was sent');
      expect(api.sent).to.have.length(1);
      const { body } = api.sent[0] as (typeof api.sent)[number];
      expect(body).to.deep.include({
        organisation: { name: 'OCMW Voorbeeld', kind: 'health-service' },
        zone: 'bxl-sud',
        contact: { name: 'An Peeters', email: 'an@example.be' },
        topics: ['diabetes', 'other'],
        otherTopic: 'Eenzaamheid',
        format: 'on-site',
        participants: 12,
        language: 'en',
        locale: 'en',
        consent: true,
      });
    });
  });

  describe('languages', () => {
    it('renders nl, fr, en and de with every text of that language', async () => {
      for (const lang of LANGUAGES) {
        const form = await setupForm({ attrs: { lang } });
        const s = SESSION_REQUEST_TRANSLATIONS[lang];
        const all = form.root.textContent ?? '';
        expect(all, lang).to.not.match(/undefined|\[object/);
        for (const text of [
          ...Object.values(s.labels).filter((label) => label !== s.labels.otherTopic),
          s.kinds.school,
          s.other,
          s.formats.online,
          s.privacy,
          s.submit,
        ])
          expect(all, `${lang}: ${text}`).to.contain(text);
        expect(all, lang).to.contain(TOPICS[1]?.label[lang]);
        expect(form.part('form')?.getAttribute('aria-label')).to.equal(s.title);
        // The zone of the `zone` attribute, named in the form's language (German readers: French).
        await waitUntil(() =>
          form.text('zone-name').includes({ nl: 'Zuid', fr: 'Sud', en: 'South', de: 'Sud' }[lang]),
        );
        // Problems in the same language.
        await form.submit();
        expect(form.errorOf('organisation.name'), lang).to.equal(s.invalid.required);
      }
    });
  });
});
