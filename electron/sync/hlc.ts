// A hybrid logical clock. Stamps sort as strings in causal order: "<ISO time>-<counter>-<replica>".
// The replica id makes every stamp unique across offices; the counter orders events in one ms.

export interface ParsedStamp {
  millis: number;
  counter: number;
  replica: string;
}

const STAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;
const MAX_COUNTER = 0xffff;

/** Is this a stamp's shape (without reading its time)? */
export function isStamp(stamp: string): boolean {
  return STAMP.test(stamp);
}

export function formatStamp(millis: number, counter: number, replica: string): string {
  return `${new Date(millis).toISOString()}-${counter.toString(16).padStart(4, '0')}-${replica}`;
}

export function parseStamp(stamp: string): ParsedStamp | null {
  const m = STAMP.exec(stamp);
  if (!m) return null;
  return { millis: Date.parse(m[1]!), counter: parseInt(m[2]!, 16), replica: m[3]! };
}

export class Clock {
  private millis = 0;
  private counter = 0;

  constructor(
    readonly replica: string,
    private readonly now: () => number = Date.now,
  ) {
    if (!/^[0-9a-f]{16}$/.test(replica)) throw new Error(`bad replica id ${replica}`);
  }

  /** A new stamp, later than every stamp this clock has made or seen. */
  tick(): string {
    const wall = this.now();
    if (wall > this.millis) {
      this.millis = wall;
      this.counter = 0;
    } else {
      this.counter++;
      if (this.counter > MAX_COUNTER) {
        // Too many events in one millisecond: borrow the next one.
        this.millis++;
        this.counter = 0;
      }
    }
    return formatStamp(this.millis, this.counter, this.replica);
  }

  /** Takes in a stamp from elsewhere (the file, another office) so later ticks sort after it. */
  observe(stamp: string): void {
    const p = parseStamp(stamp);
    if (!p) return;
    if (p.millis > this.millis || (p.millis === this.millis && p.counter > this.counter)) {
      this.millis = p.millis;
      this.counter = p.counter;
    }
  }
}
