// The public tracker's stylesheet and its one small script, written beside its pages (style.css,
// tracker.js): the pages' Content-Security-Policy lets them load these from their own folder and
// nothing else. The script only filters what the page already shows; without it every
// recommendation is there to read, and the filters, which need it, are not shown at all.

export const TRACKER_CSS = `:root {
  --ink: #1b1f24;
  --muted: #4a5360;
  --line: #c9d0d8;
  --paper: #ffffff;
  --band: #f3f5f8;
  --accent: #0b4f8a;
  --focus: #b8520a;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { font-size: 100%; }
body {
  margin: 0;
  background: var(--paper);
  color: var(--ink);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", Arial, sans-serif;
  line-height: 1.55;
}
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, main:focus-visible {
  outline: 3px solid var(--focus);
  outline-offset: 2px;
}
.wrap { max-width: 72rem; margin-inline: auto; padding-inline: 1.25rem; }
.skip {
  position: absolute;
  inset-inline-start: 1rem;
  top: -4rem;
  background: var(--ink);
  color: #fff;
  padding: 0.5rem 1rem;
  border-radius: 0 0 0.4rem 0.4rem;
  z-index: 10;
}
.skip:focus { top: 0; }
.visually-hidden {
  position: absolute !important;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
}
.site-header { background: var(--accent); color: #fff; }
.site-header .wrap { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: 0.75rem 2rem; padding-block: 1rem 0; }
.site-name { margin: 0; font-size: 1.35rem; font-weight: 700; }
.site-sub { margin: 0 0 0.9rem; font-size: 0.95rem; }
.site-nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0; padding: 0; list-style: none; }
.site-nav a {
  display: block;
  padding: 0.55rem 0.9rem;
  color: #fff;
  text-decoration: none;
  border-radius: 0.4rem 0.4rem 0 0;
}
.site-nav a:hover { text-decoration: underline; }
.site-nav a[aria-current="page"] { background: var(--paper); color: var(--accent); font-weight: 600; }
.site-nav a:focus-visible { outline-color: #fff; outline-offset: -4px; }
.site-nav a[aria-current="page"]:focus-visible { outline-color: var(--focus); }
main { display: block; padding-block: 1.5rem 3rem; }
main:focus { outline: none; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 0.75rem; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.1rem; margin: 0; }
h4 { font-size: 1rem; margin: 1rem 0 0.4rem; }
.intro { max-width: 48rem; font-size: 1.05rem; }
.updated { color: var(--muted); }
.summary { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0 0 1.5rem; padding: 0; list-style: none; }
.summary li {
  display: flex;
  align-items: center;
  gap: 0.5rem;
  padding: 0.4rem 0.75rem;
  background: var(--band);
  border: 1px solid var(--line);
  border-radius: 0.4rem;
}
.summary-count { font-size: 1.25rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.filters {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
  gap: 0.75rem 1rem;
  align-items: end;
  margin-top: 1.5rem;
  padding: 1rem;
  background: var(--band);
  border: 1px solid var(--line);
  border-radius: 0.5rem;
}
.filters h2 { grid-column: 1 / -1; margin: 0; font-size: 1.1rem; }
.field { display: flex; flex-direction: column; gap: 0.25rem; min-width: 0; }
.field label { font-weight: 600; font-size: 0.95rem; }
.field input, .field select {
  width: 100%;
  min-height: 2.5rem;
  padding: 0.4rem 0.6rem;
  font: inherit;
  color: var(--ink);
  background: #fff;
  border: 1px solid #69737f;
  border-radius: 0.35rem;
}
.field-button { align-items: flex-start; }
.filters button {
  min-height: 2.5rem;
  padding: 0.4rem 1rem;
  font: inherit;
  color: var(--accent);
  background: #fff;
  border: 1px solid var(--accent);
  border-radius: 0.35rem;
  cursor: pointer;
}
.count { margin: 1rem 0 0.5rem; font-weight: 600; }
.recs, .inputs { margin: 0; padding: 0; list-style: none; }
.rec, .input {
  margin-block: 0 1rem;
  padding: 1rem 1.25rem;
  border: 1px solid var(--line);
  border-inline-start: 0.4rem solid var(--line);
  border-radius: 0.5rem;
}
.rec-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5rem 1rem; }
.rec-title { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 0.75rem; }
.rec-title h3 { font-size: 1.25rem; }
.rec-origin { margin: 0; color: var(--muted); font-size: 0.95rem; }
.rec-text { margin: 0.5rem 0; font-size: 1.05rem; overflow-wrap: anywhere; }
.pill {
  display: inline-block;
  padding: 0.1rem 0.6rem;
  border: 1px solid currentColor;
  border-radius: 1rem;
  font-size: 0.9rem;
  font-weight: 600;
  white-space: nowrap;
}
.status-label { font-weight: 400; }
.status-not_started { color: #5b3f00; background: #fff4d6; }
.status-in_progress { color: #0b4a75; background: #e3f0fb; }
.status-partially_implemented { color: #2f4f0a; background: #eef6de; }
.status-implemented { color: #0d5127; background: #dff3e6; }
.status-not_applicable { color: #3d444d; background: #eceef1; }
.rec.status-implemented { border-inline-start-color: #2e8b57; background: var(--paper); color: var(--ink); }
.rec.status-partially_implemented { border-inline-start-color: #7a9c2a; background: var(--paper); color: var(--ink); }
.rec.status-in_progress { border-inline-start-color: #2f7fc1; background: var(--paper); color: var(--ink); }
.rec.status-not_started { border-inline-start-color: #c99a1c; background: var(--paper); color: var(--ink); }
.rec.status-not_applicable { border-inline-start-color: #8b949e; background: var(--paper); color: var(--ink); }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 0.5rem 1.5rem; margin: 0.75rem 0 0; }
.facts div { min-width: 0; }
.facts dt { font-size: 0.85rem; font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.progress { margin: 0; padding: 0; list-style: none; border-inline-start: 2px solid var(--line); }
.progress li { margin: 0 0 0.6rem; padding-inline-start: 0.9rem; }
.progress time { display: block; font-size: 0.9rem; font-weight: 600; color: var(--muted); }
.progress p, .none { margin: 0; }
.none { color: var(--muted); }
.input h2 { margin: 0 0 0.5rem; font-size: 1.15rem; }
.said-did { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem 2rem; }
.said-did h3 { margin-bottom: 0.3rem; color: var(--accent); }
.said-did p { margin: 0.3rem 0; overflow-wrap: anywhere; }
.meta { margin: 0.3rem 0; padding: 0; list-style: none; color: var(--muted); font-size: 0.95rem; }
.where { margin: 0.5rem 0 0; padding: 0; list-style: none; }
.where li { margin: 0.15rem 0; }
.disposition-reflected { color: #0d5127; background: #dff3e6; }
.disposition-partly_reflected { color: #2f4f0a; background: #eef6de; }
.disposition-not_reflected { color: #7a1f12; background: #fbe9e6; }
.disposition-pending { color: #3d444d; background: #eceef1; }
.site-footer { border-top: 1px solid var(--line); background: var(--band); padding-block: 1.25rem; font-size: 0.95rem; }
.site-footer ul { display: inline; margin: 0; padding: 0; list-style: none; }
.site-footer li { display: inline; }
.site-footer li + li::before { content: " · "; }
/* A text keeps its own direction, and lines up with the page's. */
[dir="auto"] { unicode-bidi: plaintext; }
html[dir="ltr"] [dir="auto"] { text-align: left; }
html[dir="rtl"] [dir="auto"] { text-align: right; }
/* On a phone the pages' links are two buttons under the name, not tabs. */
@media (max-width: 40rem) {
  .site-header .wrap { padding-bottom: 0.9rem; }
  .site-nav a, .site-nav a[aria-current="page"] { border-radius: 0.4rem; border: 1px solid #fff; }
  h1 { font-size: 1.6rem; }
}
@media print {
  .site-header, .filters, .skip, .site-footer { display: none; }
  .rec, .input { break-inside: avoid; }
}
`;

/** Filters the list of recommendations the page shows: by theme, ministry, mechanism, status and words. */
export const TRACKER_JS = `// The public tracker's filters: they hide the recommendations that do not match. Without this
// script every recommendation is shown and the filters stay hidden.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var list = document.getElementById('recommendations');
  if (!form || !list) return;
  var items = Array.prototype.slice.call(list.querySelectorAll('li.rec'));
  var count = document.getElementById('count');
  var none = document.getElementById('no-match');
  var fold = function (s) {
    return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLocaleLowerCase();
  };
  var texts = items.map(function (li) { return fold(li.textContent || ''); });
  var number = new Intl.NumberFormat(document.documentElement.getAttribute('data-locale') || undefined);
  var template = count.getAttribute('data-template') || '';
  var has = function (li, key, value) {
    if (value === '') return true;
    return (' ' + (li.getAttribute('data-' + key) || '') + ' ').indexOf(' ' + value + ' ') !== -1;
  };
  var field = function (name) { return form.elements.namedItem(name); };
  var apply = function () {
    var words = fold(field('q').value).split(/\\s+/).filter(Boolean);
    var wanted = { theme: field('theme').value, ministry: field('ministry').value, mechanism: field('mechanism').value, status: field('status').value };
    var shown = 0;
    items.forEach(function (li, i) {
      var match = has(li, 'theme', wanted.theme) && has(li, 'ministry', wanted.ministry) && has(li, 'mechanism', wanted.mechanism) && has(li, 'status', wanted.status) &&
        words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      li.hidden = !match;
      if (match) shown++;
    });
    count.textContent = template.replace('{shown}', number.format(shown)).replace('{total}', number.format(items.length));
    none.hidden = shown !== 0;
  };
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();
`;
