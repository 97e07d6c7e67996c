/**
 * The monthly brief of a district (PDF, zh-CN): AQI summary of its stations, the district PM2.5 ranking
 * of the month, the measures in force, their estimated reductions, and a chart of daily PM2.5. Rendered
 * with pdfkit and Noto Sans Hans (SIL OFL, shipped by the npm package @embedpdf/fonts-sc); pdfkit embeds
 * only the glyphs used, so a brief weighs tens of kilobytes.
 */
import PDFDocument from 'pdfkit';
import { cjkFonts } from '../../platform/pdf-fonts.ts';
import { invalidField } from '../../platform/errors.ts';
import { aqiCategory, roundHalfEven } from './aqi/index.ts';
import type { AirService } from './air.service.ts';
import type { MeasuresService } from './measures.service.ts';
import type { ReductionsService } from './reductions.service.ts';

const MEASURE_TYPES: Record<string, string> = {
  coal_to_gas: '煤改气', dust_suppression: '降尘抑尘', inspection: '执法检查', penalty: '处罚', construction_halt: '停工', traffic_restriction: '交通管控', other: '其他',
};
const CATEGORIES: Record<string, string> = { technology: '科技', enforcement: '执法', management: '管理' };

export interface RankingRow {
  district: { code: string; name: string };
  pm25: number;
  rank: number;
  lastYear: number | null;
  change: number | null;
  changeRank: number | null;
}

/** Competition ranking ("1, 1, 3") ascending on values already rounded to the published precision. */
export function competitionRanks(values: number[]): number[] {
  return values.map((v) => 1 + values.filter((w) => w < v).length);
}

function monthDays(month: string): { from: string; to: string; days: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(days).padStart(2, '0')}`, days };
}
const shiftYear = (month: string, by: number) => `${Number(month.slice(0, 4)) + by}${month.slice(4)}`;

export interface BriefDeps {
  air: AirService;
  measures: MeasuresService;
  reductions: ReductionsService;
  unitName(code: string): Promise<string>;
  levelOf(code: string): Promise<string | null>;
}

/** Builds the district monthly brief and the ranking it contains. */
export class BriefService {
  constructor(private readonly deps: BriefDeps) {}

  /** Daily PM2.5 (µg/m³) of each district's stations for a month: district → station → daily values. */
  private async monthPm25(month: string) {
    const { from, to } = monthDays(month);
    const out = new Map<string, { name: string; stations: { code: string; name: string; days: (number | null)[]; aqi: (number | null)[] }[] }>();
    for (const s of await this.deps.air.stations()) {
      if (!s.district) continue;
      const days = await this.deps.air.daily(s.code, from, to);
      const entry = out.get(s.district.code) ?? { name: s.district.name, stations: [] };
      entry.stations.push({ code: s.code, name: s.name, days: days.map((d) => d.concentrations.pm25), aqi: days.map((d) => d.aqi) });
      out.set(s.district.code, entry);
    }
    return out;
  }

  /**
   * Districts ranked by the month's mean PM2.5 (mean of their stations' valid daily means, rounded to
   * whole µg/m³ per GB/T 8170), ascending, ties sharing a rank; and by the change on the same month a
   * year before, in % to one decimal, where both exist.
   */
  async ranking(month: string): Promise<RankingRow[]> {
    const mean = (data: Awaited<ReturnType<BriefService['monthPm25']>>, code: string) => {
      const vals = (data.get(code)?.stations ?? []).flatMap((s) => s.days).filter((v): v is number => v !== null);
      return vals.length ? roundHalfEven(vals.reduce((a, b) => a + b, 0) / vals.length, 0) : null;
    };
    const now = await this.monthPm25(month);
    const before = await this.monthPm25(shiftYear(month, -1));
    const rows = [...now.keys()]
      .map((code) => ({ code, name: now.get(code)!.name, pm25: mean(now, code), lastYear: mean(before, code) }))
      .filter((r): r is { code: string; name: string; pm25: number; lastYear: number | null } => r.pm25 !== null);
    const ranks = competitionRanks(rows.map((r) => r.pm25));
    const changes = rows.map((r) => (r.lastYear ? roundHalfEven(((r.pm25 - r.lastYear) / r.lastYear) * 100, 1) : null));
    const withChange = changes.filter((c): c is number => c !== null);
    return rows
      .map((r, i) => ({
        district: { code: r.code, name: r.name },
        pm25: r.pm25,
        rank: ranks[i]!,
        lastYear: r.lastYear,
        change: changes[i]!,
        changeRank: changes[i] === null ? null : 1 + withChange.filter((c) => c < changes[i]!).length,
      }))
      .sort((a, b) => a.rank - b.rank || a.district.code.localeCompare(b.district.code));
  }

  /** The brief as a PDF buffer. */
  async pdf(district: string, month: string): Promise<Buffer> {
    if ((await this.deps.levelOf(district)) !== 'district') throw invalidField('query.district', `${district} is not a district`);
    const name = await this.deps.unitName(district);
    const { from, to, days } = monthDays(month);
    const data = (await this.monthPm25(month)).get(district);
    const ranking = await this.ranking(month);
    const measures = await this.deps.measures.list({ district, from, to }, 50);

    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${name} ${month} 空气质量月报`, Author: 'Jing 一微克' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    doc.registerFont('sc', cjkFonts().regular);
    doc.font('sc');
    const [y, m] = month.split('-');
    doc.fontSize(18).text(`${name} ${y}年${Number(m)}月 空气质量月报（一微克）`, { align: 'center' });
    doc.moveDown(0.3).fontSize(9).fillColor('#666').text(`统计期 ${from} 至 ${to} · 依据 HJ 633 / HJ 663 · 数据：北京多站点空气质量数据（UCI，CC BY 4.0）`, { align: 'center' }).fillColor('#000');

    // 1. AQI summary by station.
    doc.moveDown(1).fontSize(13).text('一、空气质量概况');
    doc.fontSize(10);
    const daily: (number | null)[] = Array.from({ length: days }, (_, i) => {
      const vals = (data?.stations ?? []).map((s) => s.days[i]).filter((v): v is number => v !== null && v !== undefined);
      return vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : null;
    });
    if (!data || daily.every((v) => v === null)) doc.text('本月辖区内监测站点无有效数据。');
    else {
      for (const s of data.stations) {
        const valid = s.days.filter((v): v is number => v !== null);
        const aqi = s.aqi.filter((v): v is number => v !== null);
        const good = aqi.filter((v) => v <= 100).length;
        const pm = valid.length ? roundHalfEven(valid.reduce((a, b) => a + b, 0) / valid.length, 0) : null;
        doc.text(`${s.name}（${s.code}）：PM2.5 月均 ${pm ?? '—'} µg/m³；优良天数 ${good}/${aqi.length} 天；日 AQI 最高 ${aqi.length ? Math.max(...aqi) : '—'}。`);
      }
      this.chart(doc, daily, from);
    }

    // 2. Ranking.
    doc.moveDown(1).fontSize(13).text('二、各区 PM2.5 浓度排名（由低到高，并列同名次）');
    doc.fontSize(10);
    if (ranking.length === 0) doc.text('本月无可排名数据。');
    for (const r of ranking) {
      const mark = r.district.code === district ? '▶ ' : '   ';
      const yoy = r.change === null ? '同比 —' : `同比 ${r.change > 0 ? '+' : ''}${r.change.toFixed(1)}%（第 ${r.changeRank} 名）`;
      doc.text(`${mark}第 ${r.rank} 名  ${r.district.name}  ${r.pm25} µg/m³  ${yoy}`);
    }

    // 3. Measures and 4. what they achieved.
    doc.moveDown(1).fontSize(13).text('三、本月实施的措施');
    doc.fontSize(10);
    if (measures.length === 0) doc.text('本月无登记措施。');
    for (const mz of measures) {
      doc.text(`· [${CATEGORIES[mz.category]}·${MEASURE_TYPES[mz.type]}] ${mz.title}（${mz.startDate} 至 ${mz.endDate ?? '今'}，责任单位：${mz.responsibleUnit.name}${mz.place.station ? `，站点 ${mz.place.station}` : ''}）`);
    }
    doc.moveDown(1).fontSize(13).text('四、减排效果估计（µg/m³，95% 置信区间）');
    doc.fontSize(10);
    const stationMeasures = measures.filter((x) => x.place.station).slice(0, 3);
    if (stationMeasures.length === 0) doc.text('本月无可按站点评估的措施。');
    for (const mz of stationMeasures) {
      const start = mz.startDate > from ? mz.startDate : from;
      const end = mz.endDate && mz.endDate < to ? mz.endDate : to;
      const r = await this.deps.reductions.estimate({ station: mz.place.station!, from: start, to: end, pollutant: 'pm25' });
      const f = (v: number) => `${v > 0 ? '+' : ''}${v.toFixed(1)}`;
      doc.text(`${mz.title} @ ${r.station.name}（${r.after.from} 至 ${r.after.to}，对照 ${r.before.from} 至 ${r.before.to}）：`);
      doc.text(
        r.deweathered
          ? `  气象归一化：变化 ${f(r.deweathered.change)}（${f(r.deweathered.ci95[0])} ~ ${f(r.deweathered.ci95[1])}），观测变化 ${f(r.deweathered.rawChange)}，其中气象贡献 ${f(r.deweathered.weatherEffect)}`
          : `  气象归一化：无法估计（${r.deweatheredError}）`,
      );
      doc.text(r.did ? `  双重差分（对照站 ${r.did.controls.length} 个）：${f(r.did.estimate)}（${f(r.did.ci95[0])} ~ ${f(r.did.ci95[1])}）` : `  双重差分：无法估计（${r.didError}）`);
    }
    doc.moveDown(1).fontSize(8).fillColor('#666').text('说明：负值表示浓度下降。气象归一化以最小二乘模型扣除气温、气压、露点、降水、风速风向及时段影响，区间为按日分块自助法；双重差分以其他站点为对照，区间为 Newey–West 标准误。');
    doc.end();
    return done;
  }

  /** Bars of daily PM2.5, coloured by the IAQI category of each day's value (24-h PM2.5 column). */
  private chart(doc: PDFKit.PDFDocument, daily: (number | null)[], from: string): void {
    doc.moveDown(0.5);
    const x0 = 70;
    const w = 450;
    const h = 120;
    const y0 = doc.y + 10;
    const max = Math.max(75, ...daily.filter((v): v is number => v !== null));
    const bw = w / daily.length;
    doc.fontSize(8).text('日均 PM2.5（µg/m³）', x0, y0 - 10);
    doc.moveTo(x0, y0 + h).lineTo(x0 + w, y0 + h).strokeColor('#999').stroke();
    for (const [i, v] of daily.entries()) {
      if (v === null) continue;
      const bh = (v / max) * h;
      // PM2.5 24-h breakpoints 35/75/115/150/250 → categories 1–6 (HJ 633 table).
      const iaqiLevel = v <= 35 ? 50 : v <= 75 ? 100 : v <= 115 ? 150 : v <= 150 ? 200 : v <= 250 ? 300 : 400;
      doc.rect(x0 + i * bw + 1, y0 + h - bh, Math.max(1, bw - 2), bh).fill(aqiCategory(iaqiLevel)?.hex ?? '#999');
    }
    doc.fillColor('#000').fontSize(7);
    doc.text(String(Math.round(max)), x0 - 25, y0 - 3);
    doc.text(from.slice(5), x0, y0 + h + 3);
    doc.text(`${daily.length} 天`, x0 + w - 25, y0 + h + 3);
    doc.x = 50;
    doc.y = y0 + h + 20;
  }
}
