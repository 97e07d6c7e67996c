/**
 * 好差评: one rating per completed application online (一事一评) and one per
 * hall visit (一次一评), five levels with the standard dimensions (国办发〔2019〕51号,
 * GB/T 39734-2020). The bottom two levels are 差评: each opens a rectification
 * task (整改) for the responsible unit through 督办, with a logged callback (回访),
 * an outcome and an appeal (申诉) the service administration reviews.
 * Rules and formulas: docs/halls-and-ratings.md.
 */
import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Instant, UnitCode } from './common.ts';

export const RatingLevel = z
  .enum(['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'])
  .describe('非常满意 | 满意 | 基本满意 | 不满意 | 非常不满意 (the last two are 差评)');
export type RatingLevel = z.infer<typeof RatingLevel>;
export const RATING_LEVELS = RatingLevel.options;
/** Levels that count as 差评 (bad reviews). */
export const BAD_LEVELS: readonly RatingLevel[] = ['dissatisfied', 'very_dissatisfied'];

export const SubjectKind = z.enum(['application', 'hall_visit']).describe('application 办件 (一事一评, online) | hall_visit 大厅办事 (一次一评, on site)');
export type SubjectKind = z.infer<typeof SubjectKind>;

/** The standard dimensions by channel; `overall` (整体满意度) is the rating's own level. */
export const RATING_DIMENSIONS = {
  application: ['efficiency', 'guide_accuracy', 'convenience', 'usability'],
  hall_visit: ['efficiency', 'service_level', 'attitude'],
} as const satisfies Record<SubjectKind, readonly string[]>;
export type RatingDimension = (typeof RATING_DIMENSIONS)[SubjectKind][number];

export const RectificationStatus = z
  .enum(['open', 'rectified', 'voided'])
  .describe('open 待整改 → rectified 已整改 (outcome given) | voided 已作废 (appeal upheld)');
export const AppealStatus = z.enum(['pending', 'upheld', 'rejected']).describe('pending 审核中 | upheld 申诉成立 (review voided) | rejected 驳回');
export const OutcomeKind = z.enum(['fixed_now', 'fix_by_date', 'explained']).describe('立行立改 | 限期整改 | 解释说明');
export const CallbackChannel = z.enum(['phone', 'sms', 'visit', 'online']);

export const Callback = z
  .object({
    id: z.string(),
    at: Instant.describe('When the callback took place'),
    loggedAt: Instant,
    by: z.object({ id: z.string(), name: z.string() }),
    channel: CallbackChannel,
    reached: z.boolean().describe('Whether the rater was reached'),
    text: z.string().describe('What was said'),
  })
  .meta({ id: 'RatingCallback' });

export const Rating = z
  .object({
    id: z.string(),
    subject: z.object({ kind: SubjectKind, id: z.string() }),
    level: RatingLevel,
    dimensions: z.record(z.string(), RatingLevel).describe('Dimension → level, for the dimensions the rater chose to rate'),
    comment: z.string().nullable(),
    bad: z.boolean().describe('差评: 不满意 or 非常不满意'),
    itemCode: z.string().nullable(),
    unit: z.object({ code: z.string(), name: z.string() }).describe('The responsible unit (谁办理、谁负责)'),
    hall: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdAt: Instant,
    mine: z.boolean().describe('The caller gave this rating'),
    rater: z.object({ name: z.string() }).nullable().describe('Shown to the responsible unit and reviewers only'),
    rectification: z
      .object({
        status: RectificationStatus,
        dueAt: Instant.describe('Deadline in working days (default 5)'),
        overdue: z.boolean(),
        supervisionTaskId: z.string().nullable(),
        callbacks: z.array(Callback),
        outcome: z.object({ kind: OutcomeKind, text: z.string(), fixBy: Instant.nullable(), at: Instant, by: z.object({ id: z.string(), name: z.string() }) }).nullable(),
        appeal: z
          .object({
            status: AppealStatus,
            reason: z.string(),
            at: Instant,
            by: z.object({ id: z.string(), name: z.string() }),
            decidedAt: Instant.nullable(),
            decidedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
            comment: z.string().nullable(),
          })
          .nullable(),
      })
      .nullable()
      .describe('For 差评 only'),
    voided: z.boolean().describe('Voided ratings leave the statistics'),
    version: z.number().int(),
  })
  .meta({ id: 'Rating' });

export const RatingStatsRow = z
  .object({
    key: z.string().describe('Item code, unit code or hall id'),
    name: z.string(),
    count: z.number().int().describe('Ratings, voided ones left out'),
    satisfied: z.number().int().describe('基本满意 or better'),
    satisfactionRate: z.number().nullable().describe('satisfied / count'),
    bad: z.number().int().describe('差评'),
    rectified: z.number().int().describe('差评 with an outcome recorded'),
    rectifiedShare: z.number().nullable().describe('rectified / bad'),
    levels: z.record(RatingLevel, z.number().int()),
  })
  .meta({ id: 'RatingStatsRow' });

const IdParams = z.object({ id: z.string().min(1).max(64) });
const Versioned = { version: z.number().int().min(0).describe('The rating version you loaded; a stale one gets 409') };

export const ratingRoutes = {
  create: defineRoute({
    id: 'ratings.create',
    method: 'POST',
    path: '/api/v1/ratings',
    summary: '评价: rate a completed application or a finished hall visit (once, by the person served)',
    tag: 'ratings',
    access: 'session',
    body: z.strictObject({
      subjectKind: SubjectKind,
      subjectId: z.string().min(1).max(64),
      level: RatingLevel.describe('整体满意度'),
      dimensions: z.record(z.string(), RatingLevel).default({}).describe('Optional levels of the channel’s standard dimensions'),
      comment: z.string().max(2000).optional(),
    }),
    response: Rating,
    status: 201,
  }),
  forSubject: defineRoute({
    id: 'ratings.forSubject',
    method: 'GET',
    path: '/api/v1/ratings/subjects/:kind/:id',
    summary: 'Whether I may rate a subject, and my rating of it if given',
    tag: 'ratings',
    access: 'session',
    params: z.object({ kind: SubjectKind, id: z.string().min(1).max(64) }),
    response: z.object({
      ratable: z.boolean(),
      reason: z.enum(['ok', 'not_found', 'not_yours', 'not_completed', 'already_rated']),
      dimensions: z.array(z.string()).describe('The standard dimensions of this channel'),
      rating: Rating.nullable(),
    }),
  }),
  mine: defineRoute({
    id: 'ratings.mine',
    method: 'GET',
    path: '/api/v1/ratings/mine',
    summary: 'Ratings I gave',
    tag: 'ratings',
    access: 'session',
    response: z.object({ items: z.array(Rating) }),
  }),
  get: defineRoute({
    id: 'ratings.get',
    method: 'GET',
    path: '/api/v1/ratings/:id',
    summary: 'One rating with its rectification (the rater, the responsible unit, reviewers in scope)',
    tag: 'ratings',
    access: 'session',
    params: IdParams,
    response: Rating,
  }),
  rectifications: defineRoute({
    id: 'ratings.rectifications',
    method: 'GET',
    path: '/api/v1/ratings/rectifications',
    summary: '差评整改: bad reviews of my unit, or (review) appeals awaiting the service administration',
    tag: 'ratings',
    access: 'session',
    query: z.strictObject({
      role: z.enum(['unit', 'review']).default('unit').describe('unit: bad reviews of my unit; review: bad reviews within my ratings.review scope'),
      status: z.enum(['open', 'rectified', 'voided', 'appeal_pending', 'all']).default('all'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: z.object({ items: z.array(Rating) }),
  }),
  callback: defineRoute({
    id: 'ratings.callback',
    method: 'POST',
    path: '/api/v1/ratings/:id/callbacks',
    summary: '回访: log a callback to the rater (who, when, channel, what was said)',
    tag: 'ratings',
    access: 'session',
    params: IdParams,
    body: z.strictObject({
      ...Versioned,
      at: z.iso.datetime({ offset: true }).optional().describe('When it took place (default now; never in the future)'),
      channel: CallbackChannel,
      reached: z.boolean(),
      text: z.string().min(1).max(2000),
    }),
    response: Rating,
    status: 201,
  }),
  outcome: defineRoute({
    id: 'ratings.outcome',
    method: 'POST',
    path: '/api/v1/ratings/:id/outcome',
    summary: '整改结果: 立行立改, 限期整改 (with a date) or 解释说明; needs a logged callback first; reports the 督办 task',
    tag: 'ratings',
    access: 'session',
    params: IdParams,
    body: z.strictObject({
      ...Versioned,
      kind: OutcomeKind,
      text: z.string().min(1).max(5000),
      fixBy: z.iso.datetime({ offset: true }).optional().describe('For fix_by_date: when it will be fixed'),
    }),
    response: Rating,
  }),
  appeal: defineRoute({
    id: 'ratings.appeal',
    method: 'POST',
    path: '/api/v1/ratings/:id/appeal',
    summary: '申诉: the responsible unit contests a mistaken or malicious bad review (once)',
    tag: 'ratings',
    access: 'session',
    params: IdParams,
    body: z.strictObject({ ...Versioned, reason: z.string().min(1).max(2000) }),
    response: Rating,
  }),
  decideAppeal: defineRoute({
    id: 'ratings.decideAppeal',
    method: 'POST',
    path: '/api/v1/ratings/:id/appeal/decision',
    summary: '申诉审核: the service administration upholds (voids the review) or rejects an appeal',
    tag: 'ratings',
    access: { permission: 'ratings.review' },
    params: IdParams,
    body: z.strictObject({ ...Versioned, uphold: z.boolean(), comment: z.string().min(1).max(2000) }),
    response: Rating,
  }),
  stats: defineRoute({
    id: 'ratings.stats',
    method: 'GET',
    path: '/api/v1/ratings/stats',
    summary: '好差评 statistics per item, unit or hall (published; voided ratings left out)',
    tag: 'ratings',
    access: 'public',
    query: z.strictObject({
      by: z.enum(['item', 'unit', 'hall']).default('unit'),
      within: UnitCode.optional().describe('Only units within this subtree'),
      kind: SubjectKind.optional().describe('Only one channel'),
    }),
    response: z.object({ by: z.enum(['item', 'unit', 'hall']), total: RatingStatsRow.omit({ key: true, name: true }), items: z.array(RatingStatsRow) }),
  }),
} as const;
