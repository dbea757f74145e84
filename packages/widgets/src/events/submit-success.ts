import type { SessionRequestCreated } from '@carezone/sdk';

/**
 * Fired by `<carezone-session-request>` once the server has stored the request (201): `detail`
 * is its answer, with the `reference` the visitor was shown.
 */
export class SubmitSuccessEvent extends Event {
  static readonly type = 'carezone-submit-success';
  readonly detail: SessionRequestCreated;

  constructor(detail: SessionRequestCreated) {
    super(SubmitSuccessEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'carezone-submit-success': SubmitSuccessEvent;
  }
}
