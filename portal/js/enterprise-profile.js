/**
 * 企业信用档案: opening a profile by code, from the form, the search box, a subject link or the
 * address (#uscc=…, so a profile can be linked and the back button works). The code's check
 * (usccCheck) comes with the profile, so a wrong code is answered with why it is wrong.
 */
import { $, clear, showError, showErrorList, hideError } from './dom.js';
import { gql, messageOf } from './api-client.js';
import { PROFILE_QUERY } from './queries.js';
import { PAGE_SIZE } from './settings.js';
import { joinCodeGroups, normaliseUscc } from './uscc.js';
import { renderProfile } from './profile-view.js';
import { showNormalisation, problemsOf } from './uscc-check-view.js';

/** The code shown (or being loaded), and which load is the latest: older answers are dropped. */
const profile = { uscc: null, generation: 0 };

/** Wires the form, subject links and the address, and opens the profile the address names. */
export function startEnterpriseProfile() {
  $('entity-form').addEventListener('submit', (event) => {
    event.preventDefault();
    openEnterprise($('entity-input').value, { push: true, focus: false });
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
  openEnterprise(link.dataset.uscc, { push: true, focus: true });
}

function profileFromHash() {
  const match = /^#uscc=([^&]*)$/.exec(location.hash);
  if (!match) return;
  const text = decodeURIComponent(match[1]);
  if (normaliseUscc(text) === profile.uscc) return;
  openEnterprise(text, { push: false, focus: true });
}

/**
 * Looks a code up as typed and shows the profile, or why there is none.
 * @param options.push record the profile in the address (#uscc=…)
 * @param options.focus move the reader to the profile (or the reason) once shown
 */
export function openEnterprise(text, options = {}) {
  const sent = joinCodeGroups(text);
  const input = $('entity-input');
  input.value = sent.trim();
  if (!sent.trim()) {
    showError($('entity-error'), '请输入统一社会信用代码。');
    markInvalid(true);
    input.focus();
    return Promise.resolve();
  }
  if (normaliseUscc(sent) === profile.uscc && !$('profile').hidden && !$('profile').hasAttribute('aria-busy')) {
    // Already shown: just take the reader there.
    if (options.focus) focusProfile();
    return Promise.resolve();
  }
  return loadProfile(sent, sent !== String(text || ''), options);
}

function loadProfile(sent, groupsJoined, options) {
  const generation = ++profile.generation;
  const article = $('profile');
  const status = $('entity-status');
  hideError($('entity-error'));
  profile.uscc = normaliseUscc(sent);
  status.textContent = '正在查询 ' + sent.trim() + ' ……';
  article.setAttribute('aria-busy', 'true');
  return gql(PROFILE_QUERY, { uscc: sent, first: PAGE_SIZE })
    .then((data) => {
      if (generation !== profile.generation) return;
      const check = data.usccCheck;
      delete $('entity-error').dataset.problems;
      $('entity-input').value = check.normalized;
      showNormalisation($('entity-check'), check, groupsJoined);
      clear(article);
      status.textContent = '';
      markInvalid(!check.valid);
      if (!data.entity) {
        article.hidden = true;
        profile.uscc = null;
        showNotFound(check);
        if (options.focus) $('entity-input').focus();
        return;
      }
      profile.uscc = check.normalized;
      if (options.push) {
        const hash = '#uscc=' + encodeURIComponent(check.normalized);
        if (location.hash !== hash) history.pushState(null, '', hash);
      }
      renderProfile(article, data.entity, check);
      article.hidden = false;
      if (options.focus) focusProfile();
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

/** No enterprise has the code: say so, and when the code itself is wrong, why. */
function showNotFound(check) {
  const error = $('entity-error');
  const problems = problemsOf(check);
  if (!problems.length) {
    showError(error, '未找到统一社会信用代码为 ' + check.normalized + ' 的企业或机构。');
    return;
  }
  const shown = check.normalized ? '“' + check.normalized + '”' : '';
  showErrorList(error, '统一社会信用代码' + shown + '有误，未找到对应的企业或机构：', problems);
  error.dataset.problems = check.problems.map((p) => p.kind).join(' ');
}

function markInvalid(invalid) {
  const input = $('entity-input');
  if (invalid) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

function focusProfile() {
  $('enterprise').scrollIntoView({ block: 'start' });
  $('profile-name').focus({ preventScroll: true });
}
