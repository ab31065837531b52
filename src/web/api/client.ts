import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** An RFC 9457 problem returned by the API, kept whole so forms can show per-field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: { path: string; message: string }[];

  constructor(status: number, body: unknown) {
    const problem = (typeof body === 'object' && body !== null ? body : {}) as {
      title?: string;
      detail?: string;
      errors?: { path: string; message: string }[];
    };
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.title = problem.title ?? `HTTP ${status}`;
    this.detail = problem.detail;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/**
 * Lets the session layer learn that the server no longer recognises the cookie (expired or
 * signed out elsewhere), so the app returns to the sign-in page instead of showing errors.
 */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const sessionWatch: Middleware = {
  onResponse({ response, request }) {
    if (response.status === 401 && !request.url.includes('/api/v1/auth/')) {
      unauthorizedListeners.forEach((l) => l());
    }
    return undefined;
  },
};

/**
 * The one typed client for the REST API. Same-origin and cookie-based: the server sets an
 * httpOnly session cookie, so the browser never holds a token that a script could steal.
 */
export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  credentials: 'same-origin',
});
api.use(sessionWatch);

/**
 * Turns an openapi-fetch result into its data or a thrown ApiError, which is the shape
 * TanStack Query expects from query and mutation functions.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw new ApiError(response.status, error);
  return data as T;
}

/** True when an error is the API saying the thing does not exist (or is not ours to see). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
