import type { IncomingMessage } from "node:http";

/** A Node request's headers as web Headers (a repeated header joined as HTTP joins it), for code written against Request. */
export function toWebHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}
