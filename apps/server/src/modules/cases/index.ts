export { CaseService, type CaseDeps, type Submission } from './cases.service.ts';
export { CaseHandling } from './cases.handling.ts';
export { CaseCollaboration } from './cases.collaboration.ts';
export { ProactiveGovernance, DEFAULT_TREND_RULE, shiftMonth, type TrendRule } from './cases.proactive.ts';
export { CaseRates, DEFAULT_FORMULA, ratesOf, rank, type RateFormula } from './cases.rates.ts';
export { CaseRepository } from './cases.repository.ts';
export { Catalogue } from './catalogue.ts';
export { caseMigrations } from './migrations/index.ts';
export { caseBindings } from './cases.routes.ts';
