/**
 * An RFC 9457 problem. Throw it anywhere in a request; the error handler turns it into
 * `application/problem+json` with the same status, so every error has one shape.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
}

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
};

/** Shorthand: `throw problem(404, 'Ticket 42 does not exist')`. */
export function problem(status: number, detail?: string, extra?: Record<string, unknown>): Problem {
  return new Problem(status, titles[status] ?? 'Error', detail, extra);
}

/** The answer for a record that does not exist or that the caller may not know exists. */
export function notFound(what: string, id: string | number): Problem {
  return problem(404, `${what} ${id} was not found.`);
}
