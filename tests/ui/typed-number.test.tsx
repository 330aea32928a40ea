// The typed-number menu's replacement of "121.3" by its chip, when the menu split off what it saw a
// key earlier: the chip replaces exactly the number as typed, whatever part the menu split off.
import { createHeadlessEditor } from '@lexical/headless';
import { $createParagraphNode, $createTextNode, $getRoot, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { SECTION_NODES } from '../../shared/nodes.js';
import { $createRecommendationRefNode } from '../../shared/recommendation-ref-node.js';
import { $replaceTypedNumber } from '../../renderer/editor/RecommendationRefPlugin.js';

/** A paragraph of `before` + `split` (the node the menu split off), the chip put in for `split`; the paragraph's nodes after. */
function replace(before: string, split: string, number: string): Array<[string, string]> {
  const editor = createHeadlessEditor({ nodes: [...SECTION_NODES], onError: (e) => { throw e; } });
  let out: Array<[string, string]> = [];
  editor.update(
    () => {
      const typed: TextNode = $createTextNode(split);
      // Two nodes of one style stay two only while the update runs, as after the menu's split.
      const p = $createParagraphNode().append($createTextNode(before), typed);
      $getRoot().clear().append(p);
      $replaceTypedNumber(typed, $createRecommendationRefNode(number));
      out = p.getChildren().map((n) => [n.getType(), n.getTextContent()]);
    },
    { discrete: true },
  );
  return out;
}

describe('the typed number replaced by its chip', () => {
  it('takes the whole number when the menu split off only its end (a stale match)', () => {
    expect(replace('This answers 121.2 and 1', '21.3', '121.3')).toEqual([
      ['text', 'This answers 121.2 and '],
      ['recommendation-ref', '121.3'],
    ]);
  });

  it('takes just the number when the menu split it off exactly', () => {
    expect(replace('This answers ', '121.3', '121.3')).toEqual([
      ['text', 'This answers '],
      ['recommendation-ref', '121.3'],
    ]);
  });

  it('keeps what the menu split off before the number', () => {
    expect(replace('This answers', ' 121.3', '121.3')).toEqual([
      ['text', 'This answers'],
      ['text', ' '],
      ['recommendation-ref', '121.3'],
    ]);
  });
});
