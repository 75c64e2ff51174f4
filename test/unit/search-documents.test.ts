import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { boardDocument } from '../../src/lib/search/board-documents.ts';
import {
  checklistDocument,
  moduleDocument,
  practiceDocument,
  termDocument,
} from '../../src/lib/search/content-documents.ts';
import { documentsFromSources } from '../../src/lib/search/content-sources.ts';
import { BOARD_FIELDS, CONTENT_FIELDS } from '../../src/lib/search/fields.ts';
import { markdownToText } from '../../src/lib/search/markdown-text.ts';
import { shorten } from '../../src/lib/search/snippet.ts';
import { popularModules } from '../../src/lib/search/suggestions.ts';
import { tagIds, tagText } from '../../src/lib/search/tag-text.ts';
import type { SearchDocument } from '../../src/lib/search/types.ts';

/** The field names a part indexes from a document's text (`ids` come from `ids`). */
const textFields = (fields: object) => Object.keys(fields).filter((name) => name !== 'ids');
const GDPR = { id: 'GDPR', name: 'EU General Data Protection Regulation (Regulation (EU) 2016/679)' };

describe('markdownToText', () => {
  it('separates headings from prose and keeps what a reader sees as text', () => {
    const md = [
      "import Aside from '../../src/components/mdx/Aside.astro';",
      '',
      '## Why it **matters**',
      '',
      'Read the [OWASP list](https://owasp.org) and `pip install dvc`.',
      '',
      '| Control | Owner |',
      '| --- | --- |',
      '| Encryption | Security |',
      '',
      '- first item',
      '- second item',
      '',
      '### Code',
      '',
      '```python',
      'import numpy as np',
      '```',
      '',
      '![A diagram of the pipeline](x.png)',
    ].join('\n');
    expect(markdownToText(md)).toEqual({
      headings: ['Why it matters', 'Code'],
      text: 'Read the OWASP list and pip install dvc. Control Owner Encryption Security first item second item A diagram of the pipeline',
    });
  });

  it('never runs into words across blocks or hard breaks', () => {
    expect(markdownToText('one  \ntwo\n\nthree').text).toBe('one two three');
  });
});

describe('tagText', () => {
  it('writes tags as IDs and names, each scheme named once, and keeps unknown tags as written', () => {
    expect(tagText(['owasp-ml:ML02:2023', 'owasp-ml:ML01:2023', 'reg:gdpr', 'atlas:AML.T9999'])).toBe(
      'ML02:2023 Data Poisoning Attack ; ML01:2023 Input Manipulation Attack ; GDPR EU General Data Protection Regulation (Regulation (EU) 2016/679) ; atlas:AML.T9999 ; OWASP Machine Learning Security Top 10 (2023) ; Regulation',
    );
  });
});

describe('tagIds', () => {
  it('lists the IDs and names of known ATLAS, OWASP and regulation tags, not NIST functions', () => {
    const tags = ['atlas:AML.T0020', 'nist:MAP', 'owasp-llm:LLM01:2026', 'reg:gdpr', 'atlas:AML.T9999', 'x'];
    expect(tagIds(tags)).toEqual([
      { id: 'AML.T0020', name: 'Poison Training Data' },
      { id: 'LLM01:2026', name: 'Prompt Injection' },
      GDPR,
    ]);
    expect(tagIds(['nist:MEASURE', 'nist:GOVERN'])).toEqual([]);
  });
});

describe('shorten', () => {
  it('cuts at a word boundary with an ellipsis and collapses whitespace', () => {
    expect(shorten('one two   three four', 100)).toBe('one two three four');
    expect(shorten('Encrypt every store in the pipeline, at rest and in transit.', 30)).toBe(
      'Encrypt every store in the…',
    );
    expect(shorten('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

const meta = {
  owner: 'security' as const,
  tags: ['reg:GDPR'],
  summary: 'A summary of at least twenty characters.',
};

describe('content documents', () => {
  it('indexes a module with its headings, objectives, tags and body, linking to its route', () => {
    const d = moduleDocument({
      id: 'security-for-data-scientists/privacy-attacks',
      data: {
        ...meta,
        title: 'Privacy attacks',
        objectives: ['Explain membership inference', 'Measure leakage'],
      },
      body: '## Membership inference\n\nAn attacker asks whether a record was used.',
    });
    expect(d).toMatchObject({
      type: 'module',
      title: 'Privacy attacks',
      url: '/learn/security-for-data-scientists/privacy-attacks/',
      owner: 'security',
    });
    expect(d.fields).toEqual({
      title: 'Privacy attacks',
      headings: 'Membership inference',
      summary: 'A summary of at least twenty characters. ; Explain membership inference ; Measure leakage',
      tags: 'module ; GDPR EU General Data Protection Regulation (Regulation (EU) 2016/679) ; Regulation',
      body: 'An attacker asks whether a record was used.',
    });
    expect(Object.keys(d.fields)).toEqual(textFields(CONTENT_FIELDS));
    expect(d.ids).toEqual([GDPR]);
    expect(d.text).toBe(
      'A summary of at least twenty characters.\nAn attacker asks whether a record was used.',
    );
  });

  it('indexes a checklist’s sections and item titles as headings and its prompts as body', () => {
    const item = {
      id: 'a',
      title: 'Lawful basis',
      prompt: 'Is there a lawful basis?',
      why: 'Purpose limitation.',
      owner: 'shared' as const,
      tags: ['reg:HIPAA'],
      references: [],
    };
    const d = checklistDocument({
      id: 'ethics',
      data: {
        ...meta,
        title: 'Ethics review',
        sections: [{ id: 's', title: 'Data collection', items: [item] }],
      },
    });
    expect(d.url).toBe('/checklists/ethics/');
    expect(d.fields['headings']).toBe('Data collection ; Lawful basis');
    expect(d.fields['body']).toBe('Is there a lawful basis? Purpose limitation.');
    expect(d.fields['tags']).toMatch(/^checklist ; GDPR .* ; HIPAA /);
    expect(d.ids.map((t) => t.id)).toEqual(['GDPR', 'HIPAA']);
    expect(d.text).toBe(
      'A summary of at least twenty characters.\nLawful basis: Is there a lawful basis? Purpose limitation.',
    );
  });

  it('indexes a practice’s area and its responsibility table as the page shows them', () => {
    const d = practiceDocument({
      id: 'respond',
      data: {
        ...meta,
        title: 'Respond jointly',
        area: 'monitoring-and-response',
        responsibilities: [
          {
            activity: 'Run the playbook',
            security: 'R/A',
            dataScience: 'C',
            privacyLegal: '-',
            productOwner: '-',
            shared: 'I',
          },
        ],
      },
      body: 'Prose.',
    });
    expect(d.fields['headings']).toBe('Who does what');
    expect(d.fields['tags']).toMatch(/^practice ; Monitoring and incident response ; /);
    expect(d.fields['body']).toBe(
      'Prose. ; Run the playbook: Security responsible and accountable, Data science consulted, Joint forum informed',
    );
    expect(d.text).toBe('A summary of at least twenty characters.\nProse.');
    expect(d.ids).toEqual([GDPR]);
  });

  it('indexes a glossary term with its aliases as title and links to its anchor', () => {
    const d = termDocument({
      id: 'rag',
      term: 'Retrieval-augmented generation',
      aliases: ['RAG'],
      owner: 'data-science',
      definition: 'A model answers from retrieved documents.',
      tags: ['atlas:AML.T0051', 'nist:MAP'],
    });
    expect(d).toMatchObject({
      type: 'term',
      title: 'Retrieval-augmented generation',
      aliases: ['RAG'],
      url: '/glossary/#rag',
      snippet: 'A model answers from retrieved documents.',
      text: 'A model answers from retrieved documents.',
    });
    expect(d.fields['title']).toBe('Retrieval-augmented generation ; RAG');
    expect(d.ids.map((t) => t.id)).toEqual(['AML.T0051']);
  });
});

describe('boardDocument', () => {
  const item = {
    key: 'acme/ml-platform#42',
    title: '<img src=x onerror=alert(1)> in the model card',
    owner: null,
    severity: 'critical' as const,
    phases: ['deployment' as const],
    tags: ['owasp-llm:LLM01:2026'],
    unknownTags: ['atlas:AML.T9999'],
    labels: [{ name: 'needs-triage', color: 'ededed' }],
    excerpt: 'Word '.repeat(80),
  };

  it('indexes title, labels with owner, severity, phases and taxonomy names, and a short excerpt', () => {
    const d = boardDocument(item);
    expect(d).toMatchObject({
      type: 'board',
      url: '/board/acme/ml-platform/42/',
      owner: null,
      title: item.title,
    });
    expect(d.fields['labels']).toBe(
      'Needs an owner ; critical severity ; deployment ; needs-triage ; LLM01:2026 Prompt Injection ; atlas:AML.T9999 ; OWASP Top 10 for LLM Applications',
    );
    expect(d.fields['body']!.length).toBeLessThanOrEqual(200);
    expect(d.snippet.length).toBeLessThanOrEqual(140);
    expect(Object.keys(d.fields)).toEqual(textFields(BOARD_FIELDS));
    // Unknown tags are searchable text, not IDs that rank a document first.
    expect(d.ids).toEqual([{ id: 'LLM01:2026', name: 'Prompt Injection' }]);
    expect(d.text).toBeUndefined();
  });
});

describe('popularModules', () => {
  it('prefers the modules most others build on, then track and module order', () => {
    const m = (id: string, trackOrder: number, order: number, prerequisites: string[] = []) => ({
      id,
      trackOrder,
      order,
      prerequisites,
    });
    const modules = [
      m('a/1', 1, 1),
      m('a/2', 1, 2, ['a/1']),
      m('a/3', 1, 3, ['a/2']),
      m('b/1', 2, 1),
      m('b/2', 2, 2, ['b/1']),
      m('c/1', 3, 1),
    ];
    expect(popularModules(modules, 4)).toEqual(['a/1', 'a/2', 'b/1', 'a/3']);
  });

  it('survives prerequisite cycles and unknown ids', () => {
    const modules = [
      { id: 'x', trackOrder: 1, order: 1, prerequisites: ['y', 'ghost'] },
      { id: 'y', trackOrder: 1, order: 2, prerequisites: ['x'] },
    ];
    expect(popularModules(modules)).toEqual(['x', 'y']);
  });
});

describe('documentsFromSources', () => {
  const fixtures = fileURLToPath(new URL('../fixtures/content/', import.meta.url));
  const files = readdirSync(fixtures, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(mdx|yaml|json)$/.test(f))
    .map((f) => ({ path: f.split('\\').join('/'), text: readFileSync(join(fixtures, f), 'utf8') }));

  it('reads content files with the build’s schemas into content and board documents', () => {
    const site = documentsFromSources(files);
    expect(site.content.map((d) => d.type)).toEqual(
      expect.arrayContaining(['module', 'checklist', 'practice', 'term']),
    );
    expect(site.content.find((d) => d.type === 'module')!.url).toBe('/learn/basics/first-module/');
    expect(site.suggest).toEqual(['/learn/basics/first-module/']);
    expect(site.board.every((d) => d.type === 'board' && d.url.startsWith('/board/'))).toBe(true);
    const complete = (d: SearchDocument, fields: object) =>
      textFields(fields).every((name) => typeof d.fields[name] === 'string');
    expect(site.content.every((d) => complete(d, CONTENT_FIELDS) && typeof d.text === 'string')).toBe(true);
    expect(site.board.length).toBeGreaterThan(0);
    expect(site.board.every((d) => complete(d, BOARD_FIELDS))).toBe(true);
  });

  it('names the file when it has no front matter or fails its schema', () => {
    expect(() => documentsFromSources([{ path: 'modules/t/bad.mdx', text: 'no front matter' }])).toThrow(
      /^modules\/t\/bad\.mdx: no front matter/,
    );
    const module = files.find((f) => f.path.startsWith('modules/'))!;
    const broken = { ...module, text: module.text.replace(/^owner: .*$/m, 'owner: marketing') };
    expect(() => documentsFromSources([broken])).toThrow(
      /^modules\/basics\/first-module\.mdx: .*owner must be one of/s,
    );
  });
});
