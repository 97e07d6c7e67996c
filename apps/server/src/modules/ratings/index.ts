/** 好差评: ratings of applications and hall visits, bad-review rectification and appeals, statistics. The only surface other modules import. */
export { RatingService, type RatingDeps, type RatingSubject, type SubjectResolver } from './ratings.service.ts';
export { RectificationService } from './rectification.service.ts';
export { RatingRepository } from './ratings.repository.ts';
export { ratingMigrations } from './migrations/index.ts';
export { ratingBindings } from './ratings.routes.ts';
