/** A feed that cannot be imported: the message names the problem for the operator, in one line. */
export class FeedImportError extends Error {
  override readonly name = 'FeedImportError';
}
