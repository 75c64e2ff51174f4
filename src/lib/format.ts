/** Formatting shared by pages. Dates are ISO (YYYY-MM-DD) everywhere: one format for people and machines. */
import type { Owner } from '../schemas/owner.ts';
import { truncate } from './sync/plain-text.ts';

const OWNER_LABELS: Record<Owner, string> = {
  security: 'Security',
  'data-science': 'Data science',
  shared: 'Shared',
};

/** Human name of an owner team; null means nobody owns it yet. */
export function ownerLabel(owner: Owner | null): string {
  return owner ? OWNER_LABELS[owner] : 'Needs an owner';
}

/** `2026-11-20` — stable, unambiguous, and what `<time datetime>` wants. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `45 min` or `1 h 30 min`. */
export function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/**
 * A page title short enough for tabs and search results (they cut near 70 characters), cut
 * by code point so an emoji or other astral character is never split into U+FFFD.
 */
export function shortTitle(title: string, max = 58): string {
  return truncate(title, max);
}
