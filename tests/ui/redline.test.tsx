// The redline (renderer/widgets/Redline.tsx) that marks the copy's and the merged text against this
// report's in the merge's Compare window (issue 14's seen case: two offices rewrote one sentence,
// and the merge ran both together with a letter lost).
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Redline } from '../../renderer/widgets/Redline.js';

afterEach(cleanup);

const labels = { insertedLabel: 'Added', deletedLabel: 'Removed', tooLong: 'Too far apart to mark.' };

describe('a redline', () => {
  it('marks a sentence the merge ran together: the lost words struck, the new ones underlined, the rest as it was', () => {
    const ours = 'The rate was 12.1% in 2024. The statistical data for 2025 show a fall.';
    const merged = 'The rate was 12.1% in 2024.he statistical data for 2025 show a fall.';
    const { container } = render(<Redline from={ours} to={merged} {...labels} />);
    const del = [...container.querySelectorAll('del')].map((d) => d.textContent);
    const ins = [...container.querySelectorAll('ins')].map((d) => d.textContent);
    expect(del.join('')).toContain('The');
    expect(ins.join('')).toContain('he');
    // Every word of both texts is there once, in order: unchanged, struck or underlined.
    const unchanged = [...container.children].filter((c) => c.tagName === 'SPAN').map((s) => s.textContent).join('');
    expect(unchanged).toContain('The rate was 12.1% in 2024.');
    expect(unchanged).toContain('statistical data for 2025 show a fall.');
    expect(container.querySelector('del')!.getAttribute('aria-label')).toMatch(/^Removed: /);
    expect(container.querySelector('ins')!.getAttribute('aria-label')).toMatch(/^Added: /);
  });

  it('marks nothing when the texts are the same', () => {
    const { container } = render(<Redline from="Same words." to="Same words." {...labels} />);
    expect(container.querySelectorAll('ins, del')).toHaveLength(0);
    expect(container.textContent).toBe('Same words.');
  });

  it('shows the text unmarked, and says so, when comparing would take too long', () => {
    const words = (seed: number) => Array.from({ length: 60_000 }, (_, i) => `w${(i * seed) % 9973}`).join(' ');
    const { container } = render(<Redline from={words(7)} to={words(13)} {...labels} />);
    expect(container.querySelectorAll('ins, del')).toHaveLength(0);
    expect(container.textContent).toContain('Too far apart to mark.');
  });
});
