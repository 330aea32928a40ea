// Which parenthesized groups at the end of a recommendation name the States that made it.
// "... Convention, 2011 (No. 189) (Philippines);" names one State, not two: a group counts as a
// State when it is one of the UN's names for a State, or, as the last group, when it reads like a
// name (a State renamed since this list was written, such as "Türkiye"), never when it holds a
// number or an acronym.

/** UN Member and observer States, as UPR documents have named them; alternative names after "|". */
const STATE_NAMES = [
  'Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola', 'Antigua and Barbuda', 'Argentina', 'Armenia', 'Australia',
  'Austria', 'Azerbaijan', 'Bahamas', 'Bahrain', 'Bangladesh', 'Barbados', 'Belarus', 'Belgium', 'Belize', 'Benin', 'Bhutan',
  'Bolivia (Plurinational State of)|Plurinational State of Bolivia|Bolivia', 'Bosnia and Herzegovina', 'Botswana', 'Brazil',
  'Brunei Darussalam', 'Bulgaria', 'Burkina Faso', 'Burundi', 'Cabo Verde|Cape Verde', 'Cambodia', 'Cameroon', 'Canada',
  'Central African Republic', 'Chad', 'Chile', 'China', 'Colombia', 'Comoros', 'Congo', 'Costa Rica', "Côte d'Ivoire",
  'Croatia', 'Cuba', 'Cyprus', 'Czechia|Czech Republic', "Democratic People's Republic of Korea",
  'Democratic Republic of the Congo', 'Denmark', 'Djibouti', 'Dominica', 'Dominican Republic', 'Ecuador', 'Egypt',
  'El Salvador', 'Equatorial Guinea', 'Eritrea', 'Estonia', 'Eswatini|Swaziland|Kingdom of Eswatini', 'Ethiopia', 'Fiji',
  'Finland', 'France', 'Gabon', 'Gambia', 'Georgia', 'Germany', 'Ghana', 'Greece', 'Grenada', 'Guatemala', 'Guinea',
  'Guinea-Bissau', 'Guyana', 'Haiti', 'Honduras', 'Hungary', 'Iceland', 'India', 'Indonesia',
  'Iran (Islamic Republic of)|Islamic Republic of Iran|Iran', 'Iraq', 'Ireland', 'Israel', 'Italy', 'Jamaica', 'Japan',
  'Jordan', 'Kazakhstan', 'Kenya', 'Kiribati', 'Kuwait', 'Kyrgyzstan', "Lao People's Democratic Republic", 'Latvia',
  'Lebanon', 'Lesotho', 'Liberia', 'Libya', 'Liechtenstein', 'Lithuania', 'Luxembourg', 'Madagascar', 'Malawi', 'Malaysia',
  'Maldives', 'Mali', 'Malta', 'Marshall Islands', 'Mauritania', 'Mauritius', 'Mexico',
  'Micronesia (Federated States of)|Federated States of Micronesia', 'Monaco', 'Mongolia', 'Montenegro', 'Morocco',
  'Mozambique', 'Myanmar', 'Namibia', 'Nauru', 'Nepal', 'Netherlands|Kingdom of the Netherlands', 'New Zealand', 'Nicaragua',
  'Niger', 'Nigeria', 'North Macedonia|The former Yugoslav Republic of Macedonia', 'Norway', 'Oman', 'Pakistan', 'Palau',
  'Panama', 'Papua New Guinea', 'Paraguay', 'Peru', 'Philippines', 'Poland', 'Portugal', 'Qatar', 'Republic of Korea',
  'Republic of Moldova', 'Romania', 'Russian Federation', 'Rwanda', 'Saint Kitts and Nevis', 'Saint Lucia',
  'Saint Vincent and the Grenadines', 'Samoa', 'San Marino', 'Sao Tome and Principe', 'Saudi Arabia', 'Senegal', 'Serbia',
  'Seychelles', 'Sierra Leone', 'Singapore', 'Slovakia', 'Slovenia', 'Solomon Islands', 'Somalia', 'South Africa',
  'South Sudan', 'Spain', 'Sri Lanka', 'Sudan', 'Suriname', 'Sweden', 'Switzerland', 'Syrian Arab Republic', 'Tajikistan',
  'Thailand', 'Timor-Leste', 'Togo', 'Tonga', 'Trinidad and Tobago', 'Tunisia', 'Türkiye|Turkey', 'Turkmenistan', 'Tuvalu',
  'Uganda', 'Ukraine', 'United Arab Emirates', 'United Kingdom of Great Britain and Northern Ireland',
  'United Republic of Tanzania', 'United States of America', 'Uruguay', 'Uzbekistan', 'Vanuatu',
  'Venezuela (Bolivarian Republic of)|Bolivarian Republic of Venezuela|Venezuela', 'Viet Nam', 'Yemen', 'Zambia',
  'Zimbabwe', 'Holy See', 'State of Palestine',
];

/** Case, accents, curly apostrophes, spacing and a leading "the" do not make another State. */
function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

const KNOWN = new Set(STATE_NAMES.flatMap((n) => n.split('|')).map(nameKey));

function isKnownState(name: string): boolean {
  return KNOWN.has(nameKey(name));
}

/** Capitalized words, letters and name punctuation only: no digits, no all-capital acronym. */
function readsLikeStateName(name: string): boolean {
  const words = name.split(/\s+/);
  return (
    /^\p{Lu}[\p{L}\p{M}'’.,\- ()]*$/u.test(name) &&
    !/^[\p{Lu}\p{M}.-]+$/u.test(name) &&
    words.length <= 8 &&
    name.length <= 80
  );
}

/**
 * Where the parenthesized group that closes `text` opens, nested parentheses allowed
 * ("(Iran (Islamic Republic of))"), or -1 when the text does not end with a balanced group.
 */
function openingOfLastGroup(text: string): number {
  if (!text.endsWith(')')) return -1;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ')') depth++;
    else if (c === '(' && --depth === 0) return i;
  }
  return -1;
}

/**
 * Takes the States off the end of one recommendation's text (without its final ";" or "."):
 * the text before them, and the States in the order written.
 */
function takeTrailingStates(text: string, lastPart: boolean): { text: string; states: string[] } {
  const states: string[] = [];
  let rest = text.trimEnd();
  for (;;) {
    const open = openingOfLastGroup(rest);
    if (open < 0) break;
    const name = rest.slice(open + 1, -1).replace(/\s+/g, ' ').trim();
    const rightmost = lastPart && states.length === 0;
    if (!(isKnownState(name) || (rightmost && readsLikeStateName(name)))) break;
    states.unshift(name);
    rest = rest.slice(0, open).trimEnd();
  }
  return { text: rest, states };
}

/** The text split at the semicolons outside parentheses. */
function topLevelParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * A recommendation's text and its States. OHCHR merges like recommendations under one number,
 * each part with its States: "Ratify ... (Ukraine); Increase efforts ... (Slovakia);". The States
 * of every part are taken, in order, and the parts kept, joined by "; ".
 */
export function splitStates(text: string): { text: string; states: string[] } {
  const parts = topLevelParts(text.replace(/[\s;,.]+$/u, ''));
  const states: string[] = [];
  const texts = parts.map((part, i) => {
    const taken = takeTrailingStates(part, i === parts.length - 1);
    for (const s of taken.states) if (!states.includes(s)) states.push(s);
    return taken.text;
  });
  return { text: texts.filter((t) => t !== '').join('; '), states };
}
