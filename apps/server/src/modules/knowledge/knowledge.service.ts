import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { inTransaction, nowIso } from '@jing/db';
import type { Caller } from '../../platform/auth/context.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import type { AuditLog } from '../audit/index.ts';

interface Row {
  id: string;
  question: string;
  answer: string;
  category_code: string | null;
  keywords: string;
  updated_by: string | null;
  updated_at: string;
}

export interface KnowledgeInput {
  question: string;
  answer: string;
  categoryCode?: string;
  keywords: string[];
}

/** Latin words as they are; CJK runs as overlapping pairs of characters (single characters alone). */
export function searchTerms(text: string): string[] {
  const out = new Set<string>();
  for (const part of text.toLowerCase().split(/[\s,，。？?！!、;；:：]+/).filter(Boolean)) {
    for (const run of part.match(/[\u3400-\u9fff]+|[^\u3400-\u9fff]+/g) ?? []) {
      if (!/[\u3400-\u9fff]/.test(run)) out.add(run);
      else if (run.length === 1) out.add(run);
      else for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2));
    }
  }
  return [...out].slice(0, 30);
}

const view = (r: Row) => ({ id: r.id, question: r.question, answer: r.answer, categoryCode: r.category_code, keywords: r.keywords ? r.keywords.split('|') : [], updatedAt: r.updated_at });

/**
 * 知识库: the answers 12345 gives to common questions, so an operator can
 * answer a consultation on the spot and residents read the same words.
 */
export class KnowledgeService {
  constructor(
    private readonly db: Kysely<any>,
    private readonly audit: AuditLog,
    private readonly isCategory: (code: string) => boolean,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Answers ranked by how many of the query's terms they contain (question ×3,
   * keywords ×2, answer ×1). Chinese has no spaces, so CJK runs are cut into
   * overlapping two-character terms (供暖时间 → 供暖, 暖时, 时间). The knowledge
   * base is small enough (thousands of answers) to score in memory.
   */
  async search(q: { q?: string; category?: string; limit: number }) {
    let query = this.db.selectFrom('knowledge_entries').selectAll();
    if (q.category) query = query.where('category_code', '=', q.category);
    const rows = (await query.orderBy('updated_at', 'desc').limit(5000).execute()) as Row[];
    const terms = searchTerms(q.q ?? '');
    if (terms.length === 0) return rows.slice(0, q.limit).map(view);
    const score = (r: Row) => terms.reduce((s, w) => s + (r.question.includes(w) ? 3 : 0) + (r.keywords.includes(w) ? 2 : 0) + (r.answer.includes(w) ? 1 : 0), 0);
    return rows
      .map((r) => ({ r, s: score(r) }))
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s)
      .slice(0, q.limit)
      .map((x) => view(x.r));
  }

  async get(id: string) {
    const r = (await this.db.selectFrom('knowledge_entries').selectAll().where('id', '=', id).executeTakeFirst()) as Row | undefined;
    return r ? view(r) : null;
  }

  async save(caller: Caller, id: string | null, input: KnowledgeInput) {
    if (input.categoryCode && !this.isCategory(input.categoryCode)) throw invalidField('body.categoryCode', `unknown category ${input.categoryCode}`);
    const before = id ? await this.get(id) : null;
    if (id && !before) throw notFound('knowledge entry', id);
    const row: Row = {
      id: id ?? randomUUID(),
      question: input.question,
      answer: input.answer,
      category_code: input.categoryCode ?? null,
      keywords: input.keywords.map((k) => k.replaceAll('|', ' ')).join('|'),
      updated_by: caller.auth?.actor.id ?? null,
      updated_at: nowIso(this.clock),
    };
    await inTransaction(this.db, async (trx) => {
      if (id) await trx.updateTable('knowledge_entries').set(row).where('id', '=', id).execute();
      else await trx.insertInto('knowledge_entries').values(row).execute();
      await this.audit.record(trx, caller, { action: id ? 'knowledge.update' : 'knowledge.create', targetType: 'knowledge_entry', targetId: row.id, before, after: view(row) });
    });
    return view(row);
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('knowledge_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
