/**
 * Keeps secrets out of everything the sync prints. Each secret is replaced in every form output
 * could carry it in: as given, trimmed, each whitespace-separated piece (a token pasted with a
 * newline is printed in halves; a PEM key is printed line by line), and its JSON-, URL- and
 * `\n`-escaped spellings. Secrets met during the run (an App's JWT, each installation token)
 * are added as they appear.
 */
export interface Redactor {
  add(secret: string): void;
  (text: string): string;
}

/** Pieces shorter than this are not secret on their own. */
const MIN_PIECE = 6;
/** PEM armour ("-----BEGIN", "PRIVATE", "KEY-----") is not secret, and is printed in every key. */
const ARMOUR = /^[-A-Z ]+$/;

export function createRedactor(...secrets: string[]): Redactor {
  let forms: string[] = [];
  const known = new Set<string>();
  const redact = ((text: string) =>
    forms.reduce((out, form) => out.split(form).join('[REDACTED]'), text)) as Redactor;
  redact.add = (secret: string) => {
    if (secret.trim().length < 4 || known.has(secret)) return;
    known.add(secret);
    const pieces = secret.split(/\s+/).filter((piece) => piece.length >= MIN_PIECE && !ARMOUR.test(piece));
    const candidates = [
      secret,
      secret.trim(),
      JSON.stringify(secret).slice(1, -1),
      encodeURIComponent(secret),
      secret.replaceAll('\n', '\\n'),
      ...pieces,
    ].filter((form) => form.trim().length >= 4 && !ARMOUR.test(form));
    forms = [...new Set([...forms, ...candidates])].sort((a, b) => b.length - a.length);
  };
  for (const secret of secrets) redact.add(secret);
  return redact;
}
