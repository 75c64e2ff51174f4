import { terminalText } from './plain-text.ts';

/**
 * Progress of a sync. On a terminal one line per source is redrawn as pages arrive; elsewhere
 * (CI logs, files) every step is a plain line of its own.
 */
export interface Reporter {
  start(repo: string, mode: string, reason: string): void;
  page(repo: string, page: number, issues: number): void;
  done(repo: string, outcome: string): void;
  warn(message: string): void;
}

export interface ReportStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** A reporter that prints nothing, for tests and embedding. */
export const silentReporter: Reporter = { start() {}, page() {}, done() {}, warn() {} };

/**
 * Every line goes through `terminalText`: a repository name or a message from a server can
 * carry escape sequences that would retitle the terminal or fake a line; here they cannot.
 */
export function createReporter(stream: ReportStream): Reporter {
  const tty = stream.isTTY === true;
  let open = false;
  const line = (text: string) => {
    if (tty && open) stream.write('\r\x1b[2K');
    open = false;
    stream.write(`${terminalText(text)}\n`);
  };
  return {
    start(repo, mode, reason) {
      line(`${repo}: ${mode} sync (${reason})`);
    },
    page(repo, page, issues) {
      const text = `${repo}: page ${page}, ${issues} issue${issues === 1 ? '' : 's'}`;
      if (!tty) return line(text);
      stream.write(`\r\x1b[2K${terminalText(text)}`);
      open = true;
    },
    done(repo, outcome) {
      line(`${repo}: ${outcome}`);
    },
    warn(message) {
      line(`warning: ${message}`);
    },
  };
}
