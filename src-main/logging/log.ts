import { mkdirSync } from 'node:fs';
import log from 'electron-log/node';
import { redact } from '../secrets/redact';

export type Logger = Pick<typeof log, 'info' | 'warn' | 'error' | 'debug'>;

/**
 * One rotating log file in the data directory (5 MB, then leadprep.old.log). Every message goes through
 * the redactor first, so an API key that slips into an error or a payload never reaches disk.
 */
export function initLogging(logDir: string, logPath: string, opts: { console?: boolean } = {}): Logger {
  mkdirSync(logDir, { recursive: true });
  log.transports.file.resolvePathFn = () => logPath;
  log.transports.file.maxSize = 5 * 1024 * 1024;
  log.transports.file.level = 'info';
  log.transports.console.level = opts.console ? 'info' : false;
  if (!log.hooks.some((h) => h.name === 'leadprepRedact')) {
    const leadprepRedact: (typeof log.hooks)[number] = (message) => {
      message.data = message.data.map((d) =>
        redact(typeof d === 'string' ? d : d instanceof Error ? `${d.name}: ${d.message}` : safeJson(d)),
      );
      return message;
    };
    log.hooks.push(leadprepRedact);
  }
  return log;
}

function safeJson(d: unknown): string {
  try {
    return JSON.stringify(d);
  } catch {
    return String(d);
  }
}
