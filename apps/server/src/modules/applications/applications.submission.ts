import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { nowIso } from '@jing/db';
import type { FieldIssue, ServiceItemDefinition } from '@jing/contracts';
import { holds, type Caller } from '../../platform/auth/context.ts';
import { GroupCommit } from '../../platform/group-commit.ts';
import { conflict, DomainError, forbidden, invalid, invalidField } from '../../platform/errors.ts';
import { toLocalDate } from '../calendar/index.ts';
import type { AccountProfile } from '../identity/index.ts';
import type { ApplicationRow, MaterialRow } from './applications.repository.ts';
import { applicationLink, stepsOf, type ApplicationService, type Loaded, type Preload, type Situation } from './applications.service.ts';
import { checkForm, FORMAT_TYPES } from './validation.ts';

export interface Submission {
  itemCode: string;
  itemVersion?: number;
  situation: string;
  districtCode?: string;
  streetCode?: string;
  form: Record<string, string | number>;
  materials: { code: string; fileIds?: string[]; certificateId?: string }[];
  onBehalfOf?: { idNumber: string } | { creditCode: string };
}

/**
 * 申报: an application online or by a window clerk for a visitor, validated
 * whole against the pinned item version (form, materials, implementing unit),
 * and pre-filling from the applicant's account and wallet.
 */
export class ApplicationSubmission {
  /** Submissions share transactions (group commit, ADR 0014). */
  readonly commits: GroupCommit;

  constructor(private readonly s: ApplicationService) {
    this.commits = new GroupCommit(s.deps.db);
  }

  private get deps() {
    return this.s.deps;
  }

  /** Who applies: the principal online, or the visitor a window clerk names. */
  private async applicantOf(caller: Caller, input: Pick<Submission, 'onBehalfOf'>, secrets = false): Promise<{ profile: AccountProfile; channel: 'online' | 'hall' }> {
    const auth = caller.auth!;
    if (input.onBehalfOf) {
      if (auth.principal.kind !== 'staff' || !holds(auth, 'halls.operate')) throw forbidden('only window clerks start applications for visitors');
      const id = await this.deps.accounts.findApplicant(input.onBehalfOf);
      const field = 'idNumber' in input.onBehalfOf ? 'body.onBehalfOf.idNumber' : 'body.onBehalfOf.creditCode';
      if (!id) throw invalidField(field, 'no resident or business with this number is registered in 京通');
      return { profile: (await this.deps.accounts.profile(id, undefined, { secrets }))!, channel: 'hall' };
    }
    if (auth.principal.kind === 'staff') throw invalidField('body.onBehalfOf', 'is required when staff start an application (whose is it?)');
    return { profile: (await this.deps.accounts.profile(auth.principal.id, undefined, { secrets }))!, channel: 'online' };
  }

  /** The implementing unit: `implementedBy.unitType` at the chosen district or street, or the city's. */
  private async unitFor(def: ServiceItemDefinition, input: Pick<Submission, 'districtCode' | 'streetCode'>): Promise<{ code: string; path: string }> {
    const { level, unitType } = def.implementedBy;
    let parent: string;
    if (level === 'municipal') parent = this.deps.cityCode;
    else if (level === 'district') {
      if (!input.districtCode) throw invalidField('body.districtCode', `is required: ${def.name.zh} is handled by a district`);
      const path = await this.deps.org.unitPath(input.districtCode);
      if (!path || input.districtCode.length !== 6 || !path.includes(`/${this.deps.cityCode}/`) || input.districtCode === this.deps.cityCode) throw invalidField('body.districtCode', 'is not a district of the city');
      parent = input.districtCode;
    } else {
      if (!input.streetCode) throw invalidField('body.streetCode', `is required: ${def.name.zh} is handled by a street`);
      const path = await this.deps.org.unitPath(input.streetCode);
      if (!path || input.streetCode.length !== 9 || !path.includes(`/${this.deps.cityCode}/`)) throw invalidField('body.streetCode', 'is not a street of the city');
      if (unitType === 'street') return { code: input.streetCode, path };
      parent = input.streetCode;
    }
    const agency = await this.deps.org.agencyOf(parent, unitType);
    if (!agency) throw new DomainError('unavailable', `no ${unitType} unit is set up under ${parent} to handle ${def.code}`);
    return { code: agency.code, path: (await this.deps.org.unitPath(agency.code))! };
  }

  /**
   * Checks the materials supplied for a situation: each an upload (type per
   * the material's formats, size per maxBytes, the caller's own file, content
   * already sniffed by the files module) or a wallet certificate of the
   * material's `heldByGovernment` type (免提交). `codes` limits the check to
   * those materials (a resubmission); required ones must then all be given.
   */
  async checkMaterials(caller: Caller, situation: Situation, inputs: Submission['materials'], applicantId: string, opts: { base?: string; only?: Set<string>; present?: Set<string>; trx?: Transaction<any> } = {}): Promise<{ rows: Omit<MaterialRow, 'application_id'>[]; issues: FieldIssue[]; loaded: Loaded }> {
    const base = opts.base ?? 'body.materials';
    const loaded: Loaded = { files: new Map(), certs: new Map() };
    const issues: FieldIssue[] = [];
    const rows: Omit<MaterialRow, 'application_id'>[] = [];
    const seen = new Set<string>();
    const owner = caller.auth!.principal.id;
    for (const [i, m] of inputs.entries()) {
      const path = `${base}.${i}`;
      const spec = situation.materials.find((x) => x.code === m.code);
      if (!spec) {
        issues.push({ path: `${path}.code`, message: `${m.code} is not a material of ${situation.name.zh}` });
        continue;
      }
      if (seen.has(m.code)) {
        issues.push({ path: `${path}.code`, message: `${m.code} is given twice` });
        continue;
      }
      seen.add(m.code);
      const files = m.fileIds ?? [];
      if (m.certificateId && files.length) {
        issues.push({ path, message: 'give either files or a certificate, not both' });
        continue;
      }
      if (m.certificateId) {
        if (!spec.heldByGovernment) {
          issues.push({ path: `${path}.certificateId`, message: `${spec.name.zh} must be uploaded: the government does not hold it` });
          continue;
        }
        const cert = await this.deps.certificates.row(m.certificateId, opts.trx);
        if (!cert || cert.holder_id !== applicantId) issues.push({ path: `${path}.certificateId`, message: 'is not a certificate in the applicant’s wallet' });
        else if (cert.type !== spec.heldByGovernment) issues.push({ path: `${path}.certificateId`, message: `must be a ${spec.heldByGovernment} certificate, not ${cert.type}` });
        else if (this.deps.certificates.statusOf(cert) !== 'valid') issues.push({ path: `${path}.certificateId`, message: `the certificate is ${this.deps.certificates.statusOf(cert)}` });
        else {
          rows.push({ code: m.code, position: 0, file_id: null, certificate_id: cert.id });
          loaded.certs.set(cert.id, cert);
        }
        continue;
      }
      if (files.length === 0) {
        issues.push({ path, message: `upload ${spec.name.zh}${spec.heldByGovernment ? ' or choose it from the wallet' : ''}` });
        continue;
      }
      const allowed = spec.formats.map((f) => FORMAT_TYPES[f]);
      for (const [j, id] of files.entries()) {
        const f = await this.deps.files.get(id);
        if (!f || f.owner_id !== owner) issues.push({ path: `${path}.fileIds.${j}`, message: `no file ${id} of yours` });
        else if (!allowed.includes(f.content_type)) issues.push({ path: `${path}.fileIds.${j}`, message: `${spec.name.zh} must be ${spec.formats.join('/')}, not ${f.content_type}` });
        else if (f.size > spec.maxBytes) issues.push({ path: `${path}.fileIds.${j}`, message: `is ${f.size} bytes; ${spec.name.zh} may be at most ${spec.maxBytes}` });
        else {
          rows.push({ code: m.code, position: j, file_id: f.id, certificate_id: null });
          loaded.files.set(f.id, f);
        }
      }
    }
    for (const spec of situation.materials) {
      if (!spec.required || seen.has(spec.code) || opts.present?.has(spec.code)) continue;
      if (opts.only && !opts.only.has(spec.code)) continue;
      issues.push({ path: base, message: `${spec.code} (${spec.name.zh}) is required` });
    }
    return { rows, issues, loaded };
  }

  /**
   * The item version an application pins: the published one (from the
   * catalogue in memory), or the version asked for, which must be the
   * published one (409 naming the published version otherwise).
   */
  private async publishedItem(input: Pick<Submission, 'itemCode' | 'itemVersion'>): Promise<{ version: number; definition: ServiceItemDefinition }> {
    const current = await this.deps.catalogue.published(input.itemCode);
    if (current && (input.itemVersion === undefined || input.itemVersion === current.version)) return current;
    // Unknown item (404), or a version that is not the published one.
    const item = input.itemVersion ? await this.deps.catalogue.version(input.itemCode, input.itemVersion) : await this.deps.catalogue.get(input.itemCode);
    if (item.status === 'published') return item;
    throw conflict(`version ${item.version} of ${item.code} is ${item.status}: apply for the published version${current ? ` (${current.version})` : ''}`, {
      issues: [{ path: 'body.itemVersion', message: `is ${item.status}` }],
      published: current?.version ?? null,
    });
  }

  /** 申报 and its view; a fresh application's view is made from what submitting already loaded. */
  async submitAndView(caller: Caller, input: Submission, idempotencyKey?: string) {
    const { row, preload } = await this.apply(caller, input, idempotencyKey);
    return this.s.view(caller, row, preload);
  }

  /** 申报: one application, validated whole; a repeated idempotency key returns the first. */
  async submit(caller: Caller, input: Submission, idempotencyKey?: string): Promise<ApplicationRow> {
    return (await this.apply(caller, input, idempotencyKey)).row;
  }

  private async apply(caller: Caller, input: Submission, idempotencyKey?: string): Promise<{ row: ApplicationRow; preload?: Preload }> {
    const auth = caller.auth!;
    const key = idempotencyKey ? `${auth.principal.id}:${idempotencyKey}` : null;
    if (key) {
      const first = await this.deps.repo.byIdempotencyKey(key);
      if (first) return { row: first };
    }
    const { profile, channel } = await this.applicantOf(caller, input);
    const item = await this.publishedItem(input);
    const def = item.definition;
    if (channel === 'online' && !def.channels.online) throw invalidField('body.itemCode', 'this item cannot be applied for online: visit a service hall');
    const audience = profile.kind === 'business' ? 'business' : 'person';
    if (!def.audience.includes(audience)) throw invalidField('body.itemCode', `is not for ${audience === 'business' ? 'businesses' : 'individuals'}`);
    const situation = def.situations.find((s) => s.code === input.situation);
    if (!situation) throw invalidField('body.situation', `must be one of ${def.situations.map((s) => s.code).join(', ')}`);
    const form = checkForm(def.formFields, input.form, 'body.form');
    const materials = await this.checkMaterials(caller, situation, input.materials, profile.id);
    const issues = [...form.issues, ...materials.issues];
    if (issues.length) throw invalid(issues);
    const unit = await this.unitFor(def, input);

    const now = nowIso(this.s.clock);
    const steps = stepsOf(def, situation.code);
    const row: ApplicationRow = {
      id: randomUUID(),
      number: '',
      item_code: def.code,
      item_version: item.version,
      item_name: def.name.zh,
      situation: situation.code,
      channel,
      status: 'submitted',
      step_index: 0,
      applicant_id: profile.id,
      applicant_kind: profile.kind,
      applicant_name: profile.name,
      submitted_by: auth.actor.id,
      submitted_by_name: auth.actor.displayName,
      unit_code: unit.code,
      unit_path: unit.path,
      form_json: JSON.stringify(form.values),
      correction_json: null,
      special_json: null,
      decision_json: null,
      certificate_id: null,
      accepted_at: null,
      promised_due_at: null,
      statutory_due_at: null,
      paused: 0,
      idempotency_key: key,
      version: 0,
      submitted_at: now,
      updated_at: now,
      completed_at: null,
    };
    const day = toLocalDate(now, this.deps.timeZone);
    try {
      // Shared transactions (group commit, ADR 0014): answered once committed.
      // The write may run twice (a batch rolled back by another's failure), so it
      // rebuilds everything from its inputs.
      await this.commits.run(async (trx) => {
        row.number = `${day.replaceAll('-', '')}${String(await this.deps.repo.nextNumber(trx, day)).padStart(6, '0')}`;
        await this.deps.repo.insert(trx, row, materials.rows.map((m) => ({ ...m, application_id: row.id })));
        await this.s.event(trx, caller, row, 'submit', null, { item: `${def.code}@${item.version}`, situation: situation.code, materials: materials.rows.length }, channel);
        await this.deps.inbox.post(trx, {
          module: 'applications', kind: 'application.accept', sourceId: row.id,
          title: `【待受理】${def.name.zh}`, summary: `${row.applicant_name} · ${situation.name.zh}${channel === 'hall' ? ' · 窗口' : ''}`,
          link: applicationLink(row.id), unitCode: unit.code,
          dueAt: this.s.acceptDue(now, day),
        });
        await this.s.notify(trx, row, 'submit', `已提交，办件编号 ${row.number}，等待受理`, { phoneMasked: profile.phoneMasked, emailMasked: null });
        await this.deps.audit.record(trx, caller, { action: 'applications.submit', targetType: 'application', targetId: row.id, unitCode: unit.code, after: { number: row.number, item: `${def.code}@${item.version}`, situation: situation.code, channel, applicant: profile.id } });
      });
    } catch (err) {
      // The same key twice at once: the loser returns the winner's application.
      if (key && this.deps.dialect.isUniqueViolation(err)) {
        const first = await this.deps.repo.byIdempotencyKey(key);
        if (first) return { row: first };
      }
      throw err;
    }
    return {
      row,
      preload: {
        materials: materials.rows.map((m) => ({ ...m, application_id: row.id })),
        ...materials.loaded,
        events: [{ id: '', application_id: row.id, at: now, type: 'submit', actor_id: auth.actor.id, actor_name: auth.actor.displayName, unit_code: auth.actor.unitCode, channel, text: null, data_json: JSON.stringify({ item: `${def.code}@${item.version}`, situation: situation.code, materials: materials.rows.length }) }],
        unitName: await this.deps.org.unitName(unit.code),
      },
    };
  }

  /** Pre-fill values from the applicant's account and the wallet certificates usable as held materials. */
  async prefill(caller: Caller, q: { itemCode: string; idNumber?: string; creditCode?: string }) {
    const by = q.idNumber ? { idNumber: q.idNumber } : q.creditCode ? { creditCode: q.creditCode } : undefined;
    const { profile } = await this.applicantOf(caller, { onBehalfOf: by }, true).catch((err: unknown) => {
      if (err instanceof DomainError && err.code === 'validation_failed' && by) throw invalidField(q.idNumber ? 'query.idNumber' : 'query.creditCode', 'no resident or business with this number is registered in 京通');
      throw err;
    });
    const def = (await this.deps.catalogue.get(q.itemCode)).definition;
    const source: Record<string, string | null> = {
      name: profile.kind === 'business' ? null : profile.name,
      phone: profile.phone ?? (profile.kind === 'business' && caller.auth!.actor.id !== caller.auth!.principal.id ? (await this.deps.accounts.profile(caller.auth!.actor.id))?.phone ?? null : null),
      id_number: profile.idNumber,
      business_name: profile.kind === 'business' ? profile.name : null,
      credit_code: profile.uscc,
    };
    const values: Record<string, string> = {};
    for (const f of def.formFields) if (f.prefill && source[f.prefill]) values[f.key] = source[f.prefill]!;
    const held: Record<string, { id: string; type: string; title: string; number: string; validUntil: string | null }[]> = {};
    for (const s of def.situations) {
      for (const m of s.materials) {
        if (!m.heldByGovernment || held[m.code]) continue;
        held[m.code] = (await this.deps.certificates.usable(profile.id, m.heldByGovernment)).map((c) => ({ id: c.id, type: c.type, title: c.title, number: c.number, validUntil: c.valid_until }));
      }
    }
    return { applicant: { id: profile.id, kind: profile.kind, name: profile.name }, values, held };
  }

}
