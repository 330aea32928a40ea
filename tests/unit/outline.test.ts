import { describe, expect, it } from 'vitest';
import { outline17119 } from '../../shared/outline.js';

describe('the 17/119 outline', () => {
  it('has sections A to G in each of the six UN languages', () => {
    for (const lang of ['en', 'fr', 'es', 'ar', 'ru', 'zh'] as const) {
      const titles = outline17119(lang);
      expect(titles, lang).toHaveLength(7);
      expect(new Set(titles).size, lang).toBe(7);
    }
    expect(outline17119('ar')[0]).toBe('المنهجية وعملية التشاور');
  });
});
