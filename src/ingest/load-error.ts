/** A corpus file that could not be read; ingestion reports it by name and goes on. */
export class LoadError extends Error {
  override readonly name = 'LoadError';
  constructor(
    readonly file: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, options);
  }
}
