export { KnowledgeService, type KnowledgeInput } from './knowledge.service.ts';
export { knowledgeMigrations } from './migrations/index.ts';
export { knowledgeBindings } from './knowledge.routes.ts';
