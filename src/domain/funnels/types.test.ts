import { describe, expect, it } from 'vitest';
import { FUNNEL_TEMPLATES, getFunnelTemplate } from './templates';
import { localizeTemplate } from './types';

function containsLocalized(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsLocalized);
  if (typeof value !== 'object' || value === null) return false;
  if ('zh-CN' in value || 'en' in value) return true;
  return Object.values(value).some(containsLocalized);
}

describe('localizeTemplate', () => {
  it('gives the same shape with plain strings in the chosen language', () => {
    const sixStep = getFunnelTemplate('six-step');
    if (!sixStep) throw new Error('six-step missing');
    const en = localizeTemplate(sixStep, 'en');
    const zh = localizeTemplate(sixStep, 'zh-CN');

    expect(en.name).toBe('Six-step checklist sales method');
    expect(zh.stages[0]?.name).toBe('目标客户');
    expect(en.stages[0]?.criteria[0]).toEqual({
      id: 'in_territory',
      label: 'The account lies in the grid team’s territory',
      required: true,
    });
    expect(zh.stages.find((stage) => stage.key === 'potential')?.objections[0]).toEqual({
      objection: '担心项目风险',
      answer: '邀请客户参观类似的成功案例并与之交流,降低项目风险。',
    });
  });

  it('keeps keys, ids, numbers and filters and leaves no bilingual text behind', () => {
    for (const template of FUNNEL_TEMPLATES) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const localized = localizeTemplate(template, locale);
        expect(containsLocalized(localized)).toBe(false);
        localized.stages.forEach((stage, index) => {
          const source = template.stages[index];
          expect(stage).toMatchObject({
            key: source?.key,
            probability: source?.probability,
            staleAfterDays: source?.staleAfterDays,
            terminal: source?.terminal,
          });
          expect(stage.keyActions.map(({ label: _label, ...rest }) => rest)).toEqual(
            source?.keyActions.map(({ label: _label, ...rest }) => rest),
          );
          expect(stage.criteria.map((item) => item.id)).toEqual(
            source?.criteria.map((item) => item.id),
          );
          expect(stage.scripts).toHaveLength(source?.scripts.length ?? -1);
        });
      }
    }
  });
});
