/** Review status of a content page: overdue once the last review is older than the interval. */
const DAY_MS = 86_400_000;

export interface ReviewStatus {
  /** Whole days since the last review. */
  ageDays: number;
  /** True when the page has not been reviewed within the interval. */
  overdue: boolean;
  /** When the next review falls due. */
  dueDate: Date;
}

export function reviewStatus(lastReviewed: Date, now: Date, intervalDays: number): ReviewStatus {
  const ageDays = Math.floor((now.getTime() - lastReviewed.getTime()) / DAY_MS);
  return {
    ageDays,
    overdue: ageDays > intervalDays,
    dueDate: new Date(lastReviewed.getTime() + intervalDays * DAY_MS),
  };
}
