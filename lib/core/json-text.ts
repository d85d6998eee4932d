/**
 * A value already serialised as JSON (by PostgreSQL, say): a reply envelope splices the text in as it
 * is instead of parsing and serialising it again.
 */
export class JsonText {
  constructor(readonly text: string) {}
}
