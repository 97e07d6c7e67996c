/**
 * 办事指南 that asks before it lists: which guide questions an item still needs
 * answered, and which 办理情形 (situation) a full set of answers selects.
 *
 * Pure and zod-free on purpose: the server's guide route and the 京通 item page
 * run the same rules (the web app imports `@jing/contracts/guide` at run time
 * without pulling zod into the bundle).
 */

/** The part of a service item definition the guide reads. */
export interface GuideItem {
  questions: ReadonlyArray<{ id: string; options: ReadonlyArray<{ value: string }> }>;
  situations: ReadonlyArray<{ code: string; when: Readonly<Record<string, string>> }>;
}

export type GuideAnswers = Readonly<Record<string, string>>;

/** Situations consistent with the answers given so far (an unanswered question rules nothing out). */
export function candidateSituations<S extends GuideItem['situations'][number]>(item: { situations: ReadonlyArray<S> }, answers: GuideAnswers): S[] {
  return item.situations.filter((s) => Object.entries(s.when).every(([q, v]) => answers[q] === undefined || answers[q] === v));
}

/**
 * The questions that still matter, in the item's order: a question is asked
 * when the situations still possible differ on it (some name an answer to it).
 * Questions that no remaining situation cares about are never asked.
 *
 * @example
 * pendingQuestions(item, {}) // → [{ id: 'basis', … }] for the residence permit
 */
export function pendingQuestions<Q extends GuideItem['questions'][number]>(item: { questions: ReadonlyArray<Q>; situations: GuideItem['situations'] }, answers: GuideAnswers): Q[] {
  const remaining = candidateSituations(item, answers);
  return item.questions.filter((q) => answers[q.id] === undefined && remaining.some((s) => q.id in s.when));
}

/** Why a set of answers selects no situation; `question` names the answer at fault. */
export interface GuideProblem {
  question: string | null;
  reason: 'missing' | 'unknown_question' | 'invalid_option' | 'no_situation';
}

/**
 * The situation a full set of answers selects: every question that matters
 * must be answered with one of its options; among the situations that match,
 * the most specific one (most conditions) wins, then the first listed.
 */
export function selectSituation<S extends GuideItem['situations'][number]>(
  item: { questions: GuideItem['questions']; situations: ReadonlyArray<S> },
  answers: GuideAnswers,
): { situation: S } | { problem: GuideProblem } {
  for (const [id, value] of Object.entries(answers)) {
    const q = item.questions.find((x) => x.id === id);
    if (!q) return { problem: { question: id, reason: 'unknown_question' } };
    if (!q.options.some((o) => o.value === value)) return { problem: { question: id, reason: 'invalid_option' } };
  }
  const missing = pendingQuestions(item, answers)[0];
  if (missing) return { problem: { question: missing.id, reason: 'missing' } };
  const matching = candidateSituations(item, answers).filter((s) => Object.keys(s.when).every((q) => answers[q] !== undefined));
  if (matching.length === 0) return { problem: { question: null, reason: 'no_situation' } };
  let best = matching[0]!;
  for (const s of matching) if (Object.keys(s.when).length > Object.keys(best.when).length) best = s;
  return { situation: best };
}
