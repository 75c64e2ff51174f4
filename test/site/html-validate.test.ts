import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { readPages } from './dist.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Checkbox groups ("select all that apply") share a name by design, as radio groups do.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox'] }],
  },
});

const pages = readPages(inject('distDir'));

describe('html-validate on every built page', () => {
  it.each(pages.map((p) => [p.route, p.html]))('finds zero errors on %s', async (route, html) => {
    const report = await validator.validateString(html, route);
    const messages = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector ?? `line ${m.line}`})`),
    );
    expect(messages).toEqual([]);
  });
});
