/**
 * The six AQI categories of HJ 633-2012 Table 2 (空气质量指数及相关信息), with the colours of its Appendix A
 * (规范性附录: 空气质量指数类别的表示颜色). HJ 633-2026 keeps the bands and colours (every implementation agrees).
 * The Chinese health texts are the standard's own wording; the English is ours.
 */

/** A text in the UI's two languages, zh-CN first. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export type AqiLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface AqiCategory {
  readonly level: AqiLevel;
  /** Stable key for i18n and storage. */
  readonly key: 'excellent' | 'good' | 'lightly-polluted' | 'moderately-polluted' | 'heavily-polluted' | 'severely-polluted';
  /** 级别, e.g. 一级. */
  readonly levelName: Bilingual;
  /** 类别, e.g. 优 / Excellent (English as used by MEE). */
  readonly name: Bilingual;
  /** Inclusive AQI range; `max` is null for the open top band. */
  readonly min: number;
  readonly max: number | null;
  readonly colourName: Bilingual;
  /** Appendix A colour. Note 五级 purple #99004C is not the US "Very Unhealthy" #8F3F97. */
  readonly hex: string;
  readonly rgb: readonly [number, number, number];
  readonly cmyk: readonly [number, number, number, number];
  /** 对健康影响情况. */
  readonly healthEffects: Bilingual;
  /** 建议采取的措施. */
  readonly measures: Bilingual;
}

const category = (c: AqiCategory): AqiCategory => Object.freeze(c);

export const AQI_CATEGORIES: readonly AqiCategory[] = Object.freeze([
  category({
    level: 1,
    key: 'excellent',
    levelName: { zh: '一级', en: 'Level 1' },
    name: { zh: '优', en: 'Excellent' },
    min: 0,
    max: 50,
    colourName: { zh: '绿色', en: 'green' },
    hex: '#00E400',
    rgb: [0, 228, 0],
    cmyk: [40, 0, 100, 0],
    healthEffects: {
      zh: '空气质量令人满意，基本无空气污染',
      en: 'Air quality is satisfactory, with almost no air pollution.',
    },
    measures: { zh: '各类人群可正常活动', en: 'Everyone can go about their activities as usual.' },
  }),
  category({
    level: 2,
    key: 'good',
    levelName: { zh: '二级', en: 'Level 2' },
    name: { zh: '良', en: 'Good' },
    min: 51,
    max: 100,
    colourName: { zh: '黄色', en: 'yellow' },
    hex: '#FFFF00',
    rgb: [255, 255, 0],
    cmyk: [0, 0, 100, 0],
    healthEffects: {
      zh: '空气质量可接受，但某些污染物可能对极少数异常敏感人群健康有较弱影响',
      en: 'Air quality is acceptable, but some pollutants may slightly affect the health of a very small number of unusually sensitive people.',
    },
    measures: {
      zh: '极少数异常敏感人群应减少户外活动',
      en: 'The very few unusually sensitive people should spend less time outdoors.',
    },
  }),
  category({
    level: 3,
    key: 'lightly-polluted',
    levelName: { zh: '三级', en: 'Level 3' },
    name: { zh: '轻度污染', en: 'Lightly polluted' },
    min: 101,
    max: 150,
    colourName: { zh: '橙色', en: 'orange' },
    hex: '#FF7E00',
    rgb: [255, 126, 0],
    cmyk: [0, 52, 100, 0],
    healthEffects: {
      zh: '易感人群症状有轻度加剧，健康人群出现刺激症状',
      en: 'Symptoms in susceptible people worsen slightly; healthy people show signs of irritation.',
    },
    measures: {
      zh: '儿童、老年人及心脏病、呼吸系统疾病患者应减少长时间、高强度户外锻炼',
      en: 'Children, older people and people with heart or respiratory disease should cut down long or strenuous outdoor exercise.',
    },
  }),
  category({
    level: 4,
    key: 'moderately-polluted',
    levelName: { zh: '四级', en: 'Level 4' },
    name: { zh: '中度污染', en: 'Moderately polluted' },
    min: 151,
    max: 200,
    colourName: { zh: '红色', en: 'red' },
    hex: '#FF0000',
    rgb: [255, 0, 0],
    cmyk: [0, 100, 100, 0],
    healthEffects: {
      zh: '进一步加剧易感人群症状，可能对健康人群心脏、呼吸系统有影响',
      en: 'Symptoms in susceptible people worsen further; the heart and lungs of healthy people may be affected.',
    },
    measures: {
      zh: '儿童、老年人及心脏病、呼吸系统疾病患者避免长时间、高强度户外锻炼，一般人群适量减少户外运动',
      en: 'Children, older people and people with heart or respiratory disease should avoid long or strenuous outdoor exercise; everyone else should exercise outdoors less.',
    },
  }),
  category({
    level: 5,
    key: 'heavily-polluted',
    levelName: { zh: '五级', en: 'Level 5' },
    name: { zh: '重度污染', en: 'Heavily polluted' },
    min: 201,
    max: 300,
    colourName: { zh: '紫色', en: 'purple' },
    hex: '#99004C',
    rgb: [153, 0, 76],
    cmyk: [10, 100, 40, 30],
    healthEffects: {
      zh: '心脏病和肺病患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状',
      en: 'Symptoms in people with heart or lung disease worsen markedly and they tolerate exercise less; healthy people commonly show symptoms.',
    },
    measures: {
      zh: '儿童、老年人和心脏病、肺病患者应停留在室内，停止户外运动，一般人群减少户外运动',
      en: 'Children, older people and people with heart or lung disease should stay indoors and stop outdoor exercise; everyone else should exercise outdoors less.',
    },
  }),
  category({
    level: 6,
    key: 'severely-polluted',
    levelName: { zh: '六级', en: 'Level 6' },
    name: { zh: '严重污染', en: 'Severely polluted' },
    min: 301,
    max: null,
    colourName: { zh: '褐红色', en: 'maroon' },
    hex: '#7E0023',
    rgb: [126, 0, 35],
    cmyk: [30, 100, 100, 30],
    healthEffects: {
      zh: '健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病',
      en: 'Healthy people tolerate exercise less and have marked, strong symptoms; some illnesses set in earlier.',
    },
    measures: {
      zh: '儿童、老年人和病人应当留在室内，避免体力消耗，一般人群停止户外运动',
      en: 'Children, older people and the sick should stay indoors and avoid physical exertion; everyone else should stop outdoor exercise.',
    },
  }),
]);

/**
 * The category of an AQI. AQI values are integers (rounded up), so the bands 0–50, 51–100 … meet without gaps; a
 * fractional value is placed as its ceiling would be (50.2 is 良).
 *
 * @example
 * aqiCategory(100).name.zh; // '良'
 * aqiCategory(101).hex; // '#FF7E00'
 * aqiCategory(301).level; // 6
 */
export function aqiCategory(aqi: number): AqiCategory {
  if (!Number.isFinite(aqi) || aqi < 0) throw new RangeError(`AQI must be a finite number ≥ 0, got ${aqi}`);
  const found = AQI_CATEGORIES.find((c) => c.max === null || aqi <= c.max);
  return found ?? AQI_CATEGORIES[AQI_CATEGORIES.length - 1]!;
}
