/** The rows of domain buttons (全部 / 信用 / 交易 / …) above a list: one pressed at a time. */

/** Calls choose(domain) when a button is clicked, after marking it the pressed one ('' is 全部). */
export function whenDomainChosen(group, choose) {
  group.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-domain]');
    if (!button) return;
    const domain = button.getAttribute('data-domain');
    setPressed(group, domain);
    choose(domain);
  });
}

function setPressed(group, domain) {
  group.querySelectorAll('button').forEach((button) => {
    button.setAttribute('aria-pressed', button.getAttribute('data-domain') === domain ? 'true' : 'false');
  });
}
