import type { Kysely } from 'kysely';
import { inTransaction, nowIso } from '@jing/db';
import { ServiceItemDefinition, type ServiceItemInput, type ServiceItemVersion } from '@jing/contracts';
import type { Caller } from '../../platform/auth/context.ts';
import { conflict, invalidField, notFound } from '../../platform/errors.ts';
import type { AuditLog } from '../audit/index.ts';
import type { ServiceRepository, VersionRow } from './services.repository.ts';

export interface ServiceSearch {
  q?: string;
  audience?: 'person' | 'business';
  department?: string;
  limit: number;
}

/** A published item held in memory for search: the catalogue is small (hundreds to a few thousand items). */
interface Indexed {
  definition: ServiceItemDefinition;
  version: number;
  haystack: string;
}

const versionView = (r: VersionRow): ServiceItemVersion => {
  const definition = JSON.parse(r.definition) as ServiceItemDefinition;
  return {
    code: r.code,
    name: definition.name.zh,
    department: definition.department.name.zh,
    version: r.version,
    status: r.status,
    definition,
    publishedAt: r.published_at,
    retiredAt: r.retired_at,
    updatedAt: r.updated_at,
  };
};

const summary = (x: Indexed) => ({
  code: x.definition.code,
  version: x.version,
  name: x.definition.name.zh,
  nameEn: x.definition.name.en ?? null,
  itemType: x.definition.itemType,
  audience: x.definition.audience,
  department: x.definition.department.name.zh,
  departmentType: x.definition.department.type,
  promisedLimitDays: x.definition.promisedLimitDays,
  onsiteVisits: x.definition.onsiteVisits,
  online: x.definition.channels.online,
});

/** Every text a resident might type to find the item. */
function haystackOf(d: ServiceItemDefinition): string {
  return [d.code, d.name.zh, d.name.en ?? '', d.department.name.zh, ...d.keywords, ...d.situations.map((s) => s.name.zh)].join('\u0001').toLowerCase();
}

/**
 * 政务服务事项 catalogue: versioned items (draft → published → retired).
 * Other modules read definitions through `published` and `version`; an
 * application pins the version it started on.
 */
export class ServiceCatalogue {
  private index: Indexed[] | null = null;

  constructor(
    private readonly db: Kysely<any>,
    private readonly repo: ServiceRepository,
    private readonly audit: AuditLog,
    private readonly clock: () => number = Date.now,
  ) {}

  private async indexed(): Promise<Indexed[]> {
    if (!this.index) {
      this.index = (await this.repo.published()).map((r) => {
        const definition = JSON.parse(r.definition) as ServiceItemDefinition;
        return { definition, version: r.published_version!, haystack: haystackOf(definition) };
      });
    }
    return this.index;
  }

  /** Search the published catalogue: every word of the query must occur in the item's texts. */
  async search(q: ServiceSearch) {
    const words = (q.q ?? '').toLowerCase().split(/[\s,，、]+/).filter(Boolean);
    const out = [];
    for (const x of await this.indexed()) {
      if (q.audience && !x.definition.audience.includes(q.audience)) continue;
      if (q.department && x.definition.department.type !== q.department) continue;
      if (!words.every((w) => x.haystack.includes(w))) continue;
      out.push(summary(x));
      if (out.length >= q.limit) break;
    }
    return out;
  }

  /** The published version of an item (404 when none is published). */
  async get(code: string): Promise<ServiceItemVersion> {
    const item = await this.repo.item(code);
    if (!item || item.published_version == null) throw notFound('service item', code);
    return versionView((await this.repo.version(code, item.published_version))!);
  }

  /** One exact version (what an application started on). */
  async version(code: string, version: number): Promise<ServiceItemVersion> {
    const row = await this.repo.version(code, version);
    if (!row) throw notFound('service item version', `${code}@${version}`);
    return versionView(row);
  }

  async versions(code: string): Promise<ServiceItemVersion[]> {
    const rows = await this.repo.versions(code);
    if (rows.length === 0) throw notFound('service item', code);
    return rows.map(versionView);
  }

  /**
   * Saves a draft: a new version after the latest published/retired one, or
   * the open draft overwritten. Published versions never change.
   */
  async saveDraft(caller: Caller, input: ServiceItemInput): Promise<ServiceItemVersion> {
    const parsed = ServiceItemDefinition.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalidField(['body', ...issue.path.map(String)].join('.'), issue.message);
    }
    const d = parsed.data;
    if (d.promisedLimitDays > d.statutoryLimitDays) throw invalidField('body.promisedLimitDays', 'the promised limit cannot exceed the statutory limit');
    const now = nowIso(this.clock);
    return inTransaction(this.db, async (trx) => {
      const item = await this.repo.item(d.code, trx);
      const latest = item ? await this.repo.version(d.code, item.latest_version, trx) : undefined;
      const row: VersionRow = { code: d.code, version: 1, status: 'draft', definition: JSON.stringify(d), published_at: null, retired_at: null, updated_by: caller.auth?.actor.id ?? null, updated_at: now };
      if (latest?.status === 'draft') {
        row.version = latest.version;
        await this.repo.updateVersion(trx, d.code, latest.version, { definition: row.definition, updated_by: row.updated_by, updated_at: now });
      } else {
        row.version = (item?.latest_version ?? 0) + 1;
        await this.repo.insertVersion(trx, row);
      }
      await this.repo.upsertItem(trx, {
        code: d.code,
        published_version: item?.published_version ?? null,
        latest_version: row.version,
        name: item?.published_version != null ? item.name : d.name.zh,
        department_type: item?.published_version != null ? item.department_type : d.department.type,
        audience: item?.published_version != null ? item.audience : d.audience.join(','),
        search_text: item?.published_version != null ? item.search_text : haystackOf(d),
        updated_at: now,
      });
      await this.audit.record(trx, caller, { action: 'services.draft', targetType: 'service_item', targetId: `${d.code}@${row.version}`, before: latest ? { version: latest.version, status: latest.status } : null, after: { version: row.version } });
      return versionView(row);
    });
  }

  /** Publishes a draft; the previously published version is retired. */
  async publish(caller: Caller, code: string, version: number): Promise<ServiceItemVersion> {
    const now = nowIso(this.clock);
    const out = await inTransaction(this.db, async (trx) => {
      const item = await this.repo.item(code, trx);
      const row = await this.repo.version(code, version, trx);
      if (!item || !row) throw notFound('service item version', `${code}@${version}`);
      if (row.status !== 'draft') throw conflict(`version ${version} is ${row.status}; only a draft can be published`, { status: row.status });
      if (item.published_version != null) await this.repo.updateVersion(trx, code, item.published_version, { status: 'retired', retired_at: now });
      await this.repo.updateVersion(trx, code, version, { status: 'published', published_at: now, updated_at: now });
      const d = JSON.parse(row.definition) as ServiceItemDefinition;
      await this.repo.upsertItem(trx, { code, published_version: version, latest_version: item.latest_version, name: d.name.zh, department_type: d.department.type, audience: d.audience.join(','), search_text: haystackOf(d), updated_at: now });
      await this.audit.record(trx, caller, { action: 'services.publish', targetType: 'service_item', targetId: `${code}@${version}`, before: { published: item.published_version }, after: { published: version } });
      return versionView({ ...row, status: 'published', published_at: now, updated_at: now });
    });
    this.index = null;
    return out;
  }

  /** Retires the published version: the item disappears from the catalogue; running applications keep their version. */
  async retire(caller: Caller, code: string): Promise<void> {
    const now = nowIso(this.clock);
    await inTransaction(this.db, async (trx) => {
      const item = await this.repo.item(code, trx);
      if (!item || item.published_version == null) throw notFound('published service item', code);
      await this.repo.updateVersion(trx, code, item.published_version, { status: 'retired', retired_at: now });
      await this.repo.upsertItem(trx, { ...item, published_version: null, updated_at: now });
      await this.audit.record(trx, caller, { action: 'services.retire', targetType: 'service_item', targetId: `${code}@${item.published_version}`, before: { published: item.published_version }, after: { published: null } });
    });
    this.index = null;
  }

  /**
   * Loads definitions (the seed, or `npx jing services import`): a new item is
   * published as version 1; an item whose published definition differs gets a
   * new published version; an unchanged one is left alone. Returns counts.
   */
  async load(caller: Caller, defs: ServiceItemInput[]): Promise<{ created: number; updated: number; unchanged: number }> {
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const input of defs) {
      const parsed = ServiceItemDefinition.parse(input);
      const item = await this.repo.item(parsed.code);
      if (item?.published_version != null) {
        const current = await this.repo.version(parsed.code, item.published_version);
        if (current && current.definition === JSON.stringify(parsed)) {
          counts.unchanged++;
          continue;
        }
      }
      const draft = await this.saveDraft(caller, parsed);
      await this.publish(caller, parsed.code, draft.version);
      if (item) counts.updated++;
      else counts.created++;
    }
    return counts;
  }

  async count(): Promise<number> {
    return this.repo.count();
  }
}
