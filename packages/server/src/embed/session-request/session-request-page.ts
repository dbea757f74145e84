import { IdempotencyKey, type Language } from '@carezone/contract';
import { newIdempotencyKey, type PublicClient } from '@carezone/sdk';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import { MAX_JSON_BODY_BYTES } from '../../http/json-body.js';
import { REFERENCE_PATTERN } from '../../session-requests/reference.js';
import { apiInProcess, type PageAnswers } from '../api-in-process.js';
import {
  type EmbedDocument,
  type EmbedSettings,
  embedStatus,
  type Html,
  renderEmbedDocument,
} from '../embed-document.js';
import { EMBED_TEXTS, EmbedLocalize } from '../embed-localize.js';
import { embedLanguage, keptParameters, linkTo, themeDeclarations } from '../embed-options.js';
import { failureText, sendFailure } from './session-request-failures.js';
import { type FormView, sessionRequestForm, type ZoneField } from './session-request-fields.js';
import { fillTimeOf, signShownAt } from './session-request-fill-time.js';
import {
  check,
  emptyValues,
  type FieldErrors,
  type FormValues,
  postedValues,
  requestBody,
} from './session-request-form-values.js';

/** The page's own settings, kept in the form's hidden fields so that a POST renders the same page. */
const PAGE_PARAMETERS = ['lang', 'zone', 'layer'] as const;

/**
 * A form is urlencoded: each byte of a character beyond ASCII is three (`%C3%A9`). Three times the
 * API's JSON limit lets every form the API would take through; the API then applies its own limit.
 */
const MAX_FORM_BYTES = 3 * MAX_JSON_BODY_BYTES;

/** What a page of this form is: its settings, and the form as the visitor left it. */
interface FormState {
  /** The page's parameters (language, zone, layer, theme), from the query or the hidden fields. */
  page: URLSearchParams;
  lang: Language;
  values: FormValues;
  errors: FieldErrors;
  idempotencyKey: string;
  /** The signed time the form was first shown. */
  shownAt: string;
  /** The zone chosen in the list (none when the page gives one). */
  chosenZone: string;
}

interface Answer {
  status: number;
  alert?: string | undefined;
  headers?: Record<string, string> | undefined;
}

/** A private page: it holds what was typed, or a one-time key. */
function respond(
  c: Context,
  settings: EmbedSettings,
  page: Omit<EmbedDocument, 'status' | 'private' | 'theme'> & { query: URLSearchParams },
  status: number,
): Response | Promise<Response> {
  const { query, ...document } = page;
  return renderEmbedDocument(
    c,
    { ...document, theme: themeDeclarations(query), private: true, status: embedStatus(status) },
    settings,
  );
}

/** The zone field: the page's zone when it exists, else the zones (of the page's layer) to choose from. */
async function zoneFieldOf(api: PublicClient, state: FormState, localize: EmbedLocalize): Promise<ZoneField> {
  const { page } = state;
  const preset = page.get('zone');
  if (preset) {
    try {
      return { preset: await api.zones.get(preset) };
    } catch {
      // An unknown zone (a mistake of the page) leaves the visitor to choose one, rather than a dead end.
    }
  }
  try {
    const [zones, layers] = await Promise.all([
      api.zones.list({ layer: page.get('layer') || undefined }),
      api.layers.list(),
    ]);
    return { zones, layers, chosen: state.chosenZone };
  } catch (error) {
    return { failure: failureText(localize, error) };
  }
}

/**
 * The form page: the zones and topics read through the API, the form as the state holds it.
 * `fresh`: a form nobody has typed in yet, which `<carezone-session-request>` takes over when scripts
 * run and the page names its zone. Without a zone the widget would choose it with a finder, not the
 * page's list: that page, and every page with typed values, stays as rendered.
 */
async function formPage(
  app: Hono,
  c: Context,
  settings: EmbedSettings,
  state: FormState,
  answer: Answer = { status: 200 },
  fresh = false,
): Promise<Response> {
  const answers: PageAnswers = new Map();
  const api = apiInProcess(app, c, answers);
  const localize = new EmbedLocalize(state.lang);
  const [zone, topics] = await Promise.all([
    zoneFieldOf(api, state, localize),
    api.topics.list().catch((error: unknown) => ({ failure: failureText(localize, error) })),
  ]);
  // The page's zone is kept only when it is one: an unknown one was replaced by the list.
  const kept = keptParameters(state.page, ['layer', ...('preset' in zone ? ['zone'] : [])]);
  const view: FormView = {
    localize,
    values: state.values,
    errors: state.errors,
    zone,
    topics,
    hidden: [
      ['lang', state.lang],
      ...kept,
      ['idempotency-key', state.idempotencyKey],
      ['shown-at', state.shownAt],
    ],
    alert: answer.alert,
  };
  return respond(
    c,
    settings,
    {
      lang: state.lang,
      title: localize.form.title,
      query: state.page,
      body: sessionRequestForm(view),
      headers: answer.headers,
      widget:
        fresh && 'preset' in zone
          ? {
              tag: 'carezone-session-request',
              script: 'carezone-session-request.js',
              attributes: { lang: state.lang, zone: zone.preset.id },
              answers,
            }
          : undefined,
    },
    answer.status,
  );
}

const textOf = (value: ReturnType<FormData['get']>) => (typeof value === 'string' ? value : '');

/** A short page that says what went wrong, with a way back to an empty form. */
function problemPage(
  c: Context,
  settings: EmbedSettings,
  query: URLSearchParams,
  status: number,
  message: (localize: EmbedLocalize) => string,
  headers?: Record<string, string>,
): Response | Promise<Response> {
  const lang = embedLanguage(query.get('lang') ?? undefined, c.req.header('accept-language'));
  const localize = new EmbedLocalize(lang);
  const back = linkTo('/embed/session-request', keptParameters(query, PAGE_PARAMETERS));
  const body: Html = html`<div class="message error" role="alert"><p>${message(localize)}</p>
<a class="button secondary" href="${back}">${localize.form.title}</a></div>`;
  return respond(c, settings, { lang, title: localize.form.title, query, body, headers }, status);
}

/**
 * `/embed/session-request`: the session request form as a page that works without JavaScript, and
 * `/embed/session-request/sent`, its confirmation. The form posts to the page itself, which sends
 * the request through the API in process (its validation, bot checks, rate limits, idempotency and
 * origin rule apply as for the widget) and answers post/redirect/get: a success redirects (303) to
 * the confirmation, so that reloading it sends nothing again; a failure renders the form again
 * with everything typed, its problems, and the same idempotency key.
 */
export function registerSessionRequestPages(app: Hono, settings: EmbedSettings): void {
  app.get('/embed/session-request', (c) => {
    const query = new URL(c.req.url).searchParams;
    const lang = embedLanguage(query.get('lang') ?? undefined, c.req.header('accept-language'));
    const page = new URLSearchParams(keptParameters(query, PAGE_PARAMETERS));
    return formPage(
      app,
      c,
      settings,
      {
        page,
        lang,
        values: emptyValues(lang),
        errors: {},
        idempotencyKey: newIdempotencyKey(),
        shownAt: signShownAt(Date.now()),
        chosenZone: '',
      },
      undefined,
      true,
    );
  });

  app.post(
    '/embed/session-request',
    bodyLimit({
      maxSize: MAX_FORM_BYTES,
      // The rest of the body may be unread: the connection is not to be reused (see json-body.ts).
      onError: (c) => {
        const query = new URL(c.req.url).searchParams;
        const tooLarge = (l: EmbedLocalize) => l.form.errors.PAYLOAD_TOO_LARGE;
        return problemPage(c, settings, query, 413, tooLarge, { connection: 'close' });
      },
    }),
    async (c) => {
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        const query = new URL(c.req.url).searchParams;
        return problemPage(c, settings, query, 415, (l) => l.form.errors.UNSUPPORTED_MEDIA_TYPE);
      }
      const posted = new URLSearchParams();
      for (const [name, value] of form) if (typeof value === 'string') posted.append(name, value);
      const page = new URLSearchParams(keptParameters(posted, PAGE_PARAMETERS));
      const lang = embedLanguage(page.get('lang') ?? undefined, c.req.header('accept-language'));
      const localize = new EmbedLocalize(lang);
      const key = textOf(form.get('idempotency-key'));
      const shownAt = textOf(form.get('shown-at'));
      const fillTimeMs = fillTimeOf(shownAt);
      const state: FormState = {
        page,
        lang,
        values: postedValues(form),
        errors: {},
        // A key that the API would refuse (tampered with) is replaced, so that a send can succeed.
        idempotencyKey: IdempotencyKey.safeParse(key).success ? key : newIdempotencyKey(),
        shownAt: fillTimeMs === undefined ? signShownAt(Date.now()) : shownAt,
        chosenZone: textOf(form.get('chosen-zone')),
      };
      const zone = page.get('zone') || state.chosenZone || undefined;

      // What the widget checks before sending, with the same schema and words.
      const body = requestBody(state.values, zone, lang);
      const { input, errors } = check(state.values, body, localize.form.invalid, (n) => localize.number(n));
      if (!input) return formPage(app, c, settings, { ...state, errors }, { status: 422 });

      try {
        const created = await apiInProcess(app, c).sessionRequests.create(
          fillTimeMs === undefined ? input : { ...input, fillTimeMs },
          { idempotencyKey: state.idempotencyKey },
        );
        const sent = linkTo('/embed/session-request/sent', keptParameters(page, []), {
          lang,
          reference: created.reference,
        });
        return c.redirect(sent, 303);
      } catch (error) {
        const failure = sendFailure(error, state.values, localize);
        const idempotencyKey = failure.renewKey ? newIdempotencyKey() : state.idempotencyKey;
        return formPage(app, c, settings, { ...state, errors: failure.errors, idempotencyKey }, failure);
      }
    },
  );

  app.get('/embed/session-request/sent', (c) => {
    const query = new URL(c.req.url).searchParams;
    const reference = query.get('reference') ?? '';
    // Only a reference of the API's own format is shown: nothing else of the URL reaches the page.
    if (!REFERENCE_PATTERN.test(reference))
      return problemPage(c, settings, query, 400, (l) => l.t.unexpectedError);
    const lang = embedLanguage(query.get('lang') ?? undefined, c.req.header('accept-language'));
    const { form } = new EmbedLocalize(lang);
    const [before, after] = form.reference(reference).split(reference);
    const body = html`<div class="message confirmation">
<p>${form.sent} <strong>${before}<span class="code">${reference}</span>${after}</strong></p>
<p>${form.followUp}</p>
</div>`;
    return respond(c, settings, { lang, title: EMBED_TEXTS[lang].sent, query, body }, 200);
  });
}
