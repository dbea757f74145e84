import { html, type TemplateResult } from 'lit';
import { InboxView } from '../internal/inbox-view.js';
import { INBOX_BASE } from '../internal/router.js';

/** @summary A path under `/inbox/` that is no page of it. */
export class InboxNotFound extends InboxView {
  protected override render(): TemplateResult {
    const t = this.t;
    return html`<h1 tabindex="-1">${t.notFoundTitle}</h1>
      <p>${t.notFoundText}</p>
      <p><a href=${INBOX_BASE}>${t.backToRequests}</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'carezone-inbox-not-found': InboxNotFound;
  }
}
