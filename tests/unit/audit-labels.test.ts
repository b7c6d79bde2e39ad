import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../../src/domain/audit/auditVocabulary';
import en from '../../src/web/i18n/en.json';
import zhCN from '../../src/web/i18n/zh-CN.json';
import { type ChangeText, changeLines } from '../../src/web/pages/settings/auditChanges';
import {
  ACTION_LABELS,
  ALL_FIELD_LABELS,
  actionLabelKey,
  ENTITY_LABELS,
  entityLabelKey,
} from '../../src/web/pages/settings/auditLabels';

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => {
    if (typeof node !== 'object' || node === null) return undefined;
    return (node as Record<string, unknown>)[part];
  }, tree);
}

const catalogues = { 'zh-CN': zhCN, en };

function missingTexts(labelKeys: string[]): string[] {
  return Object.entries(catalogues).flatMap(([locale, tree]) =>
    labelKeys
      .filter((key) => typeof lookup(tree, key) !== 'string' || lookup(tree, key) === '')
      .map((key) => `${locale} ${key}`),
  );
}

describe('audit log labels', () => {
  it('name every action and record type the server writes, in both languages', () => {
    expect(AUDIT_ACTIONS.filter((code) => actionLabelKey(code) === undefined)).toEqual([]);
    expect(AUDIT_ENTITIES.filter((code) => entityLabelKey(code) === undefined)).toEqual([]);
    const keys = [
      ...Object.values(ACTION_LABELS).map((label) => label.labelKey),
      ...Object.values(ENTITY_LABELS).map((label) => label.labelKey),
      ...ALL_FIELD_LABELS.flatMap((table) => Object.values(table).map((label) => label.labelKey)),
    ];
    expect(keys.length).toBeGreaterThan(AUDIT_ACTIONS.length + AUDIT_ENTITIES.length);
    expect(missingTexts(keys)).toEqual([]);
  });

  it('give no label to a code it does not know, nor to an inherited property', () => {
    expect(actionLabelKey('some_future_action')).toBeUndefined();
    expect(entityLabelKey('toString')).toBeUndefined();
  });
});

describe('audit change lines', () => {
  const zh = (key: string) => String(lookup(zhCN, key) ?? key);
  const ctx: ChangeText = {
    t: zh,
    userName: (id) => (id === 'u-1' ? '张三' : undefined),
    dateTime: (iso) => `at ${iso.slice(0, 10)}`,
  };

  it('show a changed field as label: before → after, values as text', () => {
    const lines = changeLines(
      {
        address: { from: '杭州', to: '<img src=x>' },
        ownerId: { from: 'u-1', to: null },
        tags: { from: [], to: ['A', 'B'] },
        archived: { from: false, to: true },
        nextFollowUpAt: { from: null, to: '2026-12-01T02:00:00.000Z' },
        rule: '30 天未跟进',
        unknownField: { from: 1, to: 2 },
      },
      'customer',
      ctx,
    );
    expect(lines).toEqual([
      '地址: 杭州 → <img src=x>',
      '负责人: 张三 → （空）',
      '标签: （空） → A, B',
      '已归档: 否 → 是',
      '下次跟进: （空） → at 2026-12-01',
      '规则: 30 天未跟进',
      'unknownField: 1 → 2',
    ]);
  });

  it('read nested details as key: value, never JSON, and nothing for no changes', () => {
    const [line] = changeLines({ filters: { from: '2026-01-01', teamId: null } }, 'forecast', ctx);
    expect(line).toBe('filters: from: 2026-01-01; teamId: （空）');
    expect(line).not.toContain('{');
    expect(changeLines(null, 'customer', ctx)).toEqual([]);
    expect(changeLines('text', 'customer', ctx)).toEqual([]);
  });
});
