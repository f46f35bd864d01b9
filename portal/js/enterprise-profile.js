/**
 * 企业信用档案: opening a profile by code, from the form, a subject link or the address
 * (#uscc=…, so a profile can be linked and the back button works).
 */
import { $, clear, showError, hideError } from './dom.js';
import { gql, messageOf } from './api-client.js';
import { PROFILE_QUERY } from './queries.js';
import { PAGE_SIZE } from './settings.js';
import { normaliseUscc, usccProblem } from './uscc.js';
import { renderProfile } from './profile-view.js';

/** The code shown (or being loaded), and which load is the latest: older answers are dropped. */
const profile = { uscc: null, generation: 0 };

/** Wires the form, subject links and the address, and opens the profile the address names. */
export function startEnterpriseProfile() {
  $('entity-form').addEventListener('submit', (event) => {
    event.preventDefault();
    openProfile($('entity-input').value, { push: true, focus: false });
  });
  document.addEventListener('click', openFromSubjectLink);
  window.addEventListener('hashchange', profileFromHash);
  if (location.hash.indexOf('#uscc=') === 0) profileFromHash();
}

/**
 * A plain click on a subject's name opens its profile in place; a click with a modifier keeps the
 * link's own behaviour (a new tab or window).
 */
function openFromSubjectLink(event) {
  const link = event.target instanceof Element ? event.target.closest('a.subject-link') : null;
  if (!link) return;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  openProfile(link.dataset.uscc, { push: true, focus: true });
}

function profileFromHash() {
  const match = /^#uscc=([^&]*)$/.exec(location.hash);
  if (!match) return;
  const code = normaliseUscc(decodeURIComponent(match[1]));
  if (code === profile.uscc) return;
  openProfile(code, { push: false, focus: true });
}

/**
 * @param options.push record the profile in the address (#uscc=…)
 * @param options.focus move the reader to the profile once shown
 */
function openProfile(text, options = {}) {
  const code = normaliseUscc(text);
  const input = $('entity-input');
  input.value = code;
  const problem = usccProblem(code);
  if (problem) {
    showError($('entity-error'), problem);
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return Promise.resolve();
  }
  input.removeAttribute('aria-invalid');
  if (code === profile.uscc && !$('profile').hidden && !$('profile').hasAttribute('aria-busy')) {
    // Already shown: just take the reader there.
    if (options.focus) focusProfile();
    return Promise.resolve();
  }
  if (options.push) {
    const hash = '#uscc=' + encodeURIComponent(code);
    if (location.hash !== hash) history.pushState(null, '', hash);
  }
  return loadProfile(code, options.focus);
}

function loadProfile(code, focus) {
  const generation = ++profile.generation;
  const article = $('profile');
  const status = $('entity-status');
  hideError($('entity-error'));
  profile.uscc = code;
  status.textContent = '正在查询 ' + code + ' ……';
  article.setAttribute('aria-busy', 'true');
  return gql(PROFILE_QUERY, { uscc: code, first: PAGE_SIZE })
    .then((data) => {
      if (generation !== profile.generation) return;
      clear(article);
      status.textContent = '';
      if (!data.entity) {
        article.hidden = true;
        showError($('entity-error'), '未找到统一社会信用代码为 ' + code + ' 的企业或机构。');
        return;
      }
      renderProfile(article, data.entity);
      article.hidden = false;
      if (focus) focusProfile();
    })
    .catch((error) => {
      if (generation !== profile.generation) return;
      status.textContent = '';
      article.hidden = true;
      profile.uscc = null;
      showError($('entity-error'), messageOf(error));
    })
    .then(() => {
      if (generation === profile.generation) article.removeAttribute('aria-busy');
    });
}

function focusProfile() {
  $('enterprise').scrollIntoView({ block: 'start' });
  $('profile-name').focus({ preventScroll: true });
}
