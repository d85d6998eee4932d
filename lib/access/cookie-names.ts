// Names shared by the server and the page's script (browser-safe: no secrets, no node modules).
export const SESSION_COOKIE = "procdeck_session";
/** readable by the page's script (not httpOnly): it echoes it in x-csrf-token on every write */
export const CSRF_COOKIE = "procdeck_csrf";
export const CSRF_HEADER = "x-csrf-token";
/** the business last looked at, so "/" opens it again */
export const BUSINESS_COOKIE = "procdeck_biz";
