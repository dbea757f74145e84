/** Per-call options, accepted as the last argument of every client method. */
export interface RequestOptions {
  /**
   * Cancels the call. The promise then rejects with `signal.reason`, which is the standard
   * `AbortError` DOMException unless the caller passed another reason to `abort()`.
   */
  signal?: AbortSignal;
}
