// The exported report's stylesheet, for the screen and for print: an A4 page set as UN documents
// are (a serif at 10 pt, justified paragraphs with their numbers hanging in the margin column,
// lettered headings, tables ruled only across), with logical properties throughout so an Arabic
// report reads from the right with the same rules.

/** The serif families, widest coverage last: whatever the machine has is used, script by script. */
const LATIN = `"Times New Roman", Times, "Liberation Serif", "Tinos", "Noto Serif", "DejaVu Serif"`;
const ARABIC = `"Noto Naskh Arabic", "Traditional Arabic", "Simplified Arabic", "Noto Sans Arabic", "Arial Unicode MS"`;
const CJK = `"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", "Noto Sans CJK SC", "Microsoft YaHei"`;

export const STYLESHEET = `
@page { size: A4; margin: 2.2cm 2.2cm 2.4cm; }
:root {
  --hang: 1cm;
  font-family: ${LATIN}, ${ARABIC}, ${CJK}, serif;
  font-size: 10pt;
  line-height: 1.3;
  color: #000;
  background: #fff;
  /* A long address breaks rather than running into the margin. */
  overflow-wrap: break-word;
}
/* Latin first even in Arabic: figures and English passages keep one face; Arabic letters fall through to an Arabic font. */
:root:lang(ar) { font-family: ${LATIN}, ${ARABIC}, serif; font-size: 12pt; line-height: 1.6; }
:root:lang(zh) { font-family: ${LATIN}, ${CJK}, serif; line-height: 1.5; }
body { margin: 0; }
@media screen {
  body { max-inline-size: 17cm; margin: 2cm auto; padding-inline: 1cm; }
}

/* A draft: the watermark and the draft's name at the foot, on every printed page. */
.draft-watermark {
  position: fixed; inset-block-start: 45%; inset-inline-start: 0; inline-size: 100%;
  text-align: center; font-size: 96pt; font-weight: bold; color: rgb(0 0 0 / 9%);
  transform: rotate(-40deg); pointer-events: none; z-index: 0;
}
.draft-footer { position: fixed; inset-block-end: 0; inset-inline-start: 0; margin: 0; font-size: 8pt; color: #444; }

/* Cover: the masthead line, the meeting, then the report's title and the country. */
.cover { margin-block-end: 2.2em; }
.masthead {
  display: flex; justify-content: space-between; align-items: baseline; gap: 1em;
  border-block-end: 2.5pt solid #000; padding-block-end: 3pt; margin-block-end: 1.6em;
}
.organization { font-size: 10pt; }
.symbol { font-size: 16pt; }
.meeting-block { display: flex; justify-content: space-between; align-items: flex-start; gap: 2em; margin: 0 0 2.5em; }
.meeting { margin: 0; }
.distribution { margin: 0; text-align: end; }
.distribution > span { display: block; }
.distribution .original { margin-block-start: 1em; }
.meeting > span { display: block; }
.council { font-weight: bold; }
h1 { margin: 0; font-weight: bold; }
h1 > span { display: block; }
.submitted { font-size: 14pt; line-height: 1.25; max-inline-size: 14cm; margin-block-end: 1.1em; }
.country { font-size: 17pt; line-height: 1.2; }

/* Headings: the label in the margin column, the title aligned with the text. */
h2, h3, h4, h5 {
  font-weight: bold; margin-block: 1.3em 0.7em; margin-inline-start: var(--hang);
  text-indent: calc(-1 * var(--hang)); break-after: avoid; break-inside: avoid;
}
h2 { font-size: 12pt; }
h3 { font-size: 10.5pt; }
h4 { font-size: 10pt; }
h5 { font-size: 10pt; font-style: italic; }
h2 > .label, h3 > .label, h4 > .label, h5 > .label { display: inline-block; inline-size: var(--hang); text-indent: 0; }
.title { text-indent: 0; }
.unlabelled { text-indent: 0; }

/* Paragraphs, numbered in the text itself: the number hangs in the margin column. */
.para { margin-block: 0 0.7em; margin-inline: var(--hang) 0; text-align: justify; orphans: 2; widows: 2; }
.para > .num { display: inline-block; inline-size: var(--hang); margin-inline-start: calc(-1 * var(--hang)); }
.gap { white-space: pre; tab-size: 0; }
.para.quote { margin-inline: calc(2 * var(--hang)) var(--hang); }
.para.quote > .num { inline-size: calc(2 * var(--hang)); margin-inline-start: calc(-2 * var(--hang)); }
.tab { white-space: pre; tab-size: 4; }
a { color: inherit; }
a[href^="http"], a[href^="mailto"] { text-decoration: underline; }

/* Lists: (a), (b)... or bullets, written in the text and hanging like paragraph numbers. */
ol.list, ul.list { list-style: none; margin-block: 0 0.7em; margin-inline: var(--hang) 0; padding: 0; }
/* A nested list hangs its markers in its parent item's text column. */
.list .list { margin-block: 0.35em 0; margin-inline-start: 0; }
.list > li { margin-inline-start: var(--hang); margin-block-end: 0.35em; text-align: justify; }
.list > li > .marker { display: inline-block; inline-size: var(--hang); margin-inline-start: calc(-1 * var(--hang)); }

/* Tables: ruled across only, the header row in italics and repeated on each printed page. */
table { border-collapse: collapse; font-size: 9pt; line-height: 1.25; margin-block: 0.3em 1em; }
:root:lang(ar) table { font-size: 11pt; }
main table { margin-inline: var(--hang) 0; max-inline-size: calc(100% - var(--hang)); }
thead { display: table-header-group; }
tr { break-inside: avoid; }
/* The same room on both sides: a cell in the other direction (English in an Arabic report) keeps its gap. */
th, td { padding-block: 2pt; padding-inline: 5pt; text-align: start; vertical-align: top; }
th { font-weight: normal; font-style: italic; }
/* A header cell down the side (the stub column) reads as text. */
tbody th { font-style: normal; }
table { border-block: 1.5pt solid #000; }
thead th { border-block-end: 0.75pt solid #000; }

/* Footnote references and the notes at the end of the text. */
sup, sub { font-size: 70%; line-height: 0; }
/* Isolated, so in Arabic a reference after a figure ("17/119.¹") is not read as part of the number. */
.fnref { unicode-bidi: isolate; }
.fnref a { text-decoration: none; }
.footnotes { margin-block-start: 2em; font-size: 9pt; break-inside: auto; }
.footnotes::before { content: ""; display: block; inline-size: 4cm; border-block-start: 0.75pt solid #000; margin-block-end: 0.6em; }
.footnotes ol { list-style: none; margin: 0; padding: 0; }
.footnotes li { margin-inline-start: var(--hang); margin-block-end: 0.25em; }
.footnotes li > .fn-num { display: inline-block; inline-size: var(--hang); margin-inline-start: calc(-1 * var(--hang)); text-decoration: none; }

/* Annexes: each on a page of its own, a full-width table with its columns' widths. */
.annex { break-before: page; }
@media screen { .annex { margin-block-start: 3em; border-block-start: 1pt solid #888; padding-block-start: 1em; } }
.annex h2 { margin-inline-start: 0; text-indent: 0; font-size: 14pt; }
.annex h2 > .label { display: block; inline-size: auto; margin-block-end: 0.4em; }
/* Automatic layout takes the widths as wishes, so no word is cut to fit a narrow column. */
.annex table { inline-size: 100%; overflow-wrap: break-word; }
.annex .empty { margin-inline-start: 0; }

/* The short rule UN documents end with. */
.end { inline-size: 3cm; margin: 2.5em auto 0; border-block-start: 0.75pt solid #000; }
`;
