export interface Migration {
  version: number;
  name: string;
  /** SQL run in one transaction, followed by `PRAGMA user_version = version`. */
  up: string;
}
