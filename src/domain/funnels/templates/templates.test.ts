import { describe, expect, it } from 'vitest';
import { LOCALES, type Localized } from '../../vocabulary';
import type { FunnelTemplate } from '../types';
import { validateFunnelStages } from '../validateFunnelStages';
import { FUNNEL_TEMPLATE_KEYS, FUNNEL_TEMPLATES, getFunnelTemplate } from './index';

const CJK = /[\u4e00-\u9fff]/;

function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && 'zh-CN' in value && 'en' in value;
}

/** Every Localized text anywhere in the template, with its path. */
function collectTexts(value: unknown, path: string, into: [string, Localized][] = []) {
  if (isLocalized(value)) {
    into.push([path, value]);
  } else if (typeof value === 'object' && value !== null) {
    // Object.entries gives array indexes too, so lists and records walk the same way.
    for (const [key, item] of Object.entries(value)) collectTexts(item, `${path}.${key}`, into);
  }
  return into;
}

function template(key: string): FunnelTemplate {
  const found = getFunnelTemplate(key);
  if (!found) throw new Error(`template ${key} missing`);
  return found;
}

const stageKeys = (key: string) => template(key).stages.map((stage) => stage.key);

describe('FUNNEL_TEMPLATES', () => {
  it('ships the five seed funnels under their keys', () => {
    expect(FUNNEL_TEMPLATES.map((t) => t.key)).toEqual([...FUNNEL_TEMPLATE_KEYS]);
    expect(FUNNEL_TEMPLATE_KEYS).toEqual(['six-step', 'seven-stage', 'lead-grade', 'abcd', 'aida']);
  });

  it('finds a template by key and nothing for an unknown key', () => {
    expect(getFunnelTemplate('aida')?.key).toBe('aida');
    expect(getFunnelTemplate('unknown')).toBeUndefined();
  });

  describe.each(FUNNEL_TEMPLATES.map((t) => [t.key, t] as const))('%s', (_key, funnel) => {
    it('passes funnel validation', () => {
      expect(validateFunnelStages(funnel.stages)).toEqual([]);
    });

    it('ends with won (100%) then lost (0%)', () => {
      const [won, lost] = funnel.stages.slice(-2);
      expect(won).toMatchObject({ key: 'won', terminal: 'won', probability: 100 });
      expect(lost).toMatchObject({ key: 'lost', terminal: 'lost', probability: 0 });
      expect(funnel.stages.slice(0, -2).every((stage) => stage.terminal === null)).toBe(true);
    });

    it('never lowers the probability along the open stages', () => {
      const open = funnel.stages.filter((stage) => stage.terminal === null);
      const probabilities = open.map((stage) => stage.probability);
      expect(probabilities).toEqual([...probabilities].sort((a, b) => a - b));
      expect(probabilities.every((p) => Number.isInteger(p) && p > 0 && p < 100)).toBe(true);
    });

    it('gives every open stage a stale threshold and won its criteria', () => {
      for (const stage of funnel.stages) {
        if (stage.terminal === null) expect(stage.staleAfterDays).toBeGreaterThan(0);
        else expect(stage.staleAfterDays).toBeNull();
      }
      const won = funnel.stages.find((stage) => stage.terminal === 'won');
      expect(won?.criteria.some((item) => item.required)).toBe(true);
    });

    it('keeps criterion and key-action ids unique within each stage', () => {
      for (const stage of funnel.stages) {
        const criterionIds = stage.criteria.map((item) => item.id);
        const actionIds = stage.keyActions.map((item) => item.id);
        expect(new Set(criterionIds).size, stage.key).toBe(criterionIds.length);
        expect(new Set(actionIds).size, stage.key).toBe(actionIds.length);
      }
    });

    it('has every text in both languages, Chinese in zh-CN and none in en', () => {
      const texts = collectTexts(funnel, funnel.key);
      expect(texts.length).toBeGreaterThan(20);
      for (const [path, text] of texts) {
        for (const locale of LOCALES) expect(text[locale].trim(), `${path}.${locale}`).not.toBe('');
        expect(CJK.test(text['zh-CN']), path).toBe(true);
        expect(CJK.test(text.en), path).toBe(false);
      }
    });
  });
});

describe('seed content', () => {
  it('six-step follows target → list → potential → intent → order, with active customer as won', () => {
    expect(stageKeys('six-step')).toEqual([
      'target',
      'list',
      'potential',
      'intent',
      'order',
      'won',
      'lost',
    ]);
    expect(template('six-step').stages[5]?.name['zh-CN']).toBe('在网客户');
  });

  it('six-step asks for three effective conversations before a list customer becomes potential', () => {
    const list = template('six-step').stages.find((stage) => stage.key === 'list');
    expect(list?.keyActions).toContainEqual(
      expect.objectContaining({ kind: 'activity', effectiveOnly: true, minCount: 3 }),
    );
  });

  it('seven-stage has the seven stages with 成交 as won', () => {
    expect(stageKeys('seven-stage')).toEqual([
      'target',
      'potential',
      'intent',
      'approved',
      'accepted',
      'negotiation',
      'won',
      'lost',
    ]);
    expect(template('seven-stage').stages[6]?.name['zh-CN']).toBe('成交客户');
  });

  it('seven-stage keeps the target standards optional and the screening criteria required', () => {
    const [target, potential] = template('seven-stage').stages;
    expect(target?.criteria.map((item) => item.required)).toEqual(Array(6).fill(false));
    expect(target?.criteria[0]?.label['zh-CN']).toContain('50人以上');
    expect(potential?.criteria.map((item) => [item.label['zh-CN'], item.required])).toEqual([
      ['符合我们的目标客户要求', true],
      ['该企业需要应用办公自动化', true],
      ['该企业经济效益良好', true],
      ['目前无应用系统,或系统不完善、应用效果不好', true],
    ]);
  });

  it('lead-grade runs F to B with A (签约客户) as won and its payment rule', () => {
    expect(stageKeys('lead-grade')).toEqual(['f', 'e', 'd', 'c', 'b', 'won', 'lost']);
    const won = template('lead-grade').stages.find((stage) => stage.key === 'won');
    expect(won?.name['zh-CN']).toBe('A 签约客户');
    expect(won?.criteria.map((item) => item.id)).toEqual(['signed', 'payment_secured']);
  });

  it('abcd and aida keep the seed stage names', () => {
    const names = (key: string) => template(key).stages.map((stage) => stage.name['zh-CN']);
    expect(names('abcd').slice(0, 4)).toEqual([
      'A 了解阶段',
      'B 比较阶段',
      'C 谈判阶段',
      'D 签约阶段',
    ]);
    expect(names('aida').slice(0, 4)).toEqual(['意识', '兴趣', '决策', '行动']);
  });
});
