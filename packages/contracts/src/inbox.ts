import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Instant } from './common.ts';

export const TrafficLight = z.enum(['green', 'yellow', 'red', 'none']).describe('green: on time; yellow: near the limit; red: overdue; none: no deadline');
export type TrafficLight = z.infer<typeof TrafficLight>;

export const WorkItem = z
  .object({
    id: z.string(),
    module: z.string().describe('The module that posted it, e.g. `cases`'),
    kind: z.string().describe('What kind of work, e.g. `case.sign`'),
    sourceId: z.string().describe('Id of the record in the posting module'),
    title: z.string(),
    summary: z.string().nullable(),
    link: z.string().describe('Where to act on it in the web app, e.g. `/ban/cases/…`'),
    assigneeId: z.string().nullable().describe('The person, when assigned to one'),
    unitCode: z.string().describe('The unit it belongs to (the unit inbox)'),
    status: z.enum(['open', 'done', 'cancelled']),
    dueAt: Instant.nullable(),
    light: TrafficLight,
    createdAt: Instant,
    completedAt: Instant.nullable(),
  })
  .meta({ id: 'WorkItem' });
export type WorkItem = z.infer<typeof WorkItem>;

export const inboxRoutes = {
  list: defineRoute({
    id: 'inbox.list',
    method: 'GET',
    path: '/api/v1/inbox',
    summary: 'My to-do inbox: items assigned to me, or to my unit',
    tag: 'inbox',
    access: 'session',
    query: z.strictObject({
      box: z.enum(['mine', 'unit']).default('mine').describe('mine: assigned to me (and unassigned items of my unit); unit: everything of my unit'),
      status: z.enum(['open', 'done', 'all']).default('open'),
      light: TrafficLight.optional().describe('Only items with this light'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    response: z.object({ items: z.array(WorkItem), counts: z.object({ green: z.number(), yellow: z.number(), red: z.number(), none: z.number() }) }),
  }),
} as const;
