import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalizeTerritory,
  pickTerritory,
  type Territory,
  territoryMatches,
  territorySpecificity,
  validateTerritory,
} from './territories';

const place = (province: string | null, city: string | null = null): Territory => ({
  province,
  city,
  tag: null,
});
const tagged = (tag: string): Territory => ({ province: null, city: null, tag });

describe('validateTerritory', () => {
  it('accepts a province, a city in a province, or a tag', () => {
    expect(validateTerritory(place('浙江'))).toEqual([]);
    expect(validateTerritory(place('浙江', '杭州'))).toEqual([]);
    expect(validateTerritory(tagged('外贸'))).toEqual([]);
  });

  it('refuses an empty territory, a city alone, or a place with a tag', () => {
    expect(validateTerritory(normalizeTerritory({ province: '  ' }))[0]?.field).toBe('province');
    expect(validateTerritory(place(null, '杭州'))[0]?.field).toBe('province');
    expect(validateTerritory({ province: '浙江', city: null, tag: '外贸' })[0]?.field).toBe('tag');
  });
});

describe('pickTerritory', () => {
  const zhejiang = { ...place('浙江'), team: 'province-team' };
  const hangzhou = { ...place('浙江', '杭州'), team: 'city-team' };
  const trade = { ...tagged('外贸'), team: 'tag-team' };
  const all = [trade, zhejiang, hangzhou];

  it('prefers the city, then the province, then a tag', () => {
    expect(pickTerritory(all, { province: '浙江', city: '杭州', tags: ['外贸'] })?.team).toBe(
      'city-team',
    );
    expect(pickTerritory(all, { province: '浙江', city: '宁波', tags: ['外贸'] })?.team).toBe(
      'province-team',
    );
    expect(pickTerritory(all, { province: '江苏', city: null, tags: ['外贸'] })?.team).toBe(
      'tag-team',
    );
    expect(pickTerritory(all, { province: '江苏', city: null, tags: [] })).toBeNull();
  });

  it('always picks a matching territory at least as specific as every other match', () => {
    const provinces = fc.constantFrom('浙江', '江苏', null);
    const cities = fc.constantFrom('杭州', '苏州', null);
    const tags = fc.constantFrom('外贸', '制造');
    const territory = fc.oneof(
      fc
        .record({ province: provinces, city: cities })
        .map(({ province, city }) => place(province ?? '浙江', city)),
      tags.map(tagged),
    );
    fc.assert(
      fc.property(
        fc.array(territory, { maxLength: 6 }),
        provinces,
        cities,
        fc.subarray(['外贸', '制造']),
        (territories, province, city, customerTags) => {
          const customer = { province, city, tags: customerTags };
          const picked = pickTerritory(territories, customer);
          const matches = territories.filter((t) => territoryMatches(t, customer));
          if (matches.length === 0) {
            expect(picked).toBeNull();
            return;
          }
          expect(picked && territoryMatches(picked, customer)).toBe(true);
          const best = Math.max(...matches.map(territorySpecificity));
          expect(picked && territorySpecificity(picked)).toBe(best);
        },
      ),
    );
  });
});
