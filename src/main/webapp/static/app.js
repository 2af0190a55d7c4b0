// cdp-console: progressive enhancements only; every form works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // The sandbox switcher submits as soon as a sandbox is chosen.
  document.querySelectorAll('select[data-autosubmit]').forEach((select) => {
    select.addEventListener('change', () => select.form.requestSubmit());
  });
  // Copy buttons copy the field they name.
  document.querySelectorAll('[data-copy-target]').forEach((button) => {
    button.addEventListener('click', () => {
      const field = document.getElementById(button.dataset.copyTarget);
      if (!field) {
        return;
      }
      field.select();
      const done = () => { button.textContent = button.dataset.copiedLabel || button.textContent; };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(field.value).then(done, () => document.execCommand('copy') && done());
      } else if (document.execCommand('copy')) {
        done();
      }
    });
  });
  // Forms with data-confirm ask before they are sent.
  document.querySelectorAll('form[data-confirm]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
  // htmx requests carry the page's CSRF token.
  const token = document.querySelector('meta[name="csrf-token"]');
  document.body.addEventListener('htmx:configRequest', (event) => {
    if (token) {
      event.detail.headers['X-CSRF-Token'] = token.content;
    }
  });
});
