/**
 * Permissions and the roles that bundle them. A role is granted to an account
 * at an org unit and covers that unit's whole subtree (see ADR 0005).
 */
export const PERMISSIONS = [
  'directory.read', // see staff (people) of units in scope
  'org.write', // create and edit org units and their boundaries
  'users.manage', // create staff accounts, grant roles, reset passwords in scope
  'users.read_pii', // see full identity numbers of residents
  'audit.read', // read and verify the audit log
  'supervision.manage', // 督办: assign tasks to units in scope, decide extensions, verify, close, evaluate
  'notices.publish', // 通知公告: publish notices to units in scope and see who read them
  'cases.intake', // 12345 operators: take cases on behalf of callers, answer from the knowledge base, call back
  'cases.dispatch', // 12345 dispatch centre: re-dispatch returned cases, rule on disputes, merge duplicates
  'cases.read', // read cases handled within scope (leaders, supervisors)
  'integrations.manage', // issue and revoke API keys of third-party apps (Open311)
  'sensing.manage', // register monitoring networks (and their API keys) and devices
  'sensing.read', // see the device registry, raw readings and their quality flags
  'services.manage', // 政务服务事项: draft, publish and retire service items of the catalogue
  'applications.process', // 受理/审查/决定: process applications implemented by units in scope
  'applications.read', // read applications implemented by units in scope (leaders, the service administration)
  'halls.manage', // service halls: windows, the items each serves, appointment slots
  'halls.operate', // window clerks: call queue tickets, serve visitors at a window
  'ratings.review', // 好差评: review appeals against bad reviews, void malicious ones, read every rating in scope
  'air.manage', // 一微克: alert rules, alerts within scope, the register of measures
  'notifications.outbox', // read the SMS and e-mail outbox the default notification adapters write to
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = {
  /** Every staff account holds this at its own unit implicitly. */
  staff: ['directory.read'],
  org_admin: ['directory.read', 'org.write'],
  user_admin: ['directory.read', 'users.manage', 'users.read_pii'],
  auditor: ['audit.read'],
  /** 督查督办 office: supervision and notices. */
  supervisor: ['directory.read', 'supervision.manage', 'notices.publish', 'cases.read'],
  /** 12345 hotline operator. */
  operator: ['cases.intake'],
  /** 12345 dispatch centre. */
  dispatcher: ['cases.intake', 'cases.dispatch', 'cases.read'],
  sys_admin: ['directory.read', 'org.write', 'users.manage', 'users.read_pii', 'audit.read', 'supervision.manage', 'notices.publish', 'cases.intake', 'cases.dispatch', 'cases.read', 'integrations.manage', 'sensing.manage', 'sensing.read', 'services.manage', 'applications.process', 'applications.read', 'halls.manage', 'halls.operate', 'ratings.review', 'air.manage', 'notifications.outbox'],
  /** 政务服务管理局: the catalogue, the halls and the review of 好差评 appeals. */
  service_admin: ['directory.read', 'services.manage', 'applications.read', 'halls.manage', 'ratings.review', 'notifications.outbox'],
  /** 审批人员 of an implementing unit: process applications (受理, 审查, 决定). */
  approver: ['directory.read', 'applications.process', 'applications.read'],
  /** 窗口工作人员 at a service hall: call tickets, serve visitors, start applications for them. */
  window_clerk: ['directory.read', 'halls.operate', 'applications.process', 'applications.read'],
  /** 生态环境局 monitoring staff: the sensing registry and its data, 一微克 alerts and measures. */
  environment_monitor: ['directory.read', 'sensing.manage', 'sensing.read', 'air.manage'],
} as const satisfies Record<string, readonly Permission[]>;
export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as [Role, ...Role[]];
