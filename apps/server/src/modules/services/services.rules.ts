import type { FieldIssue, ServiceItemDefinition } from '@jing/contracts';

/**
 * Rules of a service item definition beyond its schema: the pieces must refer
 * to each other (situations to questions and steps) and to the org tree (unit
 * types). Returns every problem, each with the path of the field at fault
 * under `prefix` (e.g. `body.definition`).
 */
export function definitionIssues(d: ServiceItemDefinition, unitTypes: ReadonlySet<string>, prefix: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const at = (path: (string | number)[], message: string) => issues.push({ path: [prefix, ...path].join('.'), message });
  const unitType = (t: string, path: (string | number)[]) => {
    if (t !== 'street' && !unitTypes.has(t)) at(path, `unknown unit type "${t}": use an agency type of the org tree or "street"`);
  };

  if (d.promisedLimitDays > d.statutoryLimitDays) at(['promisedLimitDays'], 'the promised limit cannot exceed the statutory limit');
  if (d.department.type === 'street') at(['department', 'type'], 'the competent department is an agency, not a street office');
  else unitType(d.department.type, ['department', 'type']);
  unitType(d.implementedBy.unitType, ['implementedBy', 'unitType']);
  if (d.implementedBy.unitType === 'street' && d.implementedBy.level !== 'street') at(['implementedBy', 'level'], 'a street office implements at the street level');

  const duplicates = (codes: string[], path: string) =>
    codes.forEach((c, i) => {
      if (codes.indexOf(c) !== i) at([path, i], `duplicate code "${c}"`);
    });
  duplicates(d.questions.map((q) => q.id), 'questions');
  duplicates(d.situations.map((s) => s.code), 'situations');
  duplicates(d.steps.map((s) => s.code), 'steps');
  duplicates(d.formFields.map((f) => f.key), 'formFields');

  d.questions.forEach((q, i) => {
    const values = q.options.map((o) => o.value);
    values.forEach((v, j) => {
      if (values.indexOf(v) !== j) at(['questions', i, 'options', j, 'value'], `duplicate option "${v}"`);
    });
    if (!d.situations.some((s) => q.id in s.when)) at(['questions', i], `no situation depends on question "${q.id}"`);
  });
  if (d.situations.length > 1 && d.questions.length === 0) at(['questions'], 'several situations need guide questions to choose between them');

  const optionalSteps = new Set(d.steps.filter((s) => s.optional).map((s) => s.code));
  d.situations.forEach((s, i) => {
    for (const [qid, value] of Object.entries(s.when)) {
      const q = d.questions.find((x) => x.id === qid);
      if (!q) at(['situations', i, 'when', qid], `no question "${qid}"`);
      else if (!q.options.some((o) => o.value === value)) at(['situations', i, 'when', qid], `question "${qid}" has no option "${value}"`);
    }
    s.extraSteps.forEach((code, j) => {
      if (!optionalSteps.has(code)) at(['situations', i, 'extraSteps', j], `"${code}" is not an optional step of the procedure`);
    });
    const materials = s.materials.map((m) => m.code);
    materials.forEach((c, j) => {
      if (materials.indexOf(c) !== j) at(['situations', i, 'materials', j, 'code'], `duplicate material "${c}"`);
    });
  });
  // Two situations with the same conditions could never both be chosen.
  const whens = d.situations.map((s) => JSON.stringify(Object.entries(s.when).sort()));
  whens.forEach((w, i) => {
    if (whens.indexOf(w) !== i) at(['situations', i, 'when'], `the same answers as situation "${d.situations[whens.indexOf(w)]!.code}"`);
  });

  d.steps.forEach((s, i) => {
    if (s.kind === 'countersign' && s.countersignUnits.length === 0) at(['steps', i, 'countersignUnits'], 'a countersign step names the units that sign');
    s.countersignUnits.forEach((t, j) => unitType(t, ['steps', i, 'countersignUnits', j]));
  });
  if (!d.steps.some((s) => s.kind === 'accept')) at(['steps'], 'the procedure starts with 受理 (a step of kind "accept")');
  if (d.result.kind === 'certificate' && !d.result.certificateType) at(['result', 'certificateType'], 'a certificate result names its certificate type (for the wallet)');
  if (!d.channels.online && !d.channels.offline) at(['channels'], 'an item is served online, offline or both');
  return issues;
}
