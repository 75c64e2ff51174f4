import type { Step } from './assessment.ts';

/** The workshop's five steps and their headings, in order. */
export const STEP_TITLES: Record<Step, string> = {
  describe: 'Describe the system',
  review: 'Review threats',
  rate: 'Rate together',
  assign: 'Owners and controls',
  register: 'Register',
};
