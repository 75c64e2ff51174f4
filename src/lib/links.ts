/**
 * Links back to the content repository: "Edit this page" and "Report a problem" (a prefilled
 * new-issue URL). Built from the single repository setting in src/site.config.ts; when that is
 * null the pages leave these links out.
 */
export interface Repository {
  url: string;
  branch: string;
}

/** GitHub's editor for a file, given its path from the repository root. */
export function editUrl(repo: Repository, filePath: string): string {
  const clean = filePath.replace(/^\.?\//, '');
  return `${repo.url}/edit/${encodeURIComponent(repo.branch)}/${clean.split('/').map(encodeURIComponent).join('/')}`;
}

export interface NewIssue {
  title: string;
  body: string;
  labels?: string[];
}

/** A prefilled "new issue" URL; every value is encoded so untrusted text cannot break out. */
export function newIssueUrl(repo: Pick<Repository, 'url'>, issue: NewIssue): string {
  const params = new URLSearchParams({ title: issue.title, body: issue.body });
  if (issue.labels?.length) params.set('labels', issue.labels.join(','));
  return `${repo.url}/issues/new?${params.toString()}`;
}

/** "Report a problem" on a page: names the page and its source file so triage is quick. */
export function reportProblemUrl(
  repo: Repository,
  page: { title: string; url: string; filePath?: string },
): string {
  const lines = [
    `Page: ${page.title}`,
    `URL: ${page.url}`,
    ...(page.filePath ? [`Source: ${page.filePath}`] : []),
    '',
    'What is wrong or missing?',
    '',
  ];
  return newIssueUrl(repo, {
    title: `Problem on "${page.title}"`,
    body: lines.join('\n'),
    labels: ['content'],
  });
}

/**
 * The link to an issue on GitHub, built from the configured web origin and the issue's own
 * coordinates, never taken from what the API reports (an attacker-controlled `url` could point
 * anywhere). `repo` is `owner/name` as validated by the schemas.
 */
export function githubIssueUrl(webUrl: string, repo: string, number: number): string {
  const [owner = '', name = ''] = repo.split('/');
  return `${webUrl}/${encodeURIComponent(owner)}/${encodeURIComponent(name)}/issues/${number}`;
}
