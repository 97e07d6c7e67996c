import type { Kysely } from 'kysely';
import { inTransaction, nowIso } from '@jing/db';
import { ServiceItemDefinition, type FieldIssue, type ServiceGuide, type ServiceItemInput, type ServiceItemVersion } from '@jing/contracts';
import { selectSituation } from '@jing/contracts/guide';
import { covers, type Caller } from '../../platform/auth/context.ts';
import { LruCache } from '../../platform/cache.ts';
import { conflict, forbidden, invalid, invalidField, notFound } from '../../platform/errors.ts';
import { indexItem, queryWords, rank, type IndexedItem } from './services.search.ts';
import { definitionIssues } from './services.rules.ts';
import type { AuditLog } from '../audit/index.ts';
import type { ServiceRepository, VersionRow } from './services.repository.ts';

export interface ServiceSearch {
  q?: string;
  audience?: 'person' | 'business';
  department?: string;
  limit: number;
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

const summary = (x: IndexedItem) => ({
  code: x.definition.code,
  version: x.version,
  name: x.definition.name.zh,
  nameEn: x.definition.name.en ?? null,
  summary: x.definition.summary?.zh ?? null,
  itemType: x.definition.itemType,
  audience: x.definition.audience,
  department: x.definition.department.name.zh,
  departmentType: x.definition.department.type,
  promisedLimitDays: x.definition.promisedLimitDays,
  onsiteVisits: x.definition.onsiteVisits,
  online: x.definition.channels.online,
});

/** The words stored with an item row (for operators' SQL look-ups; search itself runs in memory). */
function searchTextOf(d: ServiceItemDefinition): string {
  return [d.code, d.name.zh, d.name.en ?? '', d.department.name.zh, ...d.keywords, ...d.situations.map((s) => s.name.zh)].join(' ').toLowerCase();
}

/** Options of the catalogue besides its storage. */
export interface CatalogueOptions {
  /** Code of the city's root unit: catalogue items are written by `services.manage` held there (ADR 0016). */
  cityCode: string;
  /** Agency types of the org tree (`implementedBy.unitType` must be one of them, or `street`). */
  unitTypes: () => ReadonlySet<string>;
  clock?: () => number;
}

/** Which version a draft was edited from; `null` for a new item. A stale one is a 409. */
export type DraftBase = { version: number; updatedAt: string } | null;

/**
 * 政务服务事项 catalogue: versioned items (draft → published → retired).
 * Other modules read definitions through `get` and `version`; an
 * application pins the version it started on.
 */
export class ServiceCatalogue {
  /** The published catalogue in memory, rebuilt after a publish or retire (see services.search.ts). */
  private index: Promise<{ items: IndexedItem[]; byCode: Map<string, IndexedItem> }> | null = null;
  private generation = 0;
  /** Search answers as bytes, by query (ADR 0010: hot read-mostly answers are cached as bytes); cleared on every publish or retire. */
  private readonly answers = new LruCache<string, Buffer>(2000);
  private readonly clock: () => number;

  constructor(
    private readonly db: Kysely<any>,
    private readonly repo: ServiceRepository,
    private readonly audit: AuditLog,
    private readonly opts: CatalogueOptions,
  ) {
    this.clock = opts.clock ?? Date.now;
  }

  private indexed() {
    if (!this.index) {
      const generation = this.generation;
      const building = this.repo.published().then((rows) => {
        const items = rows.map((r) => indexItem(JSON.parse(r.definition) as ServiceItemDefinition, r.published_version!));
        return { items, byCode: new Map(items.map((x) => [x.definition.code, x])) };
      });
      this.index = building;
      // A build that started before a publish must not stay as the index after it.
      building.then(
        () => {
          if (this.generation !== generation && this.index === building) this.index = null;
        },
        () => {
          if (this.index === building) this.index = null;
        },
      );
    }
    return this.index;
  }

  /** Drops the index and the cached answers (after a change here, or one another process made: ADR 0019). */
  invalidate(): void {
    this.generation++;
    this.index = null;
    this.answers.clear();
  }

  /**
   * Searches the published catalogue: Chinese words inside names, several
   * words (all must hit), pinyin initials or full pinyin of names and
   * keywords. Name hits rank first, then keywords (synonyms), then situations.
   */
  async search(q: ServiceSearch) {
    const words = queryWords(q.q);
    const accept = (x: IndexedItem) => (!q.audience || x.definition.audience.includes(q.audience)) && (!q.department || x.definition.department.type === q.department);
    return rank((await this.indexed()).items, words, accept, q.limit).map(summary);
  }

  /** `{ items }` of {@link search} as UTF-8 JSON bytes, cached per query until the catalogue changes. */
  async searchAnswer(q: ServiceSearch): Promise<Buffer> {
    const key = JSON.stringify([q.q ?? '', q.audience ?? '', q.department ?? '', q.limit]);
    const hit = this.answers.get(key);
    if (hit) return hit;
    const generation = this.generation;
    const bytes = Buffer.from(JSON.stringify({ items: await this.search(q) }));
    if (generation === this.generation) this.answers.set(key, bytes);
    return bytes;
  }

  /** The published version of an item (404 when none is published). */
  async get(code: string): Promise<ServiceItemVersion> {
    const item = await this.repo.item(code);
    if (!item || item.published_version == null) throw notFound('service item', code);
    return versionView((await this.repo.version(code, item.published_version))!);
  }

  /**
   * 办事指南: the situation the answers select, with exactly its materials and
   * steps. Every question that still matters must be answered with one of its
   * options; the 400 names the question (`body.answers.<id>`).
   */
  async guide(code: string, answers: Record<string, string>): Promise<ServiceGuide> {
    const x = (await this.indexed()).byCode.get(code);
    if (!x) throw notFound('service item', code);
    const d = x.definition;
    const picked = selectSituation(d, answers);
    if ('problem' in picked) {
      const { question, reason } = picked.problem;
      const q = d.questions.find((y) => y.id === question);
      if (reason === 'missing') throw invalidField(`body.answers.${question}`, `answer the question "${q!.text.zh}" (one of: ${q!.options.map((o) => o.value).join(', ')})`);
      if (reason === 'unknown_question') throw invalidField(`body.answers.${question}`, `the item has no question "${question}"`);
      if (reason === 'invalid_option') throw invalidField(`body.answers.${question}`, `not an option of "${q!.text.zh}"; choose one of: ${q!.options.map((o) => o.value).join(', ')}`);
      throw invalidField('body.answers', 'these answers match no situation of the item');
    }
    const s = picked.situation;
    const mattered = Object.fromEntries(Object.keys(s.when).map((k) => [k, answers[k]!]));
    return {
      code: d.code,
      version: x.version,
      name: d.name.zh,
      answers: mattered,
      situation: { code: s.code, name: s.name },
      materials: s.materials,
      steps: d.steps.filter((st) => !st.optional || s.extraSteps.includes(st.code)),
      specialSteps: d.specialSteps,
      statutoryLimitDays: d.statutoryLimitDays,
      promisedLimitDays: d.promisedLimitDays,
      fees: d.fees,
      onsiteVisits: d.onsiteVisits,
      online: d.channels.online,
      applyPath: `/services/${encodeURIComponent(d.code)}/apply?situation=${encodeURIComponent(s.code)}`,
    };
  }

  /** One exact version (what an application started on). */
  /**
   * The published version of an item from the in-memory catalogue, rebuilt
   * after every publish or retire (submission asks on every application), or
   * null when the item has none.
   */
  async published(code: string): Promise<{ version: number; definition: ServiceItemDefinition } | null> {
    const x = (await this.indexed()).byCode.get(code);
    return x ? { version: x.version, definition: x.definition } : null;
  }

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

  /** Every item with its published and latest version, for the administration (filtered by code/name part and latest status). */
  async adminList(q: { q?: string; status?: 'draft' | 'published' | 'retired' }) {
    const needle = q.q?.trim().toLowerCase();
    return (await this.repo.adminList())
      .filter((r) => (!q.status || r.latest_status === q.status) && (!needle || r.code.toLowerCase().includes(needle) || r.name.toLowerCase().includes(needle)))
      .map((r) => ({
        code: r.code,
        name: r.name,
        department: r.department_name,
        publishedVersion: r.published_version,
        latestVersion: r.latest_version,
        latestStatus: r.latest_status,
        updatedAt: r.latest_updated_at,
      }));
  }

  /** Catalogue writes need `services.manage` at the city's root unit; the system (seed, CLI) may always write. */
  private assertMayWrite(caller: Caller) {
    if (caller.auth && !covers(caller.auth, 'services.manage', `/${this.opts.cityCode}/`)) {
      throw forbidden('catalogue items are managed by the municipal service administration (services.manage at the city level)');
    }
  }

  private check(input: ServiceItemInput, prefix: string): ServiceItemDefinition {
    const parsed = ServiceItemDefinition.safeParse(input);
    if (!parsed.success) {
      throw invalid(parsed.error.issues.map((i): FieldIssue => ({ path: [prefix, ...i.path.map(String)].join('.'), message: i.message })));
    }
    const issues = definitionIssues(parsed.data, this.opts.unitTypes(), prefix);
    if (issues.length > 0) throw invalid(issues);
    return parsed.data;
  }

  /**
   * Saves a draft: a new item, a new version after the latest published or
   * retired one, or the open draft overwritten. Published versions never
   * change. `basedOn` is the latest version the editor saw (409 when stale);
   * `'any'` skips the check (the seed and the import).
   */
  async saveDraft(caller: Caller, input: ServiceItemInput, basedOn: DraftBase | 'any' = 'any', prefix = 'body'): Promise<ServiceItemVersion> {
    this.assertMayWrite(caller);
    const d = this.check(input, prefix);
    const now = nowIso(this.clock);
    return inTransaction(this.db, async (trx) => {
      const item = await this.repo.item(d.code, trx);
      const latest = item ? await this.repo.version(d.code, item.latest_version, trx) : undefined;
      if (basedOn !== 'any') {
        const current = latest ? { version: latest.version, updatedAt: latest.updated_at } : null;
        if (JSON.stringify(current) !== JSON.stringify(basedOn)) {
          throw conflict(current ? `the item changed meanwhile: its latest version is ${current.version}, saved at ${current.updatedAt}` : `no item ${d.code} exists yet: save it as a new item`, { latest: current });
        }
      }
      const row: VersionRow = { code: d.code, version: 1, status: 'draft', definition: JSON.stringify(d), published_at: null, retired_at: null, updated_by: caller.auth?.actor.id ?? null, updated_at: now };
      if (latest?.status === 'draft') {
        row.version = latest.version;
        await this.repo.updateVersion(trx, d.code, latest.version, { definition: row.definition, updated_by: row.updated_by, updated_at: now });
      } else {
        row.version = (item?.latest_version ?? 0) + 1;
        await this.repo.insertVersion(trx, row);
      }
      const published = item?.published_version != null;
      await this.repo.upsertItem(trx, {
        code: d.code,
        published_version: item?.published_version ?? null,
        latest_version: row.version,
        name: published ? item.name : d.name.zh,
        department_type: published ? item.department_type : d.department.type,
        audience: published ? item.audience : d.audience.join(','),
        search_text: published ? item.search_text : searchTextOf(d),
        updated_at: now,
      });
      await this.audit.record(trx, caller, { action: 'services.draft', targetType: 'service_item', targetId: `${d.code}@${row.version}`, before: latest ? { version: latest.version, status: latest.status } : null, after: { version: row.version } });
      return versionView(row);
    });
  }

  /** Publishes a draft; the previously published version is retired. */
  async publish(caller: Caller, code: string, version: number): Promise<ServiceItemVersion> {
    this.assertMayWrite(caller);
    const now = nowIso(this.clock);
    const out = await inTransaction(this.db, async (trx) => {
      const item = await this.repo.item(code, trx);
      const row = await this.repo.version(code, version, trx);
      if (!item || !row) throw notFound('service item version', `${code}@${version}`);
      if (row.status !== 'draft') throw conflict(`version ${version} is ${row.status}; only a draft can be published`, { status: row.status });
      if (item.published_version != null) await this.repo.updateVersion(trx, code, item.published_version, { status: 'retired', retired_at: now });
      await this.repo.updateVersion(trx, code, version, { status: 'published', published_at: now, updated_at: now });
      const d = JSON.parse(row.definition) as ServiceItemDefinition;
      await this.repo.upsertItem(trx, { code, published_version: version, latest_version: item.latest_version, name: d.name.zh, department_type: d.department.type, audience: d.audience.join(','), search_text: searchTextOf(d), updated_at: now });
      await this.audit.record(trx, caller, { action: 'services.publish', targetType: 'service_item', targetId: `${code}@${version}`, before: { published: item.published_version }, after: { published: version } });
      return versionView({ ...row, status: 'published', published_at: now, updated_at: now });
    });
    this.invalidate();
    return out;
  }

  /**
   * Retires the published version `version`: the item disappears from the
   * catalogue; running applications keep their version. 409 when another
   * version (or none) is published.
   */
  async retire(caller: Caller, code: string, version?: number): Promise<ServiceItemVersion> {
    this.assertMayWrite(caller);
    const now = nowIso(this.clock);
    const out = await inTransaction(this.db, async (trx) => {
      const item = await this.repo.item(code, trx);
      if (!item) throw notFound('service item', code);
      if (item.published_version == null) throw conflict(`${code} has no published version to retire`, { published: null });
      if (version !== undefined && version !== item.published_version) throw conflict(`version ${version} is not the published one (${item.published_version} is)`, { published: item.published_version });
      const row = (await this.repo.version(code, item.published_version, trx))!;
      await this.repo.updateVersion(trx, code, item.published_version, { status: 'retired', retired_at: now, updated_at: now });
      await this.repo.upsertItem(trx, { ...item, published_version: null, updated_at: now });
      await this.audit.record(trx, caller, { action: 'services.retire', targetType: 'service_item', targetId: `${code}@${item.published_version}`, before: { published: item.published_version }, after: { published: null } });
      return versionView({ ...row, status: 'retired', retired_at: now, updated_at: now });
    });
    this.invalidate();
    return out;
  }

  /**
   * Loads definitions (the seed, or `npx jing services import`): a new item is
   * published as version 1; an item whose published definition differs gets a
   * new published version; an unchanged one is left alone. Returns counts.
   */
  async load(caller: Caller, defs: ServiceItemInput[]): Promise<{ created: number; updated: number; unchanged: number }> {
    const counts = { created: 0, updated: 0, unchanged: 0 };
    // Every item is checked before any is written: a bad file changes nothing.
    const checked = defs.map((input, i) => this.check(input, `items.${i}`));
    const codes = new Set<string>();
    for (const [i, d] of checked.entries()) {
      if (codes.has(d.code)) throw invalidField(`items.${i}.code`, `${d.code} appears twice in the file`);
      codes.add(d.code);
    }
    for (const [i, parsed] of checked.entries()) {
      const item = await this.repo.item(parsed.code);
      if (item?.published_version != null) {
        const current = await this.repo.version(parsed.code, item.published_version);
        if (current && current.definition === JSON.stringify(parsed)) {
          counts.unchanged++;
          continue;
        }
      }
      const draft = await this.saveDraft(caller, parsed, 'any', `items.${i}`);
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
