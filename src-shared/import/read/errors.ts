export type ReadErrorCode =
  | 'unsupported'
  | 'corrupt'
  | 'encrypted'
  | 'empty'
  | 'not_spreadsheet'
  | 'too_large'
  | 'too_many_rows'
  | 'zip_bomb'
  | 'cancelled';

/**
 * A file could not be read. `message` is written for the user: it says what
 * is wrong in plain language and what to do next. `detail` keeps the
 * underlying library message for logs; it is never shown as the message.
 */
export class ReadError extends Error {
  readonly code: ReadErrorCode;
  readonly detail: string | undefined;

  constructor(code: ReadErrorCode, message: string, detail?: string) {
    super(message);
    this.name = 'ReadError';
    this.code = code;
    this.detail = detail;
  }
}

export function isReadError(e: unknown): e is ReadError {
  return e instanceof ReadError;
}

export function cancelled(): ReadError {
  return new ReadError('cancelled', 'Reading the file was cancelled.');
}

export function formatCount(n: number): string {
  // Locale-free grouping so messages read the same in the CLI and the app.
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / (1024 * 1024 * 1024)).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${Math.round(n / (1024 * 1024))} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
