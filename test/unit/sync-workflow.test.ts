import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  permissions: Record<string, string>;
  steps: Step[];
}

const text = await readFile(new URL('../../.github/workflows/sync-and-deploy.yml', import.meta.url), 'utf8');
const workflow = parse(text) as {
  on: Record<string, unknown>;
  permissions: unknown;
  jobs: Record<string, Job>;
};
const { sync, commit, build, deploy } = workflow.jobs as Record<'sync' | 'commit' | 'build' | 'deploy', Job>;

describe('the sync-and-deploy workflow', () => {
  it('runs on a schedule and on demand, with a full-sync switch', () => {
    expect(workflow.on['schedule']).toBeInstanceOf(Array);
    expect(workflow.on['workflow_dispatch']).toMatchObject({ inputs: { full: { type: 'boolean' } } });
  });

  it('grants nothing by default and only what each job needs', () => {
    expect(workflow.permissions).toEqual({});
    expect(sync.permissions).toEqual({ contents: 'read', issues: 'read' });
    expect(commit.permissions).toEqual({ contents: 'write' });
    expect(build.permissions).toEqual({ contents: 'read' });
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  it('hands the issues token to the sync step alone', () => {
    const withToken = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.filter((step) => JSON.stringify(step).match(/secrets\.|github\.token|GITHUB_TOKEN/)),
    );
    expect(withToken).toHaveLength(1);
    expect(withToken[0]!.run).toMatch(/npm run sync/);
    expect(sync.steps.find((s) => s.uses?.startsWith('actions/checkout'))!.with).toMatchObject({
      'persist-credentials': false,
    });
  });

  it('offers a GitHub App, with its key from a secret and its IDs from variables, in the sync step alone', () => {
    const step = sync.steps.find((s) => s.run?.includes('npm run sync'))!;
    expect(step.env).toMatchObject({
      GITHUB_APP_ID: '${{ vars.BOARD_SYNC_APP_ID }}',
      GITHUB_APP_INSTALLATION_ID: '${{ vars.BOARD_SYNC_APP_INSTALLATION_ID }}',
      GITHUB_APP_PRIVATE_KEY: '${{ secrets.BOARD_SYNC_APP_PRIVATE_KEY }}',
    });
    const withKey = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.filter((s) => JSON.stringify(s).includes('APP_PRIVATE_KEY')),
    );
    expect(withKey).toEqual([step]);
  });

  it('commits the snapshot without running project code where the write token lives', () => {
    expect(commit.steps.some((s) => s.run?.includes('npm'))).toBe(false);
    expect(commit.steps.some((s) => s.uses?.startsWith('actions/download-artifact'))).toBe(true);
  });

  it('commits a synced snapshot only after the site was built from it', () => {
    expect(build.needs).toBe('sync');
    expect(commit.needs).toEqual(['sync', 'build']);
    expect(commit.if).toMatch(/needs\.build\.result == 'success'/);
    expect(deploy.if).toMatch(/needs\.commit\.result != 'failure'/);
  });

  it('builds and deploys dist/ to GitHub Pages', () => {
    expect(build.steps.some((s) => s.run === 'npm run build')).toBe(true);
    expect(build.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))!.with).toEqual({
      path: 'dist',
    });
    expect(deploy.steps.some((s) => s.uses?.startsWith('actions/deploy-pages'))).toBe(true);
  });

  it('pins every action by full commit SHA, with the tag in a comment', () => {
    const uses = [...text.matchAll(/uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(5);
    for (const [, ref, rest] of uses) {
      expect(ref).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      expect(rest).toMatch(/# v\d/);
    }
  });
});
