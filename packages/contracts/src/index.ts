export * from './errors.ts';
export * from './permissions.ts';
export * from './route.ts';
export * from './common.ts';
export * from './org.ts';
export * from './identity.ts';
export * from './audit.ts';
export * from './geo.ts';
export * from './system.ts';
export * from './inbox.ts';
export * from './supervision.ts';
export * from './notices.ts';
export * from './cases.ts';
export * from './open311.ts';
export * from './files.ts';
export * from './knowledge.ts';
export * from './sensing.ts';
export * from './air.ts';
export * from './services.ts';
export * from './guide.ts';
export * from './halls.ts';
export * from './ratings.ts';
export * from './air-work.ts';
export * from './applications.ts';
export * from './certificates.ts';
export * from './notifications.ts';
export * from './air-rankings.ts';
import { orgRoutes } from './org.ts';
import { identityRoutes } from './identity.ts';
import { auditRoutes } from './audit.ts';
import { geoRoutes } from './geo.ts';
import { systemRoutes } from './system.ts';
import { inboxRoutes } from './inbox.ts';
import { supervisionRoutes } from './supervision.ts';
import { noticeRoutes } from './notices.ts';
import { caseRoutes } from './cases.ts';
import { open311Routes } from './open311.ts';
import { fileRoutes } from './files.ts';
import { knowledgeRoutes } from './knowledge.ts';
import { sensingRoutes } from './sensing.ts';
import { airRoutes } from './air.ts';
import { serviceAdminRoutes, serviceRoutes } from './services.ts';
import { hallRoutes } from './halls.ts';
import { ratingRoutes } from './ratings.ts';
import { airWorkRoutes } from './air-work.ts';
import { applicationRoutes } from './applications.ts';
import { certificateRoutes } from './certificates.ts';
import { notificationRoutes } from './notifications.ts';
import { airRankingRoutes } from './air-rankings.ts';
import type { RouteDef } from './route.ts';

/** Every route of the API. The server registers exactly these; the OpenAPI document lists exactly these. */
export const allRoutes: RouteDef[] = [
  ...Object.values(systemRoutes),
  ...Object.values(identityRoutes),
  ...Object.values(orgRoutes),
  ...Object.values(geoRoutes),
  ...Object.values(auditRoutes),
  ...Object.values(inboxRoutes),
  ...Object.values(supervisionRoutes),
  ...Object.values(noticeRoutes),
  ...Object.values(caseRoutes),
  ...Object.values(open311Routes),
  ...Object.values(fileRoutes),
  ...Object.values(knowledgeRoutes),
  ...Object.values(sensingRoutes),
  ...Object.values(airRoutes),
  ...Object.values(serviceRoutes),
  ...Object.values(serviceAdminRoutes),
  ...Object.values(hallRoutes),
  ...Object.values(ratingRoutes),
  ...Object.values(airWorkRoutes),
  ...Object.values(applicationRoutes),
  ...Object.values(certificateRoutes),
  ...Object.values(notificationRoutes),
  ...Object.values(airRankingRoutes),
] as RouteDef[];
export * from './client.ts';
