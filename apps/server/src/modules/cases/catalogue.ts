import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Limit } from '@jing/contracts';

const Urgency = z.enum(['emergency', 'urgent', 'general', 'complex']);
const Limits = z.object({ sign: Limit, contact: Limit, resolve: Limit });

const CatalogueFile = z.object({
  source: z.string(),
  urgencyClasses: z.record(Urgency, Limits),
  duplicate: z.object({ radiusMeters: z.number().positive(), windowHours: z.number().positive() }),
  categories: z.array(
    z.object({
      code: z.string().regex(/^[a-z][a-z0-9_]*$/),
      name: z.object({ 'zh-CN': z.string(), en: z.string() }),
      parent: z.string().nullable(),
      handler: z.string().regex(/^(street|agency:[a-z_0-9]+)$/).optional(),
      urgency: Urgency.optional(),
      /** Per-category limits override the urgency class's. */
      limits: Limits.partial().optional(),
    }),
  ),
});

export type Urgency = z.infer<typeof Urgency>;
export type LimitSpec = z.infer<typeof Limit>;

export interface Category {
  code: string;
  name: { 'zh-CN': string; en: string };
  parent: string | null;
  handler: string | null;
  urgency: Urgency | null;
  limits: { sign: LimitSpec; contact: LimitSpec; resolve: LimitSpec } | null;
}

/**
 * 派单目录: the dispatch catalogue. Each leaf says who handles it (the street
 * where it happened, or the district's agency of a type), its urgency class
 * and time limits. Loaded from a JSON file a city edits.
 */
export class Catalogue {
  readonly categories: Category[];
  readonly duplicate: { radiusMeters: number; windowHours: number };
  private readonly byCode: Map<string, Category>;

  constructor(raw: unknown) {
    const file = CatalogueFile.parse(raw);
    const codes = new Set(file.categories.map((c) => c.code));
    this.categories = file.categories.map((c) => {
      if (c.parent && !codes.has(c.parent)) throw new Error(`category ${c.code}: unknown parent ${c.parent}`);
      const cls = c.urgency ? file.urgencyClasses[c.urgency] : undefined;
      return {
        code: c.code,
        name: c.name,
        parent: c.parent,
        handler: c.handler ?? null,
        urgency: c.urgency ?? null,
        limits: c.handler && cls ? { ...cls, ...c.limits } : null,
      };
    });
    this.duplicate = file.duplicate;
    this.byCode = new Map(this.categories.map((c) => [c.code, c]));
  }

  static fromFile(file: string): Catalogue {
    return new Catalogue(JSON.parse(readFileSync(file, 'utf8')));
  }

  static default(dataDir: string): Catalogue {
    return Catalogue.fromFile(join(dataDir, 'case-categories.json'));
  }

  /** A leaf category (one with a handler), or undefined. */
  leaf(code: string): Category | undefined {
    const c = this.byCode.get(code);
    return c?.handler ? c : undefined;
  }

  get(code: string): Category | undefined {
    return this.byCode.get(code);
  }
}
