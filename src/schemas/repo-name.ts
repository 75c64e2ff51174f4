import { z } from 'astro/zod';

/**
 * A repository as `owner/name`, the way GitHub allows them: the owner starts with a letter or
 * digit (underscores occur in enterprise-managed logins), the name is letters, digits, `.`, `_`
 * and `-`, but never `.` or `..`, which would turn a board route into a path traversal.
 */
export const repoNameSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]{0,38}\/[A-Za-z0-9._-]{1,100}$/,
    'repo must be written owner/name, e.g. acme/ml-platform',
  )
  .refine((repo) => !/\/\.\.?$/.test(repo), 'a repository cannot be named "." or ".."');
