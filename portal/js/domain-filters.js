/**
 * The rows of filter buttons above a list (全部 / 信用 / 交易 / …): one pressed at a time. Each
 * button carries its value in an attribute, data-domain by default.
 */

/** Calls choose(value) when a button is clicked, after marking it the pressed one ('' is 全部). */
export function whenDomainChosen(group, choose, attribute = 'data-domain') {
  group.addEventListener('click', (event) => {
    const button = event.target.closest('button[' + attribute + ']');
    if (!button) return;
    const value = button.getAttribute(attribute);
    setPressed(group, attribute, value);
    choose(value);
  });
}

function setPressed(group, attribute, value) {
  group.querySelectorAll('button').forEach((button) => {
    button.setAttribute('aria-pressed', button.getAttribute(attribute) === value ? 'true' : 'false');
  });
}
