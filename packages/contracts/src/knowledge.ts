import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Instant } from './common.ts';

export const KnowledgeEntry = z
  .object({
    id: z.string(),
    question: z.string(),
    answer: z.string(),
    categoryCode: z.string().nullable().describe('The dispatch-catalogue category it belongs to'),
    keywords: z.array(z.string()),
    updatedAt: Instant,
  })
  .meta({ id: 'KnowledgeEntry' });

const Body = z.strictObject({
  question: z.string().min(2).max(500),
  answer: z.string().min(2).max(10000),
  categoryCode: z.string().max(64).optional(),
  keywords: z.array(z.string().min(1).max(40)).max(20).default([]),
});

export const knowledgeRoutes = {
  search: defineRoute({
    id: 'knowledge.search',
    method: 'GET',
    path: '/api/v1/knowledge',
    summary: '知识库: search the answers 12345 gives (public: residents see the same answers)',
    tag: 'knowledge',
    access: 'public',
    query: z.strictObject({
      q: z.string().max(100).optional().describe('Words of the question'),
      category: z.string().max(64).optional(),
      limit: z.coerce.number().int().min(1).max(50).default(10),
    }),
    response: z.object({ items: z.array(KnowledgeEntry) }),
  }),
  create: defineRoute({
    id: 'knowledge.create',
    method: 'POST',
    path: '/api/v1/knowledge',
    summary: 'Add an answer to the knowledge base (dispatch centre)',
    tag: 'knowledge',
    access: { permission: 'cases.dispatch' },
    body: Body,
    response: KnowledgeEntry,
    status: 201,
  }),
  update: defineRoute({
    id: 'knowledge.update',
    method: 'PUT',
    path: '/api/v1/knowledge/:id',
    summary: 'Revise an answer (dispatch centre)',
    tag: 'knowledge',
    access: { permission: 'cases.dispatch' },
    params: z.object({ id: z.string().min(1).max(64) }),
    body: Body,
    response: KnowledgeEntry,
  }),
} as const;
