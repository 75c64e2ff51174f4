import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import {
  firstUses,
  glossaryMatcher,
  isProse,
  type LinkableTerm,
} from '../../src/lib/learn/glossary-links.ts';
import { glossaryLinks, readGlossary, termsUsedIn } from '../../src/lib/learn/satteri-glossary-links.ts';

const terms: LinkableTerm[] = [
  { id: 'trust-boundary', term: 'Trust boundary', aliases: [] },
  {
    id: 'membership-inference',
    term: 'Membership inference',
    aliases: ['MIA', 'Membership inference attack'],
  },
  { id: 'inference', term: 'Inference', aliases: ['Prediction'] },
  { id: 'stride', term: 'STRIDE', aliases: [] },
  { id: 'incident-response', term: 'Incident response', aliases: ['IR'] },
  { id: 'large-language-model', term: 'Large language model', aliases: ['LLM'] },
  { id: 'differential-privacy', term: 'Differential privacy', aliases: ['DP', 'DP-SGD'] },
  { id: 'token', term: 'Token', aliases: [] },
];

const find = glossaryMatcher(terms);
/** The matched text and term id of every use in `text`. */
const uses = (text: string) => find(text).map((m) => `${text.slice(m.start, m.end)}=${m.id}`);
const moduleFile = new URL('file:///site/content/modules/track/module.mdx');
const render = async (md: string, fileURL = moduleFile, base?: string) =>
  (
    await markdownToHtml(md, {
      hastPlugins: [glossaryLinks({ terms, ...(base === undefined ? {} : { base }) })],
      fileURL,
    })
  ).html;
/** The linked terms of rendered HTML, as `text=id`. */
const links = (html: string) =>
  [...html.matchAll(/<glossary-term data-term="([^"]+)"><a [^>]*>([^<]*)<\/a><\/glossary-term>/g)].map(
    (m) => `${m[2]}=${m[1]}`,
  );

describe('glossaryMatcher', () => {
  it('prefers the longest form where forms overlap', () => {
    expect(uses('A membership inference attack differs from inference.')).toEqual([
      'membership inference attack=membership-inference',
      'inference=inference',
    ]);
  });

  it('matches aliases as their term', () => {
    expect(uses('Every prediction leaks; an MIA proves it.')).toEqual([
      'prediction=inference',
      'MIA=membership-inference',
    ]);
  });

  it('ignores case, except for terms written in capitals', () => {
    expect(uses('TRUST BOUNDARY, Trust Boundary and trust boundary')).toHaveLength(3);
    expect(uses('Take it in stride; ir is not IR; STRIDE is.')).toEqual([
      'IR=incident-response',
      'STRIDE=stride',
    ]);
  });

  it('matches whole words only, and a simple plural of the last word', () => {
    expect(uses('tokens, tokenizer, detokenise, DP-SGD, non-DP, LLMs and trust boundaries')).toEqual([
      'tokens=token',
      'DP-SGD=differential-privacy',
      'LLMs=large-language-model',
      'trust boundaries=trust-boundary',
    ]);
  });

  it('matches a term broken over two lines', () => {
    expect(uses('draw the trust\nboundary')).toEqual(['trust\nboundary=trust-boundary']);
  });
});

describe('firstUses', () => {
  it('links the first use of a term and leaves later ones, under any of its names, as text', () => {
    const linked = new Set<string>();
    expect(firstUses('An MIA, then membership inference again.', find, linked)).toEqual([
      'An ',
      { id: 'membership-inference', text: 'MIA' },
      ', then membership inference again.',
    ]);
    expect(firstUses('Membership inference, once more.', find, linked)).toEqual([
      'Membership inference, once more.',
    ]);
    expect([...linked]).toEqual(['membership-inference']);
  });

  it('does not link the shorter term inside a later use of the longer one', () => {
    const linked = new Set(['membership-inference']);
    expect(firstUses('a membership inference attack', find, linked)).toEqual([
      'a membership inference attack',
    ]);
  });
});

describe('isProse', () => {
  it('refuses text under headings, code, links and MDX components', () => {
    const el = (tagName: string) => ({ type: 'element', tagName });
    expect(isProse([el('strong'), el('p'), { type: 'root' }])).toBe(true);
    for (const tag of ['h2', 'code', 'pre', 'a', 'glossary-term'])
      expect(isProse([el('span'), el(tag), { type: 'root' }])).toBe(false);
    expect(isProse([el('p'), { type: 'mdxJsxFlowElement' }])).toBe(false);
  });
});

describe('glossaryLinks (Sätteri hast plugin)', () => {
  it('links the first use of each term in a module to its glossary entry, described by its definition', async () => {
    const html = await render('A trust boundary, and another trust boundary.\n');
    expect(html).toBe(
      '<p>A <glossary-term data-term="trust-boundary"><a href="/glossary/#trust-boundary" aria-describedby="glossary-definition-trust-boundary">trust boundary</a></glossary-term>, and another trust boundary.</p>\n',
    );
  });

  it('never links inside headings, code, code blocks or existing links, nor the front matter', async () => {
    const md = [
      '---',
      'title: Trust boundary and STRIDE',
      '---',
      '## Trust boundary',
      '',
      'See [the trust boundary](/x/), `trust boundary` and:',
      '',
      '```',
      'trust boundary',
      '```',
      '',
      'Now **the trust boundary**, then the trust boundary.',
      '',
    ].join('\n');
    const html = await render(md);
    expect(links(html)).toEqual(['trust boundary=trust-boundary']);
    expect(html).toContain('<strong>the <glossary-term');
    expect(html).toContain('<h2>Trust boundary</h2>');
    expect(html).toContain('<code>trust boundary</code>');
  });

  it('links in document order across paragraphs, lists and tables, each term once', async () => {
    const md =
      'An LLM.\n\n- a large language model\n- prediction\n\n| Term |\n|---|\n| inference and STRIDE |\n';
    expect(links(await render(md))).toEqual([
      'LLM=large-language-model',
      'prediction=inference',
      'STRIDE=stride',
    ]);
  });

  it('leaves files outside content/modules alone', async () => {
    const html = await render('A trust boundary.\n', new URL('file:///site/content/practices/p.mdx'));
    expect(links(html)).toEqual([]);
  });

  it('puts the base path in front of the entry when given one', async () => {
    expect(await render('A trust boundary.\n', moduleFile, '/tandem/')).toContain(
      'href="/tandem/glossary/#trust-boundary"',
    );
  });

  it('skips the children of MDX components', async () => {
    const { code } = await mdxToJs('<Callout>A trust boundary.</Callout>\n\nA trust boundary.\n', {
      hastPlugins: [glossaryLinks({ terms })],
      fileURL: moduleFile,
    });
    expect(code.match(/"glossary-term"\]/g)).toHaveLength(1);
    expect(code).toMatch(/Callout, \{ children: "A trust boundary\." \}/);
  });
});

describe('termsUsedIn', () => {
  it('lists, alphabetically, exactly the terms the plugin links', async () => {
    const body =
      '## STRIDE\n\nThe LLM crosses a trust boundary; `DP` is code; [prediction](/x/) is a link.\n';
    expect((await termsUsedIn(body, terms, 'track/module')).map((t) => t.id)).toEqual([
      'large-language-model',
      'trust-boundary',
    ]);
    expect(links(await render(body)).map((l) => l.split('=')[1])).toEqual([
      'large-language-model',
      'trust-boundary',
    ]);
  });
});

describe('readGlossary', () => {
  it('reads every term of the glossary with its aliases', () => {
    const glossary = readGlossary(new URL('../../content/glossary/terms.yaml', import.meta.url));
    expect(glossary.length).toBeGreaterThan(50);
    expect(glossary.find((t) => t.id === 'membership-inference')?.aliases).toContain('MIA');
  });
});

describe('forms used in another sense', () => {
  it('never links a form the glossary marks as not linked, but still links its other forms', () => {
    const match = glossaryMatcher([
      { id: 'label', term: 'Label', aliases: ['Target', 'Ground truth'], notLinked: ['Label', 'Target'] },
    ]);
    expect(match('GitHub labels and the target audience').map((m) => m.id)).toEqual([]);
    expect(match('the ground truth of each example').map((m) => m.id)).toEqual(['label']);
  });
});
