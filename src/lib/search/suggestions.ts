/**
 * "Popular modules" for an empty query. The site keeps no analytics, so popularity is read
 * from the curriculum: the modules most others build on (named, directly or through another
 * module, as a prerequisite), then track order, then module order.
 */
export interface ModuleRef {
  id: string;
  prerequisites: readonly string[];
  /** Order of the module's track, then of the module in it. */
  trackOrder: number;
  order: number;
}

export function popularModules(modules: readonly ModuleRef[], limit = 5): string[] {
  const byId = new Map(modules.map((m) => [m.id, m]));
  const dependents = new Map(modules.map((m) => [m.id, 0]));
  for (const m of modules) {
    const seen = new Set<string>();
    const stack = [...m.prerequisites];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id) || !byId.has(id)) continue;
      seen.add(id);
      dependents.set(id, dependents.get(id)! + 1);
      stack.push(...byId.get(id)!.prerequisites);
    }
  }
  return [...modules]
    .sort(
      (a, b) =>
        dependents.get(b.id)! - dependents.get(a.id)! || a.trackOrder - b.trackOrder || a.order - b.order,
    )
    .slice(0, limit)
    .map((m) => m.id);
}
