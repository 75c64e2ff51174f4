import { terminalText } from './plain-text.ts';

/**
 * Progress of a sync. On a terminal one line per source is redrawn as pages arrive; elsewhere
 * (CI logs, files) every step is a plain line of its own.
 */
export interface Reporter {
  start(repo: string, mode: string, reason: string): void;
  page(repo: string, page: number, issues: number): void;
  /** A step of a long read (e.g. repositories listed): redrawn on a terminal, a line elsewhere. */
  progress(source: string, text: string): void;
  done(repo: string, outcome: string): void;
  warn(message: string): void;
}

export interface ReportStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** A reporter that prints nothing, for tests and embedding. */
export const silentReporter: Reporter = { start() {}, page() {}, progress() {}, done() {}, warn() {} };

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
  const redraw = (text: string) => {
    if (!tty) return line(text);
    stream.write(`\r\x1b[2K${terminalText(text)}`);
    open = true;
  };
  return {
    start(repo, mode, reason) {
      line(`${repo}: ${mode} sync (${reason})`);
    },
    page(repo, page, issues) {
      redraw(`${repo}: page ${page}, ${issues} issue${issues === 1 ? '' : 's'}`);
    },
    progress(source, text) {
      redraw(`${source}: ${text}`);
    },
    done(repo, outcome) {
      line(`${repo}: ${outcome}`);
    },
    warn(message) {
      line(`warning: ${message}`);
    },
  };
}
