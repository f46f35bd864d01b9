/**
 * The admin token, kept for this tab only (sessionStorage): pasted once, gone when the tab closes,
 * never written to localStorage, a cookie or the address.
 */
const KEY = 'disclosure-hub.admin-token';

export function storedToken() {
  try {
    return sessionStorage.getItem(KEY) || '';
  } catch {
    return ''; // storage switched off: the token is asked for on every load
  }
}

export function keepToken(token) {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // Without storage the page still works for this load.
  }
}

export function forgetToken() {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}
