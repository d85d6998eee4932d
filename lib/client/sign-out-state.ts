// Once the user presses Sign out, queries still in flight will get 401s; they must not race the
// sign-out navigation with an "expired, come back to …" redirect.
let isSigningOut = false;

export function beginSignOut() {
  isSigningOut = true;
}

export function isSignOutInProgress() {
  return isSigningOut;
}
