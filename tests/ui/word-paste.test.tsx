// What Word puts on the clipboard, cleaned for the editor (renderer/editor/wordPaste.ts), on a
// fragment shaped as Word 365 writes it (tests/unit/fixtures/word-clipboard.html).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanWordHtml, isFromWord, plainParagraphs } from '../../renderer/editor/wordPaste.js';

const WORD = fs.readFileSync(path.join(import.meta.dirname, '..', 'unit', 'fixtures', 'word-clipboard.html'), 'utf8');
const UN_TEMPLATE = fs.readFileSync(path.join(import.meta.dirname, '..', 'unit', 'fixtures', 'word-un-template.html'), 'utf8');

describe('paste from Word', () => {
  it('is told from other HTML', () => {
    expect(isFromWord(WORD)).toBe(true);
    expect(isFromWord('<p>From a web page, <b>bold</b>.</p>')).toBe(false);
  });

  it('keeps headings (at the report’s levels), bold and italic, lists with their nesting and kind, and links; drops Word’s leftovers', () => {
    const body = cleanWordHtml(WORD).body;
    const html = body.innerHTML.replace(/\s+/g, ' ').replace(/> </g, '><').trim();
    expect(body.querySelector('h2')?.textContent).toBe('Access to justice');
    expect(body.querySelector('h3')?.textContent).toBe('Figures');
    expect([...body.querySelectorAll('b')].map((b) => b.textContent)).toEqual(['2024', 'victims of trafficking']);
    expect([...body.querySelectorAll('i')].map((b) => b.textContent)).toEqual(['asylum seekers']);
    const bullets = body.querySelector('ul')!;
    expect([...bullets.children].map((li) => li.firstChild?.textContent?.trim())).toEqual(['eligibility widened', 'regional offices opened']);
    expect(bullets.querySelector('ul > li > ul > li')?.textContent?.trim()).toBe('to asylum seekers');
    const numbered = body.querySelector('ol')!;
    expect([...numbered.children].map((li) => li.textContent?.trim())).toEqual(['412 cases in 2023', '618 cases in 2024 (report)']);
    expect(numbered.querySelector('a')?.getAttribute('href')).toBe('https://www.gov.example/aid');
    expect(html).not.toMatch(/mso-|Mso|o:p|style=|class=|·|&nbsp;&nbsp;/);
    expect(body.querySelectorAll('p').length).toBe(1);
  });

  it('keeps the UN template’s headings and outline levels as headings, never list items or numbered paragraphs; its numbered body text as plain paragraphs', () => {
    // As Word writes a national report set in the UN template (tests/unit/fixtures/word-un-template.html):
    // a chapter (HChG) and a heading (H1G) numbered by Word's lists, body paragraphs (SingleTxtG)
    // numbered the same way or typed, a heading style of the office's own with an outline level,
    // and a real list after them.
    const html = UN_TEMPLATE;
    expect(isFromWord(html)).toBe(true);
    const body = cleanWordHtml(html).body;
    expect([...body.children].map((el) => [el.tagName, el.tagName === 'OL' ? [...el.children].map((li) => li.textContent!.trim()).join(' | ') : el.textContent!.trim()])).toEqual([
      ['H2', 'Methodology and consultation process'],
      ['H3', 'Preparation of the report'],
      ['P', 'The report was prepared by the Inter-Ministerial Committee.'],
      ['P', 'Consultations were held in three regions.'],
      // A figure that opens a heading is not a label: only "2." or "2.1" is.
      ['H4', '2024 in figures'],
      ['OL', 'shelters opened; | a helpline.'],
    ]);
    expect(body.querySelector('p b')?.textContent).toBe('three');
  });

  it('plain text gets a paragraph a line, without the blank lines between', () => {
    expect(plainParagraphs('First paragraph.\r\n\r\nSecond paragraph.\n \nThird.\n')).toBe('First paragraph.\nSecond paragraph.\nThird.');
  });
});
